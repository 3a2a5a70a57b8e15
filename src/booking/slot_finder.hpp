#pragma once
// Free slots of a stored service: loads the service's active staff members' weekly hours,
// date overrides and busy times (bookings that hold time, with their buffers) from the
// database and runs the slot engine (slots.hpp) over them. Reads only; call it inside the
// caller's transaction when the answer must hold until a write (booking creation does, under
// BEGIN IMMEDIATE).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "booking/model.hpp"
#include "booking/slots.hpp"
#include "core/error.hpp"

namespace careops::db {
class Connection;
}

namespace careops::booking {

struct SlotQuery {
  Millis from = 0;  // starts in [from, to)
  Millis to = 0;
  bool apply_notice = true;  // false for staff: no minimum notice
  // Only this staff member (who must serve the service), else every eligible one.
  std::optional<std::int64_t> staff_id;
  // A booking whose own busy time is ignored (the one being moved).
  std::optional<std::int64_t> ignore_booking_id;
};

// The text of staff_overrides.intervals, "540-720,780-1020" (local start-end minute pairs).
// Parsing skips malformed pairs (the column is only written by FormatIntervals); ranges are
// checked by the slot engine and the availability rules, not here.
std::vector<LocalInterval> ParseIntervals(std::string_view text);
std::string FormatIntervals(const std::vector<LocalInterval>& intervals);

// The free slots of `service` (of its workspace, whose IANA zone is `time_zone`) for `query`,
// as of `now`. Only staff who are active members of the workspace count. Errors as
// ComputeSlots (a service with no staff has no slots, not an error).
Result<std::vector<Slot>> FindSlots(db::Connection& conn, const std::string& time_zone,
                                    const Service& service, const SlotQuery& query, Millis now);

}  // namespace careops::booking
