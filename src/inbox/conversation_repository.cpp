#include "inbox/conversation_repository.hpp"

#include "db/database.hpp"

namespace careops::inbox {
namespace {

constexpr const char* kSelect =
    "SELECT c.id, c.workspace_id, c.contact_id, c.status, c.assignee_id, c.last_activity_at, "
    "c.unread_count, c.waiting_for_reply, c.automation_paused, c.flag, c.preview, c.created_at, "
    "k.name, COALESCE(k.email, ''), COALESCE(k.phone, ''), k.sms_opted_out_at IS NOT NULL "
    "FROM conversations c JOIN contacts k ON k.id = c.contact_id ";

Conversation FromRow(const db::Row& r) {
  Conversation c;
  c.id = r.Int(0);
  c.workspace_id = r.Int(1);
  c.contact_id = r.Int(2);
  c.status = r.Text(3);
  c.assignee_id = r.OptInt(4);
  c.last_activity_at = r.Int(5);
  c.unread_count = static_cast<int>(r.Int(6));
  c.waiting_for_reply = r.Int(7) != 0;
  c.automation_paused = r.Int(8) != 0;
  c.flag = r.Text(9);
  c.preview = r.Text(10);
  c.created_at = r.Int(11);
  c.contact_name = r.Text(12);
  c.contact_email = r.Text(13);
  c.contact_phone = r.Text(14);
  c.contact_sms_opted_out = r.Int(15) != 0;
  return c;
}

// The first 140 bytes of `text`, cut at a UTF-8 character boundary.
std::string Preview(const std::string& text) {
  if (text.size() <= 140) return text;
  std::size_t end = 140;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "…";
}

}  // namespace

Conversation ConversationRepository::Open(std::int64_t workspace_id, std::int64_t contact_id,
                                          Millis now) {
  conn_.Execute(
      "INSERT INTO conversations (workspace_id, contact_id, last_activity_at, created_at) "
      "VALUES (?, ?, ?, ?) ON CONFLICT (contact_id) DO NOTHING",
      {workspace_id, contact_id, now, now});
  auto row = conn_.QueryOne(std::string(kSelect) + "WHERE c.contact_id = ?", {contact_id});
  return FromRow(*row);
}

std::optional<Conversation> ConversationRepository::Find(std::int64_t workspace_id,
                                                         std::int64_t id) {
  auto row = conn_.QueryOne(std::string(kSelect) + "WHERE c.workspace_id = ? AND c.id = ?",
                            {workspace_id, id});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

void ConversationRepository::RecordInbound(std::int64_t id, const std::string& preview,
                                           Millis now) {
  conn_.Execute(
      "UPDATE conversations SET unread_count = unread_count + 1, waiting_for_reply = 1, "
      "status = CASE WHEN status = 'closed' THEN 'open' ELSE status END, "
      "last_activity_at = ?, preview = ? WHERE id = ?",
      {now, Preview(preview), id});
}

void ConversationRepository::RecordOutbound(std::int64_t id, const std::string& preview,
                                            bool by_staff, Millis now) {
  conn_.Execute(
      "UPDATE conversations SET waiting_for_reply = CASE WHEN ? THEN 0 ELSE waiting_for_reply "
      "END, last_activity_at = ?, preview = ? WHERE id = ?",
      {static_cast<std::int64_t>(by_staff), now, Preview(preview), id});
}

void ConversationRepository::PauseAutomation(std::int64_t id) {
  conn_.Execute("UPDATE conversations SET automation_paused = 1 WHERE id = ?", {id});
}

void ConversationRepository::SetFlag(std::int64_t id, const std::string& flag) {
  conn_.Execute("UPDATE conversations SET flag = ? WHERE id = ?", {flag, id});
}

std::int64_t ConversationRepository::RecordEvent(const ConversationEvent& e) {
  const std::int64_t id = conn_.Insert(
      "INSERT INTO conversation_events (conversation_id, kind, body, booking_id, author_id, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?)",
      {e.conversation_id, e.kind, e.body, e.booking_id ? db::Value(*e.booking_id) : db::Value(),
       e.author_id ? db::Value(*e.author_id) : db::Value(), e.created_at});
  conn_.Execute("UPDATE conversations SET last_activity_at = ?, preview = ? WHERE id = ?",
                {e.created_at, Preview(e.body), e.conversation_id});
  return id;
}

std::vector<ConversationEvent> ConversationRepository::Events(std::int64_t id, int limit) {
  const db::Rows rows = conn_.Query(
      "SELECT id, conversation_id, kind, body, booking_id, author_id, created_at FROM ("
      "SELECT * FROM conversation_events WHERE conversation_id = ? ORDER BY id DESC LIMIT ?) "
      "ORDER BY id",
      {id, static_cast<std::int64_t>(limit)});
  std::vector<ConversationEvent> events;
  events.reserve(rows.size());
  for (const db::Row& r : rows) {
    events.push_back(
        {r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.OptInt(4), r.OptInt(5), r.Int(6)});
  }
  return events;
}

void ConversationRepository::MarkRead(std::int64_t id) {
  conn_.Execute("UPDATE conversations SET unread_count = 0 WHERE id = ? AND unread_count > 0",
                {id});
}

void ConversationRepository::Update(const Conversation& c) {
  conn_.Execute(
      "UPDATE conversations SET status = ?, assignee_id = ?, automation_paused = ? "
      "WHERE workspace_id = ? AND id = ?",
      {c.status, c.assignee_id ? db::Value(*c.assignee_id) : db::Value(),
       static_cast<std::int64_t>(c.automation_paused), c.workspace_id, c.id});
}

std::vector<Conversation> ConversationRepository::List(std::int64_t workspace_id,
                                                       const ConversationFilter& f) {
  std::string sql = std::string(kSelect) + "WHERE c.workspace_id = ?";
  std::vector<db::Value> params = {workspace_id};
  if (f.status) {
    sql += " AND c.status = ?";
    params.emplace_back(*f.status);
  }
  if (f.unread_only) sql += " AND c.unread_count > 0";
  if (f.waiting_only) sql += " AND c.waiting_for_reply = 1";
  if (f.assignee_id) {
    sql += " AND c.assignee_id = ?";
    params.emplace_back(*f.assignee_id);
  }
  if (f.before) {
    sql += " AND (c.last_activity_at < ? OR (c.last_activity_at = ? AND c.id < ?))";
    params.emplace_back(f.before->first);
    params.emplace_back(f.before->first);
    params.emplace_back(f.before->second);
  }
  sql += " ORDER BY c.last_activity_at DESC, c.id DESC LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(f.limit));
  std::vector<Conversation> out;
  for (const auto& row : conn_.Query(sql, std::span<const db::Value>(params)))
    out.push_back(FromRow(row));
  return out;
}

}  // namespace careops::inbox
