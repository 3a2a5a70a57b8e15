#include "auth/session_repository.hpp"

#include "db/database.hpp"

namespace careops::auth {
namespace {

constexpr std::string_view kColumns =
    "id, user_id, csrf_hash, created_at, last_seen_at, expires_at, ip, user_agent, revoked_at";

Session FromRow(const db::Row& row) {
  Session s;
  s.id = row.Int(0);
  s.user_id = row.Int(1);
  s.csrf_hash = row.Text(2);
  s.created_at = row.Int(3);
  s.last_seen_at = row.Int(4);
  s.expires_at = row.Int(5);
  s.ip = row.Text(6);
  s.user_agent = row.Text(7);
  s.revoked_at = row.OptInt(8);
  return s;
}

}  // namespace

std::int64_t SessionRepository::Insert(const NewSession& s, Millis now) {
  return conn_.Insert(
      "INSERT INTO sessions (user_id, token_hash, csrf_hash, created_at, last_seen_at, "
      "expires_at, ip, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {s.user_id, s.token_hash, s.csrf_hash, now, now, s.expires_at, s.client.ip,
       s.client.user_agent});
}

std::optional<Session> SessionRepository::FindByTokenHash(const std::string& token_hash) {
  static const std::string sql =
      "SELECT " + std::string(kColumns) + " FROM sessions WHERE token_hash = ?";
  auto row = conn_.QueryOne(sql, {token_hash});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

void SessionRepository::Touch(std::int64_t id, Millis now, Millis unless_after) {
  conn_.Execute("UPDATE sessions SET last_seen_at = ? WHERE id = ? AND last_seen_at <= ?",
                {now, id, unless_after});
}

std::vector<Session> SessionRepository::ListActive(std::int64_t user_id, Millis now) {
  static const std::string sql = "SELECT " + std::string(kColumns) +
                                 " FROM sessions WHERE user_id = ? AND revoked_at IS NULL "
                                 "AND expires_at > ? ORDER BY last_seen_at DESC, id DESC";
  std::vector<Session> out;
  for (const db::Row& row : conn_.Query(sql, {user_id, now})) out.push_back(FromRow(row));
  return out;
}

bool SessionRepository::Revoke(std::int64_t user_id, std::int64_t session_id, Millis now) {
  return conn_.Execute(
             "UPDATE sessions SET revoked_at = ? WHERE id = ? AND user_id = ? AND "
             "revoked_at IS NULL AND expires_at > ?",
             {now, session_id, user_id, now}) > 0;
}

std::int64_t SessionRepository::RevokeAllExcept(std::int64_t user_id, std::int64_t keep_id,
                                                Millis now) {
  return conn_.Execute(
      "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND id <> ? AND revoked_at IS NULL "
      "AND expires_at > ?",
      {now, user_id, keep_id, now});
}

}  // namespace careops::auth
