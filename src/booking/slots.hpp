#pragma once
// The slot engine of booking: which appointment start times a service can be booked at, and
// by whom. Pure functions over plain structs: no database, no clock, no HTTP; the caller loads
// hours, overrides and existing bookings and passes "now" from its Clock.
//
// Contracts (decided here, relied on by callers):
// - Working hours and overrides are local wall time in the workspace time zone, so 09:00–17:00
//   stays 09:00–17:00 local across DST and maps to different UTC instants on either side.
// - A local start time that does not exist (spring forward gap) is skipped. An ambiguous one
//   (fall back: the repeated hour) is taken at its later occurrence (date::choose::latest).
//   A working interval's end that falls into a gap ends at the transition instant.
// - The appointment itself [start, start + duration) must lie inside one working interval
//   (compared in UTC, so a shorter or longer change day is measured in real time). Buffers
//   need not fit in working hours; [start - buffer_before, end + buffer_after) must only not
//   overlap the staff member's busy time.
// - Busy intervals are stored by the caller with the buffers of their own bookings already
//   applied; the engine adds only the buffers of the service being booked.
// - Every staff member passed in is eligible for the service; the caller filters.
// - Thread-safe: no shared mutable state.

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace careops::booking {

// [start_minute, end_minute) in local minutes since midnight; 0 <= start < end <= 1440.
struct LocalInterval {
  int start_minute = 0;
  int end_minute = 0;
};

// Index 0 = Monday ... 6 = Sunday. Intervals of a day may be unsorted and may touch or overlap;
// they are merged (so alignment restarts only where a gap begins).
struct WeeklyHours {
  std::array<std::vector<LocalInterval>, 7> days;
};

struct LocalDate {
  int year = 0;
  unsigned month = 0;  // 1..12
  unsigned day = 0;    // 1..31
};

// Replaces the weekly hours of one local date: closed, or exactly `intervals`. When several
// overrides name the same date, the last one in the list wins.
struct DateOverride {
  LocalDate date;
  bool closed = false;
  std::vector<LocalInterval> intervals;
};

// UTC milliseconds [start, end). Empty or inverted intervals are ignored.
struct BusyInterval {
  Millis start = 0;
  Millis end = 0;
};

struct ServiceRules {
  int duration_minutes = 0;       // > 0
  int buffer_before_minutes = 0;  // >= 0
  int buffer_after_minutes = 0;   // >= 0
  int min_notice_minutes = 0;     // >= 0: start >= now + notice
  int horizon_days = 0;           // > 0: start < now + horizon_days * 24h
  int slot_interval_minutes = 0;  // > 0: starts at interval_start + k * this, in local minutes
};

struct StaffAvailability {
  std::int64_t staff_id = 0;
  WeeklyHours hours;
  std::vector<DateOverride> overrides;
  std::vector<BusyInterval> busy;  // any order, may overlap
};

struct Slot {
  Millis start_utc = 0;
  Millis end_utc = 0;                   // start_utc + duration
  std::vector<std::int64_t> staff_ids;  // ascending, no duplicates, never empty
};

// The bookable slots whose start lies in [from, to), also within the notice and the horizon
// counted from `now`, sorted by start. Errors (kInvalidArgument): an unknown time zone (field
// "timezone"), a rule out of range (field named after it, e.g. "duration_minutes"), an
// interval out of range (field "hours" / "overrides"), an invalid override date ("overrides").
// Cost: O(days x staff x starts per day x log busy) plus one time-zone lookup per local day.
Result<std::vector<Slot>> ComputeSlots(std::string_view time_zone, const ServiceRules& rules,
                                       const std::vector<StaffAvailability>& staff, Millis now,
                                       Millis from, Millis to);

}  // namespace careops::booking
