#pragma once
// Free slots as the API shows them (docs/API.md, Booking: Slots): the query's range and zone
// read from text, slots found by FindSlots, staff named. Shared by the staff and public slot
// routes and by the bookings' 409 answers. Thread-safe (stateless; uses the caller's
// connection).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "booking/model.hpp"
#include "booking/slots.hpp"
#include "core/error.hpp"

namespace careops::db {
class Connection;
}

namespace careops::booking {

// The longest range a slot query may span.
inline constexpr int kMaxSlotRangeDays = 62;

struct SlotRange {
  Millis from = 0;  // starts in [from, to)
  Millis to = 0;
  std::string timezone;  // the zone dates were read in (and the answer's "timezone")
};

// Reads ?from=&to=&tz=: `tz` an IANA zone, default `workspace_timezone` (400 naming "tz");
// `from` and `to` required, each a date (local midnight in tz) or an RFC 3339 instant (400
// naming it); `to` after `from` and at most 62 days later (400 naming "to"; an hour's slack
// lets 62 local days span a DST change).
Result<SlotRange> ParseSlotRange(const std::optional<std::string>& from,
                                 const std::optional<std::string>& to,
                                 const std::optional<std::string>& tz,
                                 const std::string& workspace_timezone);

struct StaffRef {
  std::int64_t id = 0;
  std::string name;  // users.full_name
};

struct NamedSlot {
  Millis start = 0;
  Millis end = 0;
  std::vector<StaffRef> staff;  // ascending id
};

// `slots` with their staff's names.
std::vector<NamedSlot> NameSlots(db::Connection& conn, const std::vector<Slot>& slots);

// The names of users `ids` (users.full_name); an unknown id gets "".
std::vector<StaffRef> StaffNames(db::Connection& conn, const std::vector<std::int64_t>& ids);

}  // namespace careops::booking
