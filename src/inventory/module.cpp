#include "inventory/module.hpp"

#include "inventory/booking_stock.hpp"
#include "inventory/inventory_handlers.hpp"
#include "inventory/inventory_service.hpp"

namespace careops::inventory {

struct Module::Impl {
  const messaging::Outbox& outbox;
  http::EventHub& events;
  InventoryService service;
  InventoryHandlers handlers;

  Impl(const Clock& clock, const messaging::Outbox& o, http::EventHub& e)
      : outbox(o), events(e), service(clock, o, e), handlers(service) {}
};

Module::Module(const Clock& clock, const messaging::Outbox& outbox, http::EventHub& events)
    : impl_(std::make_unique<Impl>(clock, outbox, events)) {}
Module::~Module() = default;

const InventoryService& Module::service() const { return impl_->service; }
const InventoryHandlers& Module::handlers() const { return impl_->handlers; }
booking::BookingObserver Module::BookingObserver() const {
  return BookingStockObserver(impl_->outbox, impl_->events);
}

}  // namespace careops::inventory
