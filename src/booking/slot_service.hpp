#pragma once
// Free slots as the API shows them (docs/API.md, Booking: Slots): the query's range and zone
// read from text, slots found by FindSlots, staff named. Shared by the staff and public slot
// routes and by the bookings' 409 answers. Thread-safe (stateless; uses the caller's
// connection; reads only).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "booking/model.hpp"
#include "booking/slots.hpp"
#include "booking/staff_repository.hpp"
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

struct NamedSlot {
  Millis start = 0;
  Millis end = 0;
  std::vector<StaffRef> staff;  // ascending id
};

// `slots` with their staff's names.
std::vector<NamedSlot> NameSlots(db::Connection& conn, const std::vector<Slot>& slots);

// The names of users `ids` (users.full_name); an unknown id gets "".
std::vector<StaffRef> StaffNames(db::Connection& conn, const std::vector<std::int64_t>& ids);

// The ?from=&to=&tz= texts of a slots request, as sent (absent: nullopt).
struct SlotTexts {
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::optional<std::string> tz;
};

// What a slots route answers: {"timezone", "slots"}.
struct SlotAnswer {
  std::string timezone;
  std::vector<NamedSlot> slots;
};

// Staff view of service `service_id` of workspace `workspace_id`, without minimum notice
// (never before `now`). NotFound unless the workspace has the service; an archived one has no
// slots. InvalidArgument as ParseSlotRange.
Result<SlotAnswer> StaffSlots(db::Connection& conn, std::int64_t workspace_id,
                              std::int64_t service_id, const SlotTexts& texts, Millis now);
// The public booking page's view, with the service's notice. Errors of
// workspaces::OpenWorkspaceBySlug (404 unknown slug, 409 not open yet); NotFound for a service
// the workspace does not have or has archived; InvalidArgument as ParseSlotRange.
Result<SlotAnswer> PublicSlots(db::Connection& conn, std::string_view slug, std::int64_t service_id,
                               const SlotTexts& texts, Millis now);

}  // namespace careops::booking
