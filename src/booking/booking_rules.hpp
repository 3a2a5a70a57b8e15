#pragma once
// The status rules of bookings (PRODUCT.md B5; docs/API.md, "Bookings"). Pure functions.
//
//   pending -> confirmed -> completed | no_show     (completed / no_show only once started)
//   pending | confirmed -> cancelled
//   cancelled, completed and no_show are final.
// Asking for the status a booking already has changes nothing and is allowed.

#include "booking/model.hpp"
#include "core/error.hpp"

namespace careops::booking {

// Ok when a booking in `from`, starting at `start_at`, may be set to `to` at `now`; else
// Conflict naming "status" with a message that says why.
Status CheckStatusChange(BookingStatus from, BookingStatus to, Millis start_at, Millis now);

// Whether a customer may still change the booking (cancel, reschedule, confirm): it holds
// time and has not started at `now`.
bool CustomerCanChange(const Booking& booking, Millis now);

}  // namespace careops::booking
