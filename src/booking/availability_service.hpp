#pragma once
// The rules of staff availability (PRODUCT.md B2; docs/API.md, Booking: …/staff/{member_id}/
// availability): reading a member's weekly hours and date overrides, and replacing them whole.
// Knows nothing of HTTP. Thread-safe (stateless; uses the caller's connection).

#include <cstddef>
#include <cstdint>
#include <string>

#include "booking/availability_repository.hpp"
#include "core/error.hpp"

namespace careops::db {
class Connection;
}

namespace careops::booking {

inline constexpr std::size_t kMaxWeeklyIntervals = 50;
inline constexpr std::size_t kMaxOverrides = 400;
inline constexpr std::size_t kMaxOverrideIntervals = 24;
inline constexpr std::size_t kMaxOverrideNoteChars = 500;

struct MemberAvailability {
  std::int64_t member_id = 0;
  std::string timezone;  // the workspace's
  Availability availability;
};

// Sorts `a` (weekly by weekday then start; overrides by date; intervals by start) and checks
// it: at most 50 weekly intervals, weekdays 0–6, 0 <= start < end <= 1440 (field "weekly");
// at most 400 overrides, no date twice, at most 24 intervals each with start < end, a note of
// at most 500 characters (field "overrides"). A closed override keeps no intervals.
Status NormalizeAvailability(Availability& a);

class AvailabilityService {
 public:
  // NotFound "no such member" unless `member_id` is a member of the workspace (suspended ones
  // included: their hours are kept for when they come back).
  Result<MemberAvailability> Get(db::Connection& conn, std::int64_t workspace_id,
                                 std::int64_t member_id) const;
  // Whether `caller_id` may replace `member_id`'s hours: NotFound "no such member" unless the
  // workspace has that member; PermissionDenied unless the caller is an active owner or the
  // member themself.
  Status CheckCanChange(db::Connection& conn, std::int64_t workspace_id, std::int64_t caller_id,
                        std::int64_t member_id) const;
  // Replaces the member's hours and overrides in one transaction (bookings are kept). Only an
  // owner or the member themself may (CheckCanChange's errors); InvalidArgument as
  // NormalizeAvailability.
  Result<MemberAvailability> Replace(db::Connection& conn, std::int64_t workspace_id,
                                     std::int64_t caller_id, std::int64_t member_id,
                                     Availability availability) const;
};

}  // namespace careops::booking
