#pragma once
// The booking domain's records (PRODUCT.md B1–B7; migrations/sqlite/0007_booking.sql;
// docs/API.md, Booking). A staff member is named by user id (`staff_id`; the API's
// `member_id`).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"

namespace careops::booking {

// A bookable service of a workspace.
struct Service {
  std::int64_t id = 0;
  std::int64_t workspace_id = 0;
  std::string name;
  std::string description;
  int duration_minutes = 0;
  std::optional<std::int64_t> price_cents;
  std::string currency;
  std::string location_kind = "in_person";  // in_person | online
  std::string location;
  int buffer_before_minutes = 0;
  int buffer_after_minutes = 0;
  int min_notice_minutes = 60;
  int horizon_days = 60;
  int slot_interval_minutes = 30;
  bool requires_approval = false;
  std::vector<int> reminder_offsets_minutes{1440};  // minutes before the start
  std::vector<std::int64_t> staff_ids;              // ascending
  bool is_active = true;
  Millis created_at = 0;
  Millis updated_at = 0;
};

enum class BookingStatus { kPending, kConfirmed, kCompleted, kNoShow, kCancelled };

const char* BookingStatusName(BookingStatus status);  // "pending", …, "no_show", "cancelled"
std::optional<BookingStatus> ParseBookingStatus(std::string_view name);
// Pending and confirmed bookings hold their staff member's time.
inline bool HoldsTime(BookingStatus s) {
  return s == BookingStatus::kPending || s == BookingStatus::kConfirmed;
}

struct Booking {
  std::int64_t id = 0;
  std::int64_t workspace_id = 0;
  std::int64_t service_id = 0;
  std::int64_t staff_id = 0;
  std::int64_t contact_id = 0;
  BookingStatus status = BookingStatus::kConfirmed;
  Millis start_at = 0;
  Millis end_at = 0;
  Millis busy_from = 0;   // start_at - the service's buffer before, when booked
  Millis busy_until = 0;  // end_at + the service's buffer after, when booked
  std::string notes;
  std::string source = "public";  // public | staff
  std::optional<Millis> customer_confirmed_at;
  std::optional<Millis> cancelled_at;
  std::optional<std::string> cancelled_by;  // customer | staff
  std::optional<std::int64_t> created_by;
  Millis created_at = 0;
  Millis updated_at = 0;
};

}  // namespace careops::booking
