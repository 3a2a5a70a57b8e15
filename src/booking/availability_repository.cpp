#include "booking/availability_repository.hpp"

#include "booking/slot_finder.hpp"
#include "booking/time_format.hpp"
#include "db/database.hpp"

namespace careops::booking {

Availability AvailabilityRepository::Load(std::int64_t workspace_id, std::int64_t staff_id) const {
  Availability a;
  for (const db::Row& row : conn_.Query(
           "SELECT weekday, start_minute, end_minute FROM staff_hours "
           "WHERE workspace_id = ? AND staff_id = ? ORDER BY weekday, start_minute, end_minute",
           {workspace_id, staff_id})) {
    a.weekly.push_back(
        {static_cast<int>(row.Int(0)), static_cast<int>(row.Int(1)), static_cast<int>(row.Int(2))});
  }
  for (const db::Row& row : conn_.Query("SELECT date, closed, intervals, note FROM staff_overrides "
                                        "WHERE workspace_id = ? AND staff_id = ? ORDER BY date",
                                        {workspace_id, staff_id})) {
    const auto date = ParseDate(row.Text(0));
    if (!date) continue;  // never written by Replace
    a.overrides.push_back({*date, row.Int(1) != 0, ParseIntervals(row.Text(2)), row.Text(3)});
  }
  return a;
}

void AvailabilityRepository::Replace(std::int64_t workspace_id, std::int64_t staff_id,
                                     const Availability& a) const {
  conn_.Execute("DELETE FROM staff_hours WHERE workspace_id = ? AND staff_id = ?",
                {workspace_id, staff_id});
  conn_.Execute("DELETE FROM staff_overrides WHERE workspace_id = ? AND staff_id = ?",
                {workspace_id, staff_id});
  for (const WeeklyInterval& w : a.weekly) {
    conn_.Execute(
        "INSERT INTO staff_hours (workspace_id, staff_id, weekday, start_minute, end_minute) "
        "VALUES (?, ?, ?, ?, ?)",
        {workspace_id, staff_id, std::int64_t{w.weekday}, std::int64_t{w.start_minute},
         std::int64_t{w.end_minute}});
  }
  for (const AvailabilityOverride& o : a.overrides) {
    conn_.Execute(
        "INSERT INTO staff_overrides (workspace_id, staff_id, date, closed, intervals, note) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {workspace_id, staff_id, FormatDate(o.date), std::int64_t{o.closed ? 1 : 0},
         o.closed ? std::string() : FormatIntervals(o.intervals), o.note});
  }
}

}  // namespace careops::booking
