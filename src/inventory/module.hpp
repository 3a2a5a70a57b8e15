#pragma once
// The inventory feature as the composition root sees it (PRODUCT.md I1–I3): items, the stock
// ledger, service usage, the booking observer that moves stock with bookings, and the handlers
// of its routes.
//
// Wiring: register BookingObserver() with booking::Module::AddObserver, InventoryStep
// (inventory_step.hpp) with workspaces::Onboarding::Register("inventory", …), and
// handlers() in src/app/routes.hpp.

#include <memory>

#include "booking/booking_hooks.hpp"

namespace careops {
class Clock;
}
namespace careops::http {
class EventHub;
}
namespace careops::messaging {
class Outbox;
}

namespace careops::inventory {

class InventoryHandlers;
class InventoryService;

class Module {
 public:
  // Everything passed must outlive the module. Alerts are queued on `outbox`; changes are
  // published on `events`.
  Module(const Clock& clock, const messaging::Outbox& outbox, http::EventHub& events);
  ~Module();

  const InventoryService& service() const;
  const InventoryHandlers& handlers() const;
  // Moves stock with every booking change (booking_stock.hpp).
  booking::BookingObserver BookingObserver() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace careops::inventory
