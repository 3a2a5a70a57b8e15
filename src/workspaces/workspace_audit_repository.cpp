#include "workspaces/workspace_audit_repository.hpp"

#include <string>
#include <vector>

#include "auth/model.hpp"
#include "db/database.hpp"

namespace careops::workspaces {
namespace {

constexpr std::string_view kColumns =
    "SELECT a.id, a.type, a.user_id, u.full_name, a.ip, a.detail, a.created_at FROM audit_events a "
    "LEFT JOIN users u ON u.id = a.user_id ";

WorkspaceAuditEvent FromRow(const db::Row& row) {
  return {row.Int(0),  row.Text(1), row.OptInt(2), row.OptText(3),
          row.Text(4), row.Text(5), row.Int(6)};
}

std::vector<WorkspaceAuditEvent> Events(const db::Rows& rows) {
  std::vector<WorkspaceAuditEvent> out;
  out.reserve(rows.size());
  for (const db::Row& row : rows) out.push_back(FromRow(row));
  return out;
}

}  // namespace

AuditPage WorkspaceAuditRepository::Page(std::int64_t workspace_id, std::int64_t before,
                                         int limit) {
  // Own events: a range of audit_events_workspace, at most limit + 1 rows. Members' sign-ins:
  // a range of audit_events_user per member, the newest limit + 1 of them kept. Sign-ins never
  // carry a workspace id, so the two sets are disjoint (the merge would drop a repeat). (No
  // "workspace_id IS NULL" here: the planner would take it to scan the workspace index over every
  // personal event.)
  static const std::string own_sql = std::string(kColumns) +
                                     "WHERE a.workspace_id = ? AND a.id < ? "
                                     "ORDER BY a.id DESC LIMIT ?";
  static const std::string sign_in_sql =
      std::string(kColumns) +
      "WHERE a.user_id IN (SELECT user_id FROM workspace_members WHERE workspace_id = ?) "
      "AND a.type IN (?, ?) AND a.id < ? ORDER BY a.id DESC LIMIT ?";
  const std::int64_t wanted = static_cast<std::int64_t>(limit) + 1;
  const auto own = Events(conn_.Query(own_sql, {workspace_id, before, wanted}));
  const auto sign_ins =
      Events(conn_.Query(sign_in_sql, {workspace_id, std::string(auth::audit::kLoginOk),
                                       std::string(auth::audit::kLoginFailed), before, wanted}));

  AuditPage page;
  auto a = own.begin();
  auto b = sign_ins.begin();
  while (page.events.size() < static_cast<std::size_t>(wanted) &&
         (a != own.end() || b != sign_ins.end())) {
    if (a != own.end() && b != sign_ins.end() && a->id == b->id) ++b;  // never twice
    const bool take_own = b == sign_ins.end() || (a != own.end() && a->id > b->id);
    page.events.push_back(take_own ? *a++ : *b++);
  }
  if (page.events.size() > static_cast<std::size_t>(limit)) {
    page.events.resize(static_cast<std::size_t>(limit));
    page.next_before = page.events.back().id;
  }
  return page;
}

}  // namespace careops::workspaces
