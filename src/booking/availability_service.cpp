#include "booking/availability_service.hpp"

#include <algorithm>
#include <string_view>
#include <tuple>

#include "booking/time_format.hpp"
#include "core/text.hpp"
#include "db/database.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::booking {
namespace {

bool ValidInterval(int start, int end) { return start >= 0 && start < end && end <= 1440; }

bool DateBefore(const LocalDate& a, const LocalDate& b) {
  return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}

}  // namespace

Status NormalizeAvailability(Availability& a) {
  if (a.weekly.size() > kMaxWeeklyIntervals) {
    return Error::InvalidArgument("at most 50 weekly intervals", "weekly");
  }
  for (const WeeklyInterval& w : a.weekly) {
    if (w.weekday < 0 || w.weekday > 6) {
      return Error::InvalidArgument("weekday must be 0 (Monday) to 6 (Sunday)", "weekly");
    }
    if (!ValidInterval(w.start_minute, w.end_minute)) {
      return Error::InvalidArgument("each weekly interval must start before it ends", "weekly");
    }
  }
  std::sort(a.weekly.begin(), a.weekly.end(), [](const WeeklyInterval& x, const WeeklyInterval& y) {
    return std::tie(x.weekday, x.start_minute, x.end_minute) <
           std::tie(y.weekday, y.start_minute, y.end_minute);
  });

  if (a.overrides.size() > kMaxOverrides) {
    return Error::InvalidArgument("at most 400 overrides", "overrides");
  }
  for (AvailabilityOverride& o : a.overrides) {
    if (o.closed) o.intervals.clear();
    if (o.intervals.size() > kMaxOverrideIntervals) {
      return Error::InvalidArgument("at most 24 intervals per override", "overrides");
    }
    for (const LocalInterval& i : o.intervals) {
      if (!ValidInterval(i.start_minute, i.end_minute)) {
        return Error::InvalidArgument(
            "each interval of " + FormatDate(o.date) + " must start before it ends", "overrides");
      }
    }
    std::sort(o.intervals.begin(), o.intervals.end(),
              [](const LocalInterval& x, const LocalInterval& y) {
                return x.start_minute < y.start_minute;
              });
    if (CodePoints(o.note) > kMaxOverrideNoteChars) {
      return Error::InvalidArgument("an override's note must be at most 500 characters",
                                    "overrides");
    }
  }
  std::sort(a.overrides.begin(), a.overrides.end(),
            [](const AvailabilityOverride& x, const AvailabilityOverride& y) {
              return DateBefore(x.date, y.date);
            });
  for (std::size_t i = 1; i < a.overrides.size(); ++i) {
    if (!DateBefore(a.overrides[i - 1].date, a.overrides[i].date)) {
      return Error::InvalidArgument(FormatDate(a.overrides[i].date) + " is overridden twice",
                                    "overrides");
    }
  }
  return Ok();
}

Result<MemberAvailability> AvailabilityService::Get(db::Connection& conn, std::int64_t workspace_id,
                                                    std::int64_t member_id) const {
  workspaces::WorkspaceRepository workspaces(conn);
  const auto workspace = workspaces.FindById(workspace_id);
  if (!workspace || !workspaces.FindMember(workspace_id, member_id)) {
    return Error::NotFound("no such member");
  }
  return MemberAvailability{member_id, workspace->timezone,
                            AvailabilityRepository(conn).Load(workspace_id, member_id)};
}

Status AvailabilityService::CheckCanChange(db::Connection& conn, std::int64_t workspace_id,
                                           std::int64_t caller_id, std::int64_t member_id) const {
  workspaces::WorkspaceRepository workspaces(conn);
  if (!workspaces.FindMember(workspace_id, member_id)) return Error::NotFound("no such member");
  const auto caller = workspaces.FindMember(workspace_id, caller_id);
  const bool owner = caller && caller->active && caller->role == workspaces::Role::kOwner;
  if (!owner && caller_id != member_id) {
    return Error::PermissionDenied("only an owner or the member themself can change these hours");
  }
  return Ok();
}

Result<MemberAvailability> AvailabilityService::Replace(db::Connection& conn,
                                                        std::int64_t workspace_id,
                                                        std::int64_t caller_id,
                                                        std::int64_t member_id,
                                                        Availability availability) const {
  db::Transaction tx(conn);
  const auto workspace = workspaces::WorkspaceRepository(conn).FindById(workspace_id);
  if (!workspace) return Error::NotFound("no such member");
  if (Status st = CheckCanChange(conn, workspace_id, caller_id, member_id); !st.ok()) {
    return std::move(st).error();
  }
  if (Status st = NormalizeAvailability(availability); !st.ok()) return std::move(st).error();
  AvailabilityRepository(conn).Replace(workspace_id, member_id, availability);
  tx.Commit();
  return MemberAvailability{member_id, workspace->timezone, std::move(availability)};
}

}  // namespace careops::booking
