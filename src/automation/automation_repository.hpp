#pragma once
// SQL of the automation page (docs/API.md, "Automation"): what each rule sent, read from the
// messages table through messages_workspace_kind (workspace_id, kind, created_at, id) — one
// index range per message kind, never the workspace's whole history. Uses the caller's
// connection, opens no transaction. Not thread-safe (one per use).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.hpp"

namespace careops::db {
class Connection;
}

namespace careops::automation {

// One line of a rule's log.
struct LoggedMessage {
  std::int64_t id = 0;
  std::string channel;  // "sms" | "email"
  std::string kind;
  std::string to;
  std::string status;
  Millis created_at = 0;
  std::optional<std::int64_t> conversation_id;
};

// A position in a log: the (created_at, id) of the last message of the previous page.
using LogCursor = std::pair<Millis, std::int64_t>;

class AutomationRepository {
 public:
  explicit AutomationRepository(db::Connection& conn) : conn_(conn) {}

  // The workspace's messages of `kinds` created at or after `since`.
  std::int64_t CountSince(std::int64_t workspace_id, const std::vector<std::string_view>& kinds,
                          Millis since) const;
  // The workspace's messages of `kinds`, newest first by (created_at, id), strictly before
  // `before` when given; at most `limit`. One index range per kind, merged here.
  std::vector<LoggedMessage> Log(std::int64_t workspace_id,
                                 const std::vector<std::string_view>& kinds,
                                 std::optional<LogCursor> before, int limit) const;

  // EXPLAIN QUERY PLAN of the count and of both log statements for one kind (tests), each
  // plan's lines joined by '\n'.
  std::vector<std::string> ExplainAll() const;

 private:
  db::Connection& conn_;
};

}  // namespace careops::automation
