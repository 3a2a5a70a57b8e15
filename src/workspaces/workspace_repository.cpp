#include "workspaces/workspace_repository.hpp"

#include <string>

#include "db/database.hpp"

namespace careops::workspaces {
namespace {

constexpr std::string_view kColumns =
    "w.id, w.name, w.slug, w.address, w.timezone, w.contact_email, w.contact_phone, "
    "w.default_region, w.is_active, w.created_at, w.updated_at";
constexpr std::string_view kMemberColumns =
    "m.workspace_id, m.user_id, m.role, m.perm_inbox, m.perm_bookings, m.perm_forms, "
    "m.perm_inventory, m.status, m.created_at, u.email, u.full_name";

Workspace WorkspaceFromRow(const db::Row& row) {
  Workspace w;
  w.id = row.Int(0);
  w.name = row.Text(1);
  w.slug = row.Text(2);
  w.address = row.Text(3);
  w.timezone = row.Text(4);
  w.contact_email = row.Text(5);
  w.contact_phone = row.Text(6);
  w.default_region = row.Text(7);
  w.is_active = row.Int(8) != 0;
  w.created_at = row.Int(9);
  w.updated_at = row.Int(10);
  return w;
}

Member MemberFromRow(const db::Row& row) {
  Member m;
  m.workspace_id = row.Int(0);
  m.user_id = row.Int(1);
  m.role = ParseRole(row.Text(2)).value_or(Role::kStaff);
  m.permissions = {row.Int(3) != 0, row.Int(4) != 0, row.Int(5) != 0, row.Int(6) != 0};
  m.active = row.Text(7) == "active";
  m.created_at = row.Int(8);
  m.email = row.Text(9);
  m.full_name = row.Text(10);
  return m;
}

std::int64_t Flag(bool b) { return b ? 1 : 0; }

Error SlugTaken() { return Error::Conflict("this slug is already taken", "slug"); }

}  // namespace

Result<std::int64_t> WorkspaceRepository::Insert(const Workspace& w, Millis now) {
  try {
    return conn_.Insert(
        "INSERT INTO workspaces (name, slug, address, timezone, contact_email, contact_phone, "
        "default_region, is_active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
        {w.name, w.slug, w.address, w.timezone, w.contact_email, w.contact_phone, w.default_region,
         now, now});
  } catch (const db::DbError& e) {
    if (e.kind() != db::DbError::Kind::kUniqueViolation) throw;
    return SlugTaken();
  }
}

std::optional<Workspace> WorkspaceRepository::FindById(std::int64_t id) {
  static const std::string sql =
      "SELECT " + std::string(kColumns) + " FROM workspaces w WHERE w.id = ?";
  auto row = conn_.QueryOne(sql, {id});
  if (!row) return std::nullopt;
  return WorkspaceFromRow(*row);
}

std::optional<Workspace> WorkspaceRepository::FindBySlug(std::string_view slug) {
  static const std::string sql =
      "SELECT " + std::string(kColumns) + " FROM workspaces w WHERE w.slug = ?";
  auto row = conn_.QueryOne(sql, {std::string(slug)});
  if (!row) return std::nullopt;
  return WorkspaceFromRow(*row);
}

void WorkspaceRepository::SetActive(std::int64_t id, bool active, Millis now) {
  conn_.Execute("UPDATE workspaces SET is_active = ?, updated_at = ? WHERE id = ?",
                {static_cast<std::int64_t>(active ? 1 : 0), now, id});
}

Status WorkspaceRepository::Update(const Workspace& w, Millis now) {
  try {
    conn_.Execute(
        "UPDATE workspaces SET name = ?, slug = ?, address = ?, timezone = ?, contact_email = ?, "
        "contact_phone = ?, default_region = ?, updated_at = ? WHERE id = ?",
        {w.name, w.slug, w.address, w.timezone, w.contact_email, w.contact_phone, w.default_region,
         now, w.id});
  } catch (const db::DbError& e) {
    if (e.kind() != db::DbError::Kind::kUniqueViolation) throw;
    return SlugTaken();
  }
  return Ok();
}

void WorkspaceRepository::AddMember(std::int64_t workspace_id, std::int64_t user_id, Role role,
                                    const Permissions& p, Millis now) {
  conn_.Insert(
      "INSERT INTO workspace_members (workspace_id, user_id, role, perm_inbox, perm_bookings, "
      "perm_forms, perm_inventory, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?)",
      {workspace_id, user_id, std::string(RoleName(role)), Flag(p.inbox), Flag(p.bookings),
       Flag(p.forms), Flag(p.inventory), now});
}

std::optional<Member> WorkspaceRepository::FindMember(std::int64_t workspace_id,
                                                      std::int64_t user_id) {
  static const std::string sql = "SELECT " + std::string(kMemberColumns) +
                                 " FROM workspace_members m JOIN users u ON u.id = m.user_id "
                                 "WHERE m.workspace_id = ? AND m.user_id = ?";
  auto row = conn_.QueryOne(sql, {workspace_id, user_id});
  if (!row) return std::nullopt;
  return MemberFromRow(*row);
}

void WorkspaceRepository::UpdateMember(const Member& m) {
  conn_.Execute(
      "UPDATE workspace_members SET role = ?, perm_inbox = ?, perm_bookings = ?, perm_forms = ?, "
      "perm_inventory = ?, status = ? WHERE workspace_id = ? AND user_id = ?",
      {std::string(RoleName(m.role)), Flag(m.permissions.inbox), Flag(m.permissions.bookings),
       Flag(m.permissions.forms), Flag(m.permissions.inventory),
       std::string(m.active ? "active" : "suspended"), m.workspace_id, m.user_id});
}

void WorkspaceRepository::RemoveMember(std::int64_t workspace_id, std::int64_t user_id) {
  conn_.Execute("DELETE FROM workspace_members WHERE workspace_id = ? AND user_id = ?",
                {workspace_id, user_id});
}

std::int64_t WorkspaceRepository::CountMembers(std::int64_t workspace_id) {
  return conn_
      .QueryOne("SELECT COUNT(*) FROM workspace_members WHERE workspace_id = ?", {workspace_id})
      ->Int(0);
}

std::int64_t WorkspaceRepository::CountActiveOwners(std::int64_t workspace_id) {
  return conn_
      .QueryOne(
          "SELECT COUNT(*) FROM workspace_members WHERE workspace_id = ? AND role = 'owner' AND "
          "status = 'active'",
          {workspace_id})
      ->Int(0);
}

std::vector<Member> WorkspaceRepository::ListMembers(std::int64_t workspace_id) {
  static const std::string sql = "SELECT " + std::string(kMemberColumns) +
                                 " FROM workspace_members m JOIN users u ON u.id = m.user_id "
                                 "WHERE m.workspace_id = ? ORDER BY m.created_at, m.id";
  std::vector<Member> out;
  for (const db::Row& row : conn_.Query(sql, {workspace_id})) out.push_back(MemberFromRow(row));
  return out;
}

std::vector<MyWorkspace> WorkspaceRepository::ListForUser(std::int64_t user_id) {
  static const std::string sql =
      "SELECT " + std::string(kColumns) +
      ", m.role FROM workspaces w JOIN workspace_members m ON m.workspace_id = w.id "
      "WHERE m.user_id = ? AND m.status = 'active' ORDER BY w.created_at, w.id";
  std::vector<MyWorkspace> out;
  for (const db::Row& row : conn_.Query(sql, {user_id})) {
    out.push_back({WorkspaceFromRow(row), ParseRole(row.Text(11)).value_or(Role::kStaff)});
  }
  return out;
}

}  // namespace careops::workspaces
