#include "workspaces/invitation_repository.hpp"

#include <string>

#include "db/database.hpp"

namespace careops::workspaces {
namespace {

constexpr std::string_view kSelect =
    "SELECT i.id, i.workspace_id, i.channel, i.recipient, i.role, i.perm_inbox, "
    "i.perm_bookings, i.perm_forms, i.perm_inventory, i.invited_by, u.full_name, i.message_id, "
    "i.created_at, i.expires_at, i.accepted_at, i.accepted_by, i.revoked_at "
    "FROM workspace_invitations i LEFT JOIN users u ON u.id = i.invited_by ";

// Pending at the time bound to the last `?`.
constexpr std::string_view kPending =
    "accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?";

Invitation FromRow(const db::Row& row) {
  Invitation i;
  i.id = row.Int(0);
  i.workspace_id = row.Int(1);
  i.channel = row.Text(2) == "sms" ? InviteChannel::kSms : InviteChannel::kEmail;
  i.recipient = row.Text(3);
  i.role = ParseRole(row.Text(4)).value_or(Role::kStaff);
  i.permissions = {row.Int(5) != 0, row.Int(6) != 0, row.Int(7) != 0, row.Int(8) != 0};
  i.invited_by = row.OptInt(9);
  i.invited_by_name = row.OptText(10);
  i.message_id = row.OptInt(11);
  i.created_at = row.Int(12);
  i.expires_at = row.Int(13);
  i.accepted_at = row.OptInt(14);
  i.accepted_by = row.OptInt(15);
  i.revoked_at = row.OptInt(16);
  return i;
}

std::int64_t Flag(bool b) { return b ? 1 : 0; }

}  // namespace

std::int64_t InvitationRepository::Insert(const Invitation& i, std::string_view token_hash) {
  const db::Value invited_by = i.invited_by ? db::Value(*i.invited_by) : db::Value();
  return conn_.Insert(
      "INSERT INTO workspace_invitations (workspace_id, token_hash, channel, recipient, role, "
      "perm_inbox, perm_bookings, perm_forms, perm_inventory, invited_by, created_at, "
      "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {i.workspace_id, std::string(token_hash), std::string(InviteChannelName(i.channel)),
       i.recipient, std::string(RoleName(i.role)), Flag(i.permissions.inbox),
       Flag(i.permissions.bookings), Flag(i.permissions.forms), Flag(i.permissions.inventory),
       invited_by, i.created_at, i.expires_at});
}

void InvitationRepository::SetMessage(std::int64_t id, std::int64_t message_id) {
  conn_.Execute("UPDATE workspace_invitations SET message_id = ? WHERE id = ?", {message_id, id});
}

std::optional<Invitation> InvitationRepository::FindByTokenHash(std::string_view token_hash) {
  static const std::string sql = std::string(kSelect) + "WHERE i.token_hash = ?";
  auto row = conn_.QueryOne(sql, {std::string(token_hash)});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::optional<Invitation> InvitationRepository::FindInWorkspace(std::int64_t workspace_id,
                                                                std::int64_t id) {
  static const std::string sql = std::string(kSelect) + "WHERE i.id = ? AND i.workspace_id = ?";
  auto row = conn_.QueryOne(sql, {id, workspace_id});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::vector<Invitation> InvitationRepository::ListForWorkspace(std::int64_t workspace_id) {
  static const std::string sql =
      std::string(kSelect) + "WHERE i.workspace_id = ? ORDER BY i.id DESC";
  std::vector<Invitation> out;
  for (const db::Row& row : conn_.Query(sql, {workspace_id})) out.push_back(FromRow(row));
  return out;
}

std::vector<Millis> InvitationRepository::CreatedSince(std::int64_t workspace_id, Millis since,
                                                       int limit) {
  std::vector<Millis> out;
  for (const db::Row& row :
       conn_.Query("SELECT created_at FROM workspace_invitations WHERE workspace_id = ? AND "
                   "created_at > ? ORDER BY created_at DESC LIMIT ?",
                   {workspace_id, since, static_cast<std::int64_t>(limit)})) {
    out.push_back(row.Int(0));
  }
  return out;
}

bool InvitationRepository::MarkAccepted(std::int64_t id, std::int64_t user_id, Millis now) {
  static const std::string sql =
      "UPDATE workspace_invitations SET accepted_at = ?, accepted_by = ? WHERE id = ? AND " +
      std::string(kPending);
  return conn_.Execute(sql, {now, user_id, id, now}) == 1;
}

bool InvitationRepository::MarkRevoked(std::int64_t id, Millis now) {
  static const std::string sql =
      "UPDATE workspace_invitations SET revoked_at = ? WHERE id = ? AND " + std::string(kPending);
  return conn_.Execute(sql, {now, id, now}) == 1;
}

bool InvitationRepository::IsActiveMemberEmail(std::int64_t workspace_id, std::string_view email) {
  return conn_
      .QueryOne(
          "SELECT 1 FROM users u JOIN workspace_members m ON m.user_id = u.id "
          "WHERE u.email = ? AND m.workspace_id = ? AND m.status = 'active'",
          {std::string(email), workspace_id})
      .has_value();
}

bool InvitationRepository::IsActiveMemberPhone(std::int64_t workspace_id, std::string_view e164) {
  return conn_
      .QueryOne(
          "SELECT 1 FROM workspace_members m JOIN users u ON u.id = m.user_id "
          "WHERE m.workspace_id = ? AND m.status = 'active' AND u.phone_number = ? "
          "AND u.is_phone_verified = 1 LIMIT 1",
          {workspace_id, std::string(e164)})
      .has_value();
}

bool InvitationRepository::HasPendingOrAccepted(std::int64_t workspace_id, Millis now) {
  return conn_
      .QueryOne(
          "SELECT 1 FROM workspace_invitations WHERE workspace_id = ? AND revoked_at IS NULL "
          "AND (accepted_at IS NOT NULL OR expires_at > ?) LIMIT 1",
          {workspace_id, now})
      .has_value();
}

}  // namespace careops::workspaces
