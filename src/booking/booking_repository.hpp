#pragma once
// SQL for bookings (table bookings, migrations/sqlite/0007_booking.sql). Uses the caller's
// connection and opens no transaction: the service writes a booking together with its
// conversation event, messages and reminder jobs. Not thread-safe (one per use).
//
// The database refuses overlapping busy times of one staff member among bookings that hold
// time (the bookings_no_overlap_* triggers raise 'booking_overlap'): Insert and Update turn
// that into Conflict naming "start", whatever the caller checked before.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "booking/model.hpp"
#include "core/error.hpp"

namespace careops::db {
class Connection;
}

namespace careops::booking {

// A booking with what lists, pages and messages show of its service, staff member and contact.
struct BookingDetails {
  Booking booking;
  std::string service_name;
  int service_duration_minutes = 0;
  std::string service_location;  // an address or an online link; "" for none
  std::string staff_name;
  std::string contact_name;
  std::optional<std::string> contact_phone;
  std::optional<std::string> contact_email;
  bool contact_sms_opted_out = false;
  bool contact_email_opted_out = false;
  std::optional<std::int64_t> conversation_id;  // the contact's conversation, when it has one
};

struct BookingFilter {
  std::optional<Millis> from;           // start_at >= from
  std::optional<Millis> to;             // start_at < to
  std::vector<BookingStatus> statuses;  // empty: any
  std::optional<std::int64_t> staff_id;
  std::optional<std::int64_t> contact_id;
  // Keyset: bookings after (start_at, id), in (start_at, id) order.
  std::optional<std::pair<Millis, std::int64_t>> after;
  int limit = 100;
};

class BookingRepository {
 public:
  explicit BookingRepository(db::Connection& conn) : conn_(conn) {}

  // Inserts `b` (id, created_at and updated_at as given are ignored: now) and returns its id.
  // Conflict "start" when the staff member's time is taken.
  Result<std::int64_t> Insert(const Booking& b, Millis now) const;
  // Writes status, staff, times, notes, customer_confirmed_at, cancelled_at/by of booking
  // b.id of b.workspace_id, and updated_at = now. Conflict "start" when the new time overlaps.
  Status Update(const Booking& b, Millis now) const;

  // Booking `id` of `workspace_id`, or nullopt (also for another workspace's).
  std::optional<BookingDetails> Find(std::int64_t workspace_id, std::int64_t id) const;
  // Booking `id` whatever its workspace (for signed links and jobs, which name it alone).
  std::optional<BookingDetails> FindAnyWorkspace(std::int64_t id) const;
  // A page of the workspace's bookings by start, then id (index bookings_workspace_start).
  std::vector<BookingDetails> List(std::int64_t workspace_id, const BookingFilter& filter) const;
  // The contact's first pending or confirmed booking in the workspace starting after `now`.
  std::optional<BookingDetails> NextUpcoming(std::int64_t workspace_id, std::int64_t contact_id,
                                             Millis now) const;

 private:
  db::Connection& conn_;
};

}  // namespace careops::booking
