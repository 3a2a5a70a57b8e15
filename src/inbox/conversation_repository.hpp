#pragma once
// SQL for conversations. One per use over the caller's connection; joins its open
// transaction. Not thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "inbox/model.hpp"

namespace careops::db {
class Connection;
}

namespace careops::inbox {

struct ConversationFilter {
  std::optional<std::string> status;  // open | pending | closed
  bool unread_only = false;
  bool waiting_only = false;
  std::optional<std::int64_t> assignee_id;
  // Keyset: conversations older than (before_activity, before_id), newest first.
  std::optional<std::pair<Millis, std::int64_t>> before;
  int limit = 50;
};

class ConversationRepository {
 public:
  explicit ConversationRepository(db::Connection& conn) : conn_(conn) {}

  // The contact's conversation, created (open) when it has none.
  Conversation Open(std::int64_t workspace_id, std::int64_t contact_id, Millis now);
  std::optional<Conversation> Find(std::int64_t workspace_id, std::int64_t id);
  // A message came in: unread + 1, waiting for reply, a closed conversation reopens.
  void RecordInbound(std::int64_t id, const std::string& preview, Millis now);
  // A message went out: the latest activity; when `by_staff`, no longer waiting for a reply.
  // (Pausing automation on a staff reply is the caller's, under its rule: PauseAutomation.)
  void RecordOutbound(std::int64_t id, const std::string& preview, bool by_staff, Millis now);
  // Automated follow-ups to the contact wait (automation_paused = 1) until closed or resumed.
  void PauseAutomation(std::int64_t id);
  void SetFlag(std::int64_t id, const std::string& flag);
  // Adds an event to conversation `e.conversation_id` and makes it its latest activity (the
  // preview shows the event's body; unread and waiting are unchanged). Returns the event's id.
  std::int64_t RecordEvent(const ConversationEvent& e);
  // The conversation's events, oldest first (at most `limit`, the newest ones).
  std::vector<ConversationEvent> Events(std::int64_t id, int limit);
  void MarkRead(std::int64_t id);
  // Writes status, assignee_id and automation_paused of `c` (by c.workspace_id, c.id).
  void Update(const Conversation& c);
  std::vector<Conversation> List(std::int64_t workspace_id, const ConversationFilter& filter);

 private:
  db::Connection& conn_;
};

}  // namespace careops::inbox
