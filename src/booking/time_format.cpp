#include "booking/time_format.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <charconv>
#include <chrono>
#include <cstdio>

namespace careops::booking {
namespace {

constexpr Millis kMinute = 60'000;
constexpr Millis kDay = 24 * 60 * kMinute;

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// Exactly `len` ASCII digits at `at` of `text`, or nullopt.
std::optional<int> Digits(std::string_view text, std::size_t at, std::size_t len) {
  if (at + len > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + len; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::optional<std::int64_t> DaysOf(const LocalDate& d) {
  const date::year_month_day ymd{date::year{d.year}, date::month{d.month}, date::day{d.day}};
  if (!ymd.ok() || d.year < 1970 || d.year > 9999) return std::nullopt;
  return date::sys_days{ymd}.time_since_epoch().count();
}

const date::time_zone* Zone(std::string_view name) {
  if (name.empty() || name.size() > 64) return nullptr;
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {  // unknown zone
    return nullptr;
  }
}

// Offset of `zone` at `t` in milliseconds (0 for no zone).
Millis OffsetAt(const date::time_zone* zone, Millis t) {
  if (zone == nullptr) return 0;
  const date::sys_seconds sys{std::chrono::seconds{FloorDiv(t, 1000)}};
  return zone->get_info(sys).offset.count() * 1000;
}

}  // namespace

std::string FormatInstant(Millis t) {
  const date::sys_seconds s{std::chrono::seconds{FloorDiv(t, 1000)}};
  return date::format("%FT%TZ", s);
}

std::optional<Millis> ParseInstant(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SS[.f+](Z|±HH:MM)
  if (text.size() < 20 || text.size() > 40) return std::nullopt;
  const auto date = ParseDate(text.substr(0, 10));
  if (!date || (text[10] != 'T' && text[10] != 't') || text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  const auto hour = Digits(text, 11, 2);
  const auto minute = Digits(text, 14, 2);
  const auto second = Digits(text, 17, 2);
  if (!hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 59) {
    return std::nullopt;
  }
  std::size_t at = 19;
  Millis millis = 0;
  if (text[at] == '.') {
    ++at;
    const std::size_t first = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      if (at - first < 3) millis = millis * 10 + (text[at] - '0');
      ++at;
    }
    if (at == first) return std::nullopt;
    for (std::size_t n = at - first; n < 3; ++n) millis *= 10;
  }
  Millis offset = 0;
  const std::string_view zone = text.substr(at);
  if (zone == "Z" || zone == "z") {
    offset = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    const auto oh = Digits(zone, 1, 2);
    const auto om = Digits(zone, 4, 2);
    if (!oh || !om || *oh > 23 || *om > 59) return std::nullopt;
    offset = (*oh * 60 + *om) * kMinute * (zone[0] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  const Millis local =
      *DaysOf(*date) * kDay + ((*hour * 60 + *minute) * 60 + *second) * 1000 + millis;
  return local - offset;
}

std::optional<LocalDate> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = Digits(text, 0, 4);
  const auto m = Digits(text, 5, 2);
  const auto d = Digits(text, 8, 2);
  if (!y || !m || !d) return std::nullopt;
  const LocalDate date{*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d)};
  if (!DaysOf(date)) return std::nullopt;
  return date;
}

std::string FormatDate(const LocalDate& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
  return buf;
}

std::optional<int> ParseWallTime(std::string_view text, bool allow_end_of_day) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  const auto h = Digits(text, 0, 2);
  const auto m = Digits(text, 3, 2);
  if (!h || !m || *m > 59) return std::nullopt;
  const int minute = *h * 60 + *m;
  if (minute < 1440 || (allow_end_of_day && minute == 1440)) return minute;
  return std::nullopt;
}

std::string FormatWallTime(int minute) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60 % 100, minute % 60);
  return buf;
}

bool IsTimeZone(std::string_view name) { return Zone(name) != nullptr; }

Result<Millis> StartOfLocalDay(const LocalDate& date, std::string_view time_zone) {
  const date::time_zone* zone = Zone(time_zone);
  if (zone == nullptr) return Error::InvalidArgument("unknown time zone", "tz");
  const auto days = DaysOf(date);
  if (!days) return Error::InvalidArgument("not a date", "date");
  const date::local_seconds local{date::days{*days}};
  const date::local_info info = zone->get_info(local);
  const Millis local_ms = *days * kDay;
  switch (info.result) {
    case date::local_info::unique:
      return local_ms - info.first.offset.count() * 1000;
    case date::local_info::ambiguous:  // midnight repeated: the day starts at the first
      return local_ms - info.first.offset.count() * 1000;
    default:  // nonexistent: the day starts when the clocks jump past midnight
      return info.first.end.time_since_epoch().count() * 1000;
  }
}

LocalDate LocalDateOf(Millis t, std::string_view time_zone) {
  const Millis local = t + OffsetAt(Zone(time_zone), t);
  const date::year_month_day ymd{date::sys_days{date::days{FloorDiv(local, kDay)}}};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
          static_cast<unsigned>(ymd.day())};
}

LocalDate AddDays(const LocalDate& d, int days) {
  const date::year_month_day ymd{
      date::sys_days{date::year{d.year} / date::month{d.month} / date::day{d.day}} +
      date::days{days}};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
          static_cast<unsigned>(ymd.day())};
}

int LocalMinuteOf(Millis t, std::string_view time_zone) {
  const Millis local = t + OffsetAt(Zone(time_zone), t);
  return static_cast<int>((local - FloorDiv(local, kDay) * kDay) / kMinute);
}

Result<Millis> ParseInstantOrDate(std::string_view text, std::string_view time_zone,
                                  const std::string& field) {
  if (auto instant = ParseInstant(text)) return *instant;
  if (auto date = ParseDate(text)) {
    auto start = StartOfLocalDay(*date, time_zone);
    if (!start.ok()) return std::move(start).error();
    return *start;
  }
  return Error::InvalidArgument(field + " must be a date (YYYY-MM-DD) or an RFC 3339 time", field);
}

}  // namespace careops::booking
