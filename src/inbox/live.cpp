#include "inbox/live.hpp"

#include "db/database.hpp"
#include "http/event_hub.hpp"
#include "http/json.hpp"

namespace careops::inbox {

http::Permission EventPermission(std::string_view name) {
  if (name == "conversation" || name == "message") return http::Permission::kInbox;
  if (name == "booking") return http::Permission::kBookings;
  if (name == "form_request") return http::Permission::kForms;
  if (name == "inventory") return http::Permission::kInventory;
  return http::Permission::kOwner;
}

std::string WorkspaceTopic(std::int64_t workspace_id) {
  return "workspace:" + std::to_string(workspace_id);
}

void PublishConversation(http::EventHub& hub, std::int64_t workspace_id,
                         std::int64_t conversation_id) {
  hub.Publish(WorkspaceTopic(workspace_id), "conversation",
              http::Json{{"id", conversation_id}}.dump());
}

void PublishMessage(http::EventHub& hub, db::Connection& conn, std::int64_t message_id) {
  const auto row = conn.QueryOne(
      "SELECT workspace_id, conversation_id, status FROM messages WHERE id = ?", {message_id});
  if (!row || !row->OptInt(0) || !row->OptInt(1)) return;
  hub.Publish(
      WorkspaceTopic(row->Int(0)), "message",
      http::Json{{"id", message_id}, {"conversation_id", row->Int(1)}, {"status", row->Text(2)}}
          .dump());
}

}  // namespace careops::inbox
