#include "auth/audit_repository.hpp"

#include <string>

#include "db/database.hpp"

namespace careops::auth {

void AuditRepository::Record(std::int64_t user_id, std::string_view type, std::string_view ip,
                             std::string_view detail, Millis now) {
  conn_.Insert(
      "INSERT INTO audit_events (user_id, type, ip, detail, created_at) VALUES (?, ?, ?, ?, ?)",
      {user_id, std::string(type), std::string(ip), std::string(detail), now});
}

void AuditRepository::RecordForWorkspace(std::int64_t workspace_id, std::int64_t user_id,
                                         std::string_view type, std::string_view ip,
                                         std::string_view detail, Millis now) {
  conn_.Insert(
      "INSERT INTO audit_events (workspace_id, user_id, type, ip, detail, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {workspace_id, user_id, std::string(type), std::string(ip), std::string(detail), now});
}

std::vector<AuditEvent> AuditRepository::ListForUser(std::int64_t user_id, int limit) {
  std::vector<AuditEvent> out;
  for (const db::Row& row :
       conn_.Query("SELECT id, type, ip, detail, created_at FROM audit_events WHERE user_id = ? "
                   "ORDER BY id DESC LIMIT ?",
                   {user_id, static_cast<std::int64_t>(limit)})) {
    out.push_back({row.Int(0), row.Text(1), row.Text(2), row.Text(3), row.Int(4)});
  }
  return out;
}

}  // namespace careops::auth
