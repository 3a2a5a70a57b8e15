#pragma once
// A staff member's weekly hours and date overrides (tables staff_hours, staff_overrides). SQL
// only; uses the caller's connection and opens no transaction.

#include <cstdint>
#include <string>
#include <vector>

#include "booking/slots.hpp"

namespace careops::db {
class Connection;
}

namespace careops::booking {

// One working interval of a weekday, local minutes.
struct WeeklyInterval {
  int weekday = 0;  // 0 = Monday … 6 = Sunday
  int start_minute = 0;
  int end_minute = 0;
};

// One local date replaced: closed, or exactly `intervals`.
struct AvailabilityOverride {
  LocalDate date;
  bool closed = false;
  std::vector<LocalInterval> intervals;
  std::string note;
};

struct Availability {
  std::vector<WeeklyInterval> weekly;           // by weekday, then start
  std::vector<AvailabilityOverride> overrides;  // by date
};

class AvailabilityRepository {
 public:
  explicit AvailabilityRepository(db::Connection& conn) : conn_(conn) {}

  Availability Load(std::int64_t workspace_id, std::int64_t staff_id) const;
  // Replaces every weekly interval and override of the staff member (run it in a transaction).
  void Replace(std::int64_t workspace_id, std::int64_t staff_id, const Availability& a) const;

 private:
  db::Connection& conn_;
};

}  // namespace careops::booking
