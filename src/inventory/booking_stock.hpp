#pragma once
// Stock follows bookings (PRODUCT.md I2; docs/API.md, Inventory): the inventory's observer of
// every booking change (booking/booking_hooks.hpp), run inside the booking's transaction.
//
//   becomes confirmed (made confirmed, or approved)  reserve the service's usage now, one
//                                                    `reserve` row per active item — once per
//                                                    booking, whatever happens later
//   becomes cancelled or no_show                     `release` what the booking still holds
//   becomes completed                                `consume` what it holds (reserved and
//                                                    on hand both go down)
//
// What a booking holds is read from its own ledger rows (index inventory_ledger_booking), so
// it releases or consumes exactly what it reserved, whatever the usage is later. A booking is
// never refused for stock: available may go below zero (and the low-stock alert says so).
// After the commit: the outbox is woken when an alert was queued, and each changed item is
// published live (inventory_live.hpp). Thread-safe (stateless).

#include <vector>

#include "booking/booking_hooks.hpp"

namespace careops::http {
class EventHub;
}
namespace careops::messaging {
class Outbox;
}

namespace careops::inventory {

// Applies the change's stock moves; returns the ids of the items that changed (ascending).
std::vector<std::int64_t> ApplyBookingChange(const messaging::Outbox& outbox,
                                             booking::BookingChangeContext& ctx);

// ApplyBookingChange as an observer, with its after-commit work; both must outlive it.
booking::BookingObserver BookingStockObserver(const messaging::Outbox& outbox,
                                              http::EventHub& events);

}  // namespace careops::inventory
