#include "booking/booking_rules.hpp"

#include <string>

namespace careops::booking {

Status CheckStatusChange(BookingStatus from, BookingStatus to, Millis start_at, Millis now) {
  if (from == to) return Ok();
  const std::string was = BookingStatusName(from);
  if (!HoldsTime(from)) {
    return Error::Conflict("a " + was + " booking can no longer change", "status");
  }
  switch (to) {
    case BookingStatus::kPending:
      return Error::Conflict("a confirmed booking cannot go back to pending", "status");
    case BookingStatus::kConfirmed:
    case BookingStatus::kCancelled:
      return Ok();
    case BookingStatus::kCompleted:
    case BookingStatus::kNoShow:
      if (from == BookingStatus::kPending) {
        return Error::Conflict("confirm the booking first", "status");
      }
      if (now < start_at) {
        return Error::Conflict(
            std::string("a booking can be ") + BookingStatusName(to) + " only once it has started",
            "status");
      }
      return Ok();
  }
  return Error::Conflict("unknown status", "status");
}

bool CustomerCanChange(const Booking& booking, Millis now) {
  return HoldsTime(booking.status) && now < booking.start_at;
}

}  // namespace careops::booking
