#include "booking/slot_finder.hpp"

#include <date/date.h>

#include <algorithm>
#include <charconv>
#include <string>
#include <string_view>

#include "booking/time_format.hpp"
#include "db/database.hpp"

namespace careops::booking {
namespace {

constexpr Millis kMinute = 60'000;
constexpr Millis kDay = 24 * 60 * kMinute;
// Longer than any booking's busy time (duration <= 1440 minutes plus two buffers <= 240 each,
// by the service rules), so that the busy query reads a bounded range of bookings_staff_busy
// instead of the staff member's whole history.
constexpr Millis kLongestBusy = 2 * kDay;

// The staff of `service` who are active members of its workspace (and, when asked, only
// `only`), ascending.
std::vector<std::int64_t> EligibleStaff(db::Connection& conn, const Service& service,
                                        const std::optional<std::int64_t>& only) {
  std::vector<std::int64_t> ids;
  for (const db::Row& row :
       conn.Query("SELECT ss.staff_id FROM service_staff ss "
                  "JOIN workspace_members m ON m.user_id = ss.staff_id AND m.workspace_id = ? "
                  "WHERE ss.service_id = ? AND m.status = 'active' ORDER BY ss.staff_id",
                  {service.workspace_id, service.id})) {
    const std::int64_t id = row.Int(0);
    if (!only || *only == id) ids.push_back(id);
  }
  return ids;
}

// The UTC calendar date of an instant, "2026-03-30" (compared as text with staff_overrides.date).
std::string UtcDate(Millis t) {
  const date::sys_days day{date::days{t >= 0 ? t / kDay : (t - kDay + 1) / kDay}};
  return date::format("%F", day);
}

}  // namespace

std::vector<LocalInterval> ParseIntervals(std::string_view text) {
  std::vector<LocalInterval> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    const std::string_view pair = text.substr(start, comma - start);
    const std::size_t dash = pair.find('-');
    LocalInterval i;
    if (dash != std::string_view::npos) {
      auto a = std::from_chars(pair.data(), pair.data() + dash, i.start_minute);
      auto b = std::from_chars(pair.data() + dash + 1, pair.data() + pair.size(), i.end_minute);
      if (a.ec == std::errc() && b.ec == std::errc() && a.ptr == pair.data() + dash &&
          b.ptr == pair.data() + pair.size()) {
        out.push_back(i);
      }
    }
    start = comma + 1;
  }
  return out;
}

std::string FormatIntervals(const std::vector<LocalInterval>& intervals) {
  std::string out;
  for (const LocalInterval& i : intervals) {
    if (!out.empty()) out += ',';
    out += std::to_string(i.start_minute) + "-" + std::to_string(i.end_minute);
  }
  return out;
}

Result<std::vector<Slot>> FindSlots(db::Connection& conn, const std::string& time_zone,
                                    const Service& service, const SlotQuery& query, Millis now) {
  ServiceRules rules;
  rules.duration_minutes = service.duration_minutes;
  rules.buffer_before_minutes = service.buffer_before_minutes;
  rules.buffer_after_minutes = service.buffer_after_minutes;
  rules.min_notice_minutes = query.apply_notice ? service.min_notice_minutes : 0;
  rules.horizon_days = service.horizon_days;
  rules.slot_interval_minutes = service.slot_interval_minutes;

  // Any slot starting in [from, to) holds its staff member in [reach_from, reach_to).
  const Millis reach_from = query.from - service.buffer_before_minutes * kMinute;
  const Millis reach_to =
      query.to + (service.duration_minutes + service.buffer_after_minutes) * kMinute;
  // Local dates are within 14 hours of UTC dates; two days of margin cover any zone.
  const std::string first_date = UtcDate(query.from - 2 * kDay);
  const std::string last_date = UtcDate(query.to + 2 * kDay);

  std::vector<StaffAvailability> staff;
  for (std::int64_t staff_id : EligibleStaff(conn, service, query.staff_id)) {
    StaffAvailability a;
    a.staff_id = staff_id;
    for (const db::Row& row :
         conn.Query("SELECT weekday, start_minute, end_minute FROM staff_hours "
                    "WHERE workspace_id = ? AND staff_id = ? ORDER BY weekday, start_minute",
                    {service.workspace_id, staff_id})) {
      const auto weekday = row.Int(0);
      if (weekday < 0 || weekday > 6) continue;
      a.hours.days[static_cast<std::size_t>(weekday)].push_back(
          {static_cast<int>(row.Int(1)), static_cast<int>(row.Int(2))});
    }
    for (const db::Row& row : conn.Query(
             "SELECT date, closed, intervals FROM staff_overrides "
             "WHERE workspace_id = ? AND staff_id = ? AND date >= ? AND date <= ? ORDER BY date",
             {service.workspace_id, staff_id, first_date, last_date})) {
      const auto date = ParseDate(row.Text(0));
      if (!date) continue;
      a.overrides.push_back({*date, row.Int(1) != 0, ParseIntervals(row.Text(2))});
    }
    for (const db::Row& row : conn.Query(
             "SELECT busy_from, busy_until FROM bookings "
             "WHERE workspace_id = ? AND staff_id = ? AND status IN ('pending', 'confirmed') "
             "AND busy_from >= ? AND busy_from < ? AND busy_until > ? AND id <> ?",
             {service.workspace_id, staff_id, reach_from - kLongestBusy, reach_to, reach_from,
              query.ignore_booking_id.value_or(0)})) {
      a.busy.push_back({row.Int(0), row.Int(1)});
    }
    staff.push_back(std::move(a));
  }
  return ComputeSlots(time_zone, rules, staff, now, query.from, query.to);
}

}  // namespace careops::booking
