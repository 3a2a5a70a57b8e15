#include "booking/slot_service.hpp"

#include <algorithm>
#include <map>

#include "booking/service_repository.hpp"
#include "booking/slot_finder.hpp"
#include "booking/time_format.hpp"
#include "workspaces/public_workspace.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::booking {
namespace {

constexpr Millis kHour = 3'600'000;
constexpr Millis kDay = 24 * kHour;

// The slots of `service` (of `workspace`) for `texts`; none for an archived service.
Result<SlotAnswer> Answer(db::Connection& conn, const workspaces::Workspace& workspace,
                          const Service& service, const SlotTexts& texts, bool apply_notice,
                          Millis now) {
  auto range = ParseSlotRange(texts.from, texts.to, texts.tz, workspace.timezone);
  if (!range.ok()) return std::move(range).error();
  SlotAnswer answer{range->timezone, {}};
  if (!service.is_active) return answer;
  SlotQuery query;
  query.from = range->from;
  query.to = range->to;
  query.apply_notice = apply_notice;
  auto slots = FindSlots(conn, workspace.timezone, service, query, now);
  if (!slots.ok()) return std::move(slots).error();
  answer.slots = NameSlots(conn, *slots);
  return answer;
}

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
  return StaffRepository(conn).Names(ids);
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

Result<SlotAnswer> StaffSlots(db::Connection& conn, std::int64_t workspace_id,
                              std::int64_t service_id, const SlotTexts& texts, Millis now) {
  const auto workspace = workspaces::WorkspaceRepository(conn).FindById(workspace_id);
  const auto service = ServiceRepository(conn).Find(workspace_id, service_id);
  if (!workspace || !service) return Error::NotFound("no such service");
  return Answer(conn, *workspace, *service, texts, false, now);
}

Result<SlotAnswer> PublicSlots(db::Connection& conn, std::string_view slug, std::int64_t service_id,
                               const SlotTexts& texts, Millis now) {
  auto workspace = workspaces::OpenWorkspaceBySlug(conn, slug);
  if (!workspace.ok()) return std::move(workspace).error();
  const auto service = ServiceRepository(conn).Find(workspace->id, service_id);
  if (!service || !service->is_active) return Error::NotFound("no such service");
  return Answer(conn, *workspace, *service, texts, true, now);
}

}  // namespace careops::booking
