#pragma once
// Times on the booking wire (docs/API.md, Booking): RFC 3339 UTC instants
// ("2026-03-30T08:00:00Z"), local dates ("2026-03-30") and local wall times ("09:00", "24:00" as
// an end) in a workspace's IANA time zone. Pure functions; thread-safe (the zone database is
// read-only once loaded).

#include <optional>
#include <string>
#include <string_view>

#include "booking/slots.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"

namespace careops::booking {

// "2026-03-30T08:00:00Z": whole seconds (milliseconds are dropped), always UTC.
std::string FormatInstant(Millis t);
// An RFC 3339 date-time with a "Z" or "±HH:MM" offset and optional fractional seconds
// (milliseconds kept, finer digits dropped), years 1970–9999; nullopt for anything else.
std::optional<Millis> ParseInstant(std::string_view text);

// "YYYY-MM-DD", a real calendar date (years 1970–9999); nullopt otherwise.
std::optional<LocalDate> ParseDate(std::string_view text);
std::string FormatDate(const LocalDate& date);

// "HH:MM" -> minutes since midnight, 00:00–23:59, or "24:00" (1440) when `allow_end_of_day`.
std::optional<int> ParseWallTime(std::string_view text, bool allow_end_of_day);
// Minutes since midnight (0–1440) -> "HH:MM" ("24:00" for 1440).
std::string FormatWallTime(int minute);

// True when `name` is a known IANA zone ("Europe/London", "UTC").
bool IsTimeZone(std::string_view name);

// The instant local midnight begins `date` in `time_zone` (when midnight does not exist that
// day, the instant the day starts after the change). Error kInvalidArgument, field "tz", for
// an unknown zone.
Result<Millis> StartOfLocalDay(const LocalDate& date, std::string_view time_zone);
// The local date of instant `t` in `time_zone` (which must be known: see IsTimeZone; an unknown
// one is read as UTC).
LocalDate LocalDateOf(Millis t, std::string_view time_zone);
// The calendar date `days` days after `date` (before, when negative). `date` must be real.
LocalDate AddDays(const LocalDate& date, int days);
// The local wall time of `t` in `time_zone`, minutes since midnight (unknown zone: UTC).
int LocalMinuteOf(Millis t, std::string_view time_zone);

// A query bound: an RFC 3339 instant, or a date meaning its local midnight in `time_zone`.
// Error kInvalidArgument naming `field` when it is neither (or the zone is unknown: "tz").
Result<Millis> ParseInstantOrDate(std::string_view text, std::string_view time_zone,
                                  const std::string& field);

}  // namespace careops::booking
