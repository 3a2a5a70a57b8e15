#pragma once
// Secret calendar feed URLs and what they show (tables calendar_feeds, bookings). SQL only;
// uses the caller's connection and opens no transaction.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace careops::db {
class Connection;
}

namespace careops::booking {

// A feed of one staff member's bookings (staff_id set) or of the whole workspace's.
struct CalendarFeed {
  std::int64_t id = 0;
  std::int64_t workspace_id = 0;
  std::optional<std::int64_t> staff_id;
  std::string token_hash;    // SecretKey::KeyedHash("calendar-feed", token)
  std::string token_sealed;  // SecretKey::Seal("calendar-feed", token)
  Millis created_at = 0;
};

// A booking as a feed shows it.
struct FeedBooking {
  std::int64_t id = 0;
  bool pending = false;  // else confirmed
  Millis start = 0;
  Millis end = 0;
  std::string service_name;
  std::string location;
  std::string contact_name;
  std::string staff_name;
};

// The most bookings one feed answer lists.
inline constexpr int kMaxFeedBookings = 5000;

class CalendarFeedRepository {
 public:
  explicit CalendarFeedRepository(db::Connection& conn) : conn_(conn) {}

  // The feed of `staff_id` in the workspace (nullopt: the workspace's own feed).
  std::optional<CalendarFeed> Find(std::int64_t workspace_id,
                                   std::optional<std::int64_t> staff_id) const;
  std::optional<CalendarFeed> FindByHash(const std::string& token_hash) const;
  std::int64_t Insert(const CalendarFeed& feed) const;
  // Gives feed `id` a new token (the old one stops matching).
  void SetToken(std::int64_t id, const std::string& token_hash, const std::string& token_sealed,
                Millis now) const;

  // Pending and confirmed bookings of the workspace (of `staff_id` only, when set) starting in
  // [from, to), by start; at most kMaxFeedBookings.
  std::vector<FeedBooking> Bookings(std::int64_t workspace_id, std::optional<std::int64_t> staff_id,
                                    Millis from, Millis to) const;

 private:
  db::Connection& conn_;
};

}  // namespace careops::booking
