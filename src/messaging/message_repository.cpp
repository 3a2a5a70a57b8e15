#include "messaging/message_repository.hpp"

#include <algorithm>
#include <utility>

#include "db/database.hpp"

namespace careops::messaging {
namespace {

// Claimable: queued/retrying, due and unleased; or 'sending' under an expired lease.
// Parameters: lease_until, owner, now, channel, now, now, now, limit.
// (PostgreSQL will add FOR UPDATE SKIP LOCKED to the inner SELECT; SQLite serialises writers.)
constexpr const char* kClaimSql =
    "UPDATE messages SET status = 'sending', lease_until = ?, lease_owner = ?, "
    "attempts = attempts + 1, updated_at = ? "
    "WHERE id IN (SELECT id FROM messages WHERE channel = ? AND ("
    "(status IN ('queued', 'retrying') AND next_attempt_at <= ? "
    " AND (lease_until IS NULL OR lease_until <= ?)) "
    "OR (status = 'sending' AND lease_until <= ?)) "
    "ORDER BY priority, id LIMIT ?) "
    "RETURNING id, channel, kind, priority, to_address, subject, body, sensitive, attempts, "
    "workspace_id";

constexpr const char* kRenewSql =
    "UPDATE messages SET lease_until = ? "
    "WHERE id = ? AND status = 'sending' AND lease_owner = ?";

constexpr const char* kInsertAttemptSql =
    "INSERT INTO message_attempts (message_id, attempt, started_at, finished_at, outcome, "
    "error_code, error_message, provider_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

constexpr const char* kFinishSql =
    "UPDATE messages SET status = ?, lease_until = NULL, lease_owner = NULL, "
    "next_attempt_at = ?, provider = ?, provider_id = COALESCE(?, provider_id), "
    "from_address = ?, error_code = ?, error_message = ?, "
    "sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END, updated_at = ? "
    "WHERE id = ? AND status = 'sending' AND lease_owner = ?";

constexpr const char* kReleaseSql =
    "UPDATE messages SET attempts = attempts - 1, lease_until = NULL, lease_owner = NULL, "
    "status = CASE WHEN attempts > 1 THEN 'retrying' ELSE 'queued' END "
    "WHERE status = 'sending' AND lease_owner = ?";

constexpr const char* kNextClaimableSql =
    "SELECT MIN(t) FROM ("
    "SELECT MIN(next_attempt_at) AS t FROM messages WHERE status IN ('queued', 'retrying') "
    "UNION ALL SELECT MIN(lease_until) FROM messages WHERE status = 'sending')";

constexpr const char* kRecordColumns =
    "id, channel, kind, to_address, subject, body, sensitive, user_id, status, error_code, "
    "error_message, created_at, sent_at, delivered_at, direction, author_id";

db::Value OptText(const std::string& s) { return s.empty() ? db::Value() : db::Value(s); }

Channel ChannelOf(const std::string& name) {
  return name == "email" ? Channel::kEmail : Channel::kSms;
}

// A row of kRecordColumns, without attempts and events.
MessageRecord RecordFromRow(const db::Row& r) {
  MessageRecord m;
  m.id = r.Int(0);
  m.channel = ChannelOf(r.Text(1));
  m.kind = r.Text(2);
  m.to = r.Text(3);
  m.subject = r.Text(4);
  m.body = r.Text(5);
  m.sensitive = r.Int(6) != 0;
  m.user_id = r.OptInt(7);
  m.status = r.Text(8);
  m.error_code = r.OptText(9);
  m.error_message = r.OptText(10);
  m.created_at = r.Int(11);
  m.sent_at = r.OptInt(12);
  m.delivered_at = r.OptInt(13);
  m.direction = r.Text(14);
  m.author_id = r.OptInt(15);
  return m;
}

}  // namespace

std::vector<ClaimedMessage> MessageRepository::Claim(db::Connection& conn, Channel channel,
                                                     int limit, Millis now, Millis lease_until,
                                                     const std::string& owner) {
  const db::Rows rows =
      conn.Query(kClaimSql, {lease_until, owner, now, std::string(ChannelName(channel)), now, now,
                             now, static_cast<std::int64_t>(limit)});
  std::vector<ClaimedMessage> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    out.push_back({r.Int(0), ChannelOf(r.Text(1)), r.Text(2), static_cast<Priority>(r.Int(3)),
                   r.Text(4), r.Text(5), r.Text(6), r.Int(7) != 0, static_cast<int>(r.Int(8)),
                   r.OptInt(9)});
  }
  // RETURNING yields rows in no promised order.
  std::sort(out.begin(), out.end(), [](const ClaimedMessage& a, const ClaimedMessage& b) {
    return std::pair(a.priority, a.id) < std::pair(b.priority, b.id);
  });
  return out;
}

bool MessageRepository::RenewLease(db::Connection& conn, std::int64_t id, const std::string& owner,
                                   Millis lease_until) {
  return conn.Execute(kRenewSql, {lease_until, id, owner}) == 1;
}

bool MessageRepository::RecordAttempt(db::Connection& conn, const std::string& owner,
                                      const AttemptOutcome& o) {
  db::Transaction tx(conn);
  conn.Insert(kInsertAttemptSql,
              {o.message_id, static_cast<std::int64_t>(o.attempt), o.started_at, o.finished_at,
               o.outcome, OptText(o.error_code), OptText(o.error_message), OptText(o.provider_id)});
  const std::string status = StatusName(o.status);
  const bool updated =
      conn.Execute(kFinishSql, {status, o.next_attempt_at, o.provider, OptText(o.provider_id),
                                o.from_address, OptText(o.error_code), OptText(o.error_message),
                                status, o.finished_at, o.finished_at, o.message_id, owner}) == 1;
  tx.Commit();
  return updated;
}

std::int64_t MessageRepository::Release(db::Connection& conn, const std::string& owner,
                                        std::optional<std::int64_t> id) {
  if (id) return conn.Execute(std::string(kReleaseSql) + " AND id = ?", {owner, *id});
  return conn.Execute(kReleaseSql, {owner});
}

std::optional<Millis> MessageRepository::NextClaimableAt(db::Connection& conn) {
  auto row = conn.QueryOne(kNextClaimableSql);
  return row ? row->OptInt(0) : std::nullopt;
}

std::int64_t MessageRepository::CountWaiting(db::Connection& conn) {
  auto row = conn.QueryOne(
      "SELECT COUNT(*) FROM messages WHERE status IN ('queued', 'retrying', 'sending')");
  return row ? row->Int(0) : 0;
}

std::optional<std::int64_t> MessageRepository::RecordInbound(db::Connection& conn,
                                                             const InboundMessage& m, Millis now) {
  if (!m.provider_id.empty() &&
      conn.QueryOne("SELECT 1 FROM messages WHERE provider_id = ?", {m.provider_id})) {
    return std::nullopt;
  }
  return conn.Insert(
      "INSERT INTO messages (channel, kind, priority, to_address, from_address, subject, body, "
      "workspace_id, conversation_id, direction, status, next_attempt_at, provider_id, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'inbound', 'received', ?, ?, "
      "?, ?)",
      {std::string(ChannelName(m.channel)), m.kind, static_cast<std::int64_t>(Priority::kNormal),
       m.to, m.from, m.subject, m.body, m.workspace_id,
       m.conversation_id ? db::Value(*m.conversation_id) : db::Value(), now, OptText(m.provider_id),
       now, now});
}

std::vector<MessageRecord> MessageRepository::ListConversation(db::Connection& conn,
                                                               std::int64_t conversation_id,
                                                               int limit) {
  std::vector<MessageRecord> out;
  for (const auto& row : conn.Query(std::string("SELECT ") + kRecordColumns +
                                        " FROM messages WHERE conversation_id = ? "
                                        "ORDER BY id DESC LIMIT ?",
                                    {conversation_id, static_cast<std::int64_t>(limit)})) {
    out.push_back(RecordFromRow(row));
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::optional<std::int64_t> MessageRepository::IdOfProviderId(db::Connection& conn,
                                                              const std::string& provider_id) {
  auto row = conn.QueryOne("SELECT id FROM messages WHERE provider_id = ?", {provider_id});
  return row ? std::optional<std::int64_t>(row->Int(0)) : std::nullopt;
}

std::optional<MessageRecord> MessageRepository::Find(db::Connection& conn, std::int64_t id) {
  auto row =
      conn.QueryOne(std::string("SELECT ") + kRecordColumns + " FROM messages WHERE id = ?", {id});
  if (!row) return std::nullopt;
  MessageRecord m = RecordFromRow(*row);
  for (const auto& a :
       conn.Query("SELECT attempt, started_at, finished_at, outcome, error_code, error_message "
                  "FROM message_attempts WHERE message_id = ? ORDER BY attempt, id",
                  {id})) {
    m.attempts.push_back(
        {static_cast<int>(a.Int(0)), a.Int(1), a.Int(2), a.Text(3), a.OptText(4), a.OptText(5)});
  }
  for (const auto& e : conn.Query("SELECT status, error_code, received_at FROM message_events "
                                  "WHERE message_id = ? ORDER BY received_at, id",
                                  {id})) {
    m.events.push_back({e.Text(0), e.OptText(1), e.Int(2)});
  }
  return m;
}

ReportResult MessageRepository::ApplyReport(db::Connection& conn, const std::string& provider_id,
                                            const std::string& reported_status,
                                            const std::string& error_code,
                                            const std::string& error_message, Millis now) {
  db::Transaction tx(conn);
  auto row = conn.QueryOne("SELECT id, status FROM messages WHERE provider_id = ?", {provider_id});
  if (!row) return ReportResult::kUnknownMessage;
  const std::int64_t id = row->Int(0);
  conn.Insert(
      "INSERT INTO message_events (message_id, status, error_code, received_at) "
      "VALUES (?, ?, ?, ?)",
      {id, reported_status, OptText(error_code), now});
  const auto current = ParseStatus(row->Text(1));
  const auto next = current ? StatusAfterReport(*current, reported_status) : std::nullopt;
  bool changed = false;
  if (next) {
    const std::string next_name = StatusName(*next);
    // Compare-and-set on the status read above: a concurrent report cannot be overwritten.
    changed = conn.Execute(
                  "UPDATE messages SET status = ?, updated_at = ?, "
                  "delivered_at = CASE WHEN ? = 'delivered' THEN ? ELSE delivered_at END, "
                  "error_code = COALESCE(?, error_code), "
                  "error_message = COALESCE(?, error_message) "
                  "WHERE id = ? AND status = ?",
                  {next_name, now, next_name, now, OptText(error_code), OptText(error_message), id,
                   row->Text(1)}) == 1;
  }
  tx.Commit();
  return changed ? ReportResult::kStatusChanged : ReportResult::kRecorded;
}

}  // namespace careops::messaging
