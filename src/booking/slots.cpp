#include "booking/slots.hpp"

#include <date/tz.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <utility>

namespace careops::booking {
namespace {

constexpr Millis kMinute = 60'000;
constexpr Millis kDay = 24 * 60 * kMinute;

// Floor division for instants before the epoch.
std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// One local calendar day of the requested range, with its UTC offset when no transition is
// near (the fast path: then every local minute of the day maps by subtraction).
struct Day {
  std::int64_t index = 0;  // days since 1970-01-01, local
  int weekday = 0;         // 0 = Monday
  std::optional<Millis> offset;
};

class ZoneClock {
 public:
  explicit ZoneClock(const date::time_zone* zone) : zone_(zone) {}

  Day MakeDay(std::int64_t index) const {
    const date::local_days local{date::days{index}};
    Day day{index, static_cast<int>(date::weekday{local}.iso_encoding()) - 1, std::nullopt};
    const date::local_info info = zone_->get_info(local);
    if (info.result == date::local_info::unique) {
      const Millis offset = info.first.offset.count() * 1000;
      const Millis begin = index * kDay - offset;
      // A day's margin either side: no transition can then make a minute of this day
      // nonexistent or ambiguous.
      const Millis period_begin = ToMillis(info.first.begin);
      const Millis period_end = ToMillis(info.first.end);
      if (period_begin <= begin - kDay && period_end > begin + 2 * kDay) day.offset = offset;
    }
    return day;
  }

  // The UTC instant of a local minute of `day`; nullopt when it does not exist and
  // `gap_to_transition` is false. Ambiguous times take the later occurrence.
  std::optional<Millis> ToUtc(const Day& day, int minute, bool gap_to_transition) const {
    const Millis local_ms = day.index * kDay + minute * kMinute;
    if (day.offset) return local_ms - *day.offset;
    const date::local_seconds local{std::chrono::seconds{local_ms / 1000}};
    const date::local_info info = zone_->get_info(local);
    switch (info.result) {
      case date::local_info::unique:
        return local_ms - info.first.offset.count() * 1000;
      case date::local_info::ambiguous:
        return local_ms - info.second.offset.count() * 1000;
      default:  // nonexistent
        if (!gap_to_transition) return std::nullopt;
        return ToMillis(info.first.end);
    }
  }

  std::int64_t LocalDayOf(Millis utc) const {
    const date::sys_seconds sys{std::chrono::seconds{FloorDiv(utc, 1000)}};
    const Millis local_ms = zone_->get_info(sys).offset.count() * 1000 + FloorDiv(utc, 1000) * 1000;
    return FloorDiv(local_ms, kDay);
  }

 private:
  static Millis ToMillis(date::sys_seconds t) {
    // sys_info bounds of zones without transitions are far outside any booking range.
    return std::clamp<std::int64_t>(t.time_since_epoch().count(), -(std::int64_t{1} << 40),
                                    std::int64_t{1} << 40) *
           1000;
  }

  const date::time_zone* zone_;
};

std::optional<Error> CheckIntervals(const std::vector<LocalInterval>& intervals,
                                    const char* field) {
  for (const LocalInterval& i : intervals) {
    if (i.start_minute < 0 || i.end_minute > 1440 || i.start_minute >= i.end_minute) {
      return Error::InvalidArgument("working hours must satisfy 0 <= start < end <= 1440", field);
    }
  }
  return std::nullopt;
}

std::optional<Error> CheckInput(const ServiceRules& r,
                                const std::vector<StaffAvailability>& staff) {
  const std::pair<int, const char*> positive[] = {
      {r.duration_minutes, "duration_minutes"},
      {r.horizon_days, "horizon_days"},
      {r.slot_interval_minutes, "slot_interval_minutes"}};
  for (const auto& [value, field] : positive) {
    if (value <= 0) return Error::InvalidArgument(std::string(field) + " must be positive", field);
  }
  const std::pair<int, const char*> non_negative[] = {
      {r.buffer_before_minutes, "buffer_before_minutes"},
      {r.buffer_after_minutes, "buffer_after_minutes"},
      {r.min_notice_minutes, "min_notice_minutes"}};
  for (const auto& [value, field] : non_negative) {
    if (value < 0)
      return Error::InvalidArgument(std::string(field) + " must not be negative", field);
  }
  for (const StaffAvailability& s : staff) {
    for (const auto& day : s.hours.days) {
      if (auto e = CheckIntervals(day, "hours")) return e;
    }
    for (const DateOverride& o : s.overrides) {
      const date::year_month_day ymd{date::year{o.date.year}, date::month{o.date.month},
                                     date::day{o.date.day}};
      if (!ymd.ok()) return Error::InvalidArgument("override date is not a date", "overrides");
      if (auto e = CheckIntervals(o.intervals, "overrides")) return e;
    }
  }
  return std::nullopt;
}

// Sorted, with touching or overlapping intervals joined.
template <typename T, typename Start, typename End>
std::vector<T> Merge(std::vector<T> v, Start start, End end) {
  std::sort(v.begin(), v.end(), [&](const T& a, const T& b) { return a.*start < b.*start; });
  std::vector<T> out;
  for (const T& x : v) {
    if (!out.empty() && x.*start <= out.back().*end) {
      out.back().*end = std::max(out.back().*end, x.*end);
    } else {
      out.push_back(x);
    }
  }
  return out;
}

// One staff member prepared for the sweep: busy time merged, overrides by local day index.
struct PreparedStaff {
  std::int64_t id = 0;
  const WeeklyHours* hours = nullptr;
  std::vector<std::pair<std::int64_t, const DateOverride*>> overrides;  // sorted by day
  std::vector<BusyInterval> busy;                                       // disjoint, sorted

  explicit PreparedStaff(const StaffAvailability& s) : id(s.staff_id), hours(&s.hours) {
    for (const DateOverride& o : s.overrides) {
      const date::sys_days d{date::year{o.date.year} / date::month{o.date.month} /
                             date::day{o.date.day}};
      overrides.emplace_back(d.time_since_epoch().count(), &o);
    }
    std::stable_sort(overrides.begin(), overrides.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<BusyInterval> real;
    for (const BusyInterval& b : s.busy) {
      if (b.start < b.end) real.push_back(b);
    }
    busy = Merge(std::move(real), &BusyInterval::start, &BusyInterval::end);
  }

  const std::vector<LocalInterval>& IntervalsOn(const Day& day) const {
    static const std::vector<LocalInterval> kClosed;
    auto it = std::upper_bound(overrides.begin(), overrides.end(), day.index,
                               [](std::int64_t d, const auto& o) { return d < o.first; });
    if (it != overrides.begin() && std::prev(it)->first == day.index) {  // last one wins
      const DateOverride& o = *std::prev(it)->second;
      return o.closed ? kClosed : o.intervals;
    }
    return hours->days[static_cast<std::size_t>(day.weekday)];
  }

  bool IsFree(Millis from, Millis to) const {
    auto it = std::partition_point(busy.begin(), busy.end(),
                                   [&](const BusyInterval& b) { return b.end <= from; });
    return it == busy.end() || it->start >= to;
  }
};

}  // namespace

Result<std::vector<Slot>> ComputeSlots(std::string_view time_zone, const ServiceRules& rules,
                                       const std::vector<StaffAvailability>& staff, Millis now,
                                       Millis from, Millis to) {
  const date::time_zone* zone = nullptr;
  try {
    if (!time_zone.empty()) zone = date::locate_zone(time_zone);
  } catch (const std::exception&) {  // unknown zone
  }
  if (zone == nullptr) return Error::InvalidArgument("unknown time zone", "timezone");
  if (auto e = CheckInput(rules, staff)) return *std::move(e);

  const Millis lo = std::max(from, now + rules.min_notice_minutes * kMinute);
  const Millis hi = std::min(to, now + rules.horizon_days * kDay);
  if (lo >= hi) return std::vector<Slot>{};

  const ZoneClock clock(zone);
  std::vector<Day> days;
  for (std::int64_t d = clock.LocalDayOf(lo) - 1, last = clock.LocalDayOf(hi) + 1; d <= last; ++d) {
    days.push_back(clock.MakeDay(d));
  }

  const Millis duration = rules.duration_minutes * kMinute;
  const Millis before = rules.buffer_before_minutes * kMinute;
  const Millis after = rules.buffer_after_minutes * kMinute;
  std::vector<std::pair<Millis, std::int64_t>> offers;  // (start, staff id)
  for (const StaffAvailability& s : staff) {
    const PreparedStaff p(s);
    for (const Day& day : days) {
      const auto intervals =
          Merge(p.IntervalsOn(day), &LocalInterval::start_minute, &LocalInterval::end_minute);
      for (const LocalInterval& w : intervals) {
        const std::optional<Millis> w_end = clock.ToUtc(day, w.end_minute, true);
        for (int m = w.start_minute; m < w.end_minute; m += rules.slot_interval_minutes) {
          const std::optional<Millis> start = clock.ToUtc(day, m, false);
          if (!start || *start < lo) continue;
          if (*start >= hi || *start + duration > *w_end) break;
          if (p.IsFree(*start - before, *start + duration + after))
            offers.emplace_back(*start, p.id);
        }
      }
    }
  }

  std::sort(offers.begin(), offers.end());
  offers.erase(std::unique(offers.begin(), offers.end()), offers.end());
  std::vector<Slot> slots;
  for (const auto& [start, id] : offers) {
    if (slots.empty() || slots.back().start_utc != start) {
      slots.push_back(Slot{start, start + duration, {}});
    }
    slots.back().staff_ids.push_back(id);
  }
  return slots;
}

}  // namespace careops::booking
