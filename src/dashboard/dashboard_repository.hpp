#pragma once
// SQL of the dashboard (docs/API.md, "Dashboard"). Every statement reads one workspace through
// an index range bounded by time or by current state (migrations/sqlite/0010): today's or a
// day's bookings, pending bookings from now on, conversations waiting now, a day's or a week's
// messages — never the workspace's whole history (dashboard_repository_test.cpp holds SQLite
// to those plans). Uses the caller's connection; opens no transaction. Not thread-safe (one
// per use).

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"

namespace careops::db {
class Connection;
}

namespace careops::dashboard {

// Bookings starting in a range, by status.
struct StatusCounts {
  std::int64_t pending = 0;
  std::int64_t confirmed = 0;
  std::int64_t completed = 0;
  std::int64_t no_show = 0;
  std::int64_t cancelled = 0;
  std::int64_t total() const { return pending + confirmed + completed + no_show + cancelled; }
};

struct WaitingConversation {
  std::int64_t id = 0;
  std::int64_t contact_id = 0;
  std::string contact_name;
  std::string status;
  Millis last_activity_at = 0;
  std::int64_t unread_count = 0;
  std::string preview;
};

struct FailedMessage {
  std::int64_t id = 0;
  std::string channel;
  std::string kind;
  std::string to;
  std::string status;  // failed | undelivered
  std::optional<std::string> error_code;
  std::optional<std::string> error_message;
  Millis created_at = 0;
  std::optional<std::int64_t> conversation_id;
};

struct Delivery {
  std::int64_t sent = 0;       // status sent, delivered or undelivered
  std::int64_t delivered = 0;  // status delivered
  std::int64_t failed = 0;     // status failed
};

// Half-open [from, to) in UTC milliseconds.
struct Range {
  Millis from = 0;
  Millis to = 0;
};

class DashboardRepository {
 public:
  explicit DashboardRepository(db::Connection& conn) : conn_(conn) {}

  StatusCounts BookingsByStatus(std::int64_t workspace_id, Range start) const;
  // Pending or confirmed bookings starting in `start`.
  std::int64_t UpcomingBookings(std::int64_t workspace_id, Range start) const;
  // Bookings of one status starting in `start`.
  std::int64_t BookingsWithStatus(std::int64_t workspace_id, const char* status, Range start) const;
  // Bookings not cancelled starting in `start`.
  std::int64_t BookingsNotCancelled(std::int64_t workspace_id, Range start) const;
  // Pending bookings starting at or after `from`: their number, and the ids of the first
  // `limit` by (start_at, id).
  std::int64_t PendingFrom(std::int64_t workspace_id, Millis from) const;
  std::vector<std::int64_t> PendingIdsFrom(std::int64_t workspace_id, Millis from, int limit) const;

  // Inbound contact-form messages created in `created`.
  std::int64_t ContactFormMessages(std::int64_t workspace_id, Range created) const;
  // Conversations with waiting_for_reply = 1 that are not closed; the `limit` oldest by
  // (last_activity_at, id).
  std::int64_t WaitingCount(std::int64_t workspace_id) const;
  std::vector<WaitingConversation> WaitingOldest(std::int64_t workspace_id, int limit) const;

  // Messages with status failed or undelivered created at or after `since`; the `limit` newest
  // by (created_at, id).
  std::int64_t FailedCount(std::int64_t workspace_id, Millis since) const;
  std::vector<FailedMessage> FailedNewest(std::int64_t workspace_id, Millis since, int limit) const;
  // The workspace's messages created in `created`, by delivery outcome.
  Delivery DeliveryIn(std::int64_t workspace_id, Range created) const;

  // Every statement above with placeholder values, for EXPLAIN QUERY PLAN (tests): (name, the
  // plan's lines joined by '\n').
  std::vector<std::pair<std::string, std::string>> ExplainAll();

 private:
  db::Connection& conn_;
};

}  // namespace careops::dashboard
