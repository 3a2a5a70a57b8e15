#include "booking/slot_service.hpp"

#include <algorithm>
#include <map>

#include "booking/time_format.hpp"
#include "db/database.hpp"

namespace careops::booking {
namespace {

constexpr Millis kHour = 3'600'000;
constexpr Millis kDay = 24 * kHour;

}  // namespace

Result<SlotRange> ParseSlotRange(const std::optional<std::string>& from,
                                 const std::optional<std::string>& to,
                                 const std::optional<std::string>& tz,
                                 const std::string& workspace_timezone) {
  SlotRange range;
  range.timezone = tz && !tz->empty() ? *tz : workspace_timezone;
  if (!IsTimeZone(range.timezone)) {
    return Error::InvalidArgument("tz must be an IANA time zone such as Europe/London", "tz");
  }
  if (!from || from->empty()) return Error::InvalidArgument("from is required", "from");
  if (!to || to->empty()) return Error::InvalidArgument("to is required", "to");
  auto f = ParseInstantOrDate(*from, range.timezone, "from");
  if (!f.ok()) return std::move(f).error();
  auto t = ParseInstantOrDate(*to, range.timezone, "to");
  if (!t.ok()) return std::move(t).error();
  if (*t <= *f) return Error::InvalidArgument("to must be after from", "to");
  if (*t - *f > kMaxSlotRangeDays * kDay + kHour) {
    return Error::InvalidArgument("to must be at most 62 days after from", "to");
  }
  range.from = *f;
  range.to = *t;
  return range;
}

std::vector<StaffRef> StaffNames(db::Connection& conn, const std::vector<std::int64_t>& ids) {
  std::vector<StaffRef> out;
  for (std::int64_t id : ids) {
    auto row = conn.QueryOne("SELECT full_name FROM users WHERE id = ?", {id});
    out.push_back({id, row ? row->Text(0) : std::string()});
  }
  return out;
}

std::vector<NamedSlot> NameSlots(db::Connection& conn, const std::vector<Slot>& slots) {
  std::vector<std::int64_t> ids;
  for (const Slot& s : slots) ids.insert(ids.end(), s.staff_ids.begin(), s.staff_ids.end());
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::map<std::int64_t, std::string> names;
  for (StaffRef& r : StaffNames(conn, ids)) names[r.id] = std::move(r.name);
  std::vector<NamedSlot> out;
  out.reserve(slots.size());
  for (const Slot& s : slots) {
    NamedSlot n{s.start_utc, s.end_utc, {}};
    for (std::int64_t id : s.staff_ids) n.staff.push_back({id, names[id]});
    out.push_back(std::move(n));
  }
  return out;
}

}  // namespace careops::booking
