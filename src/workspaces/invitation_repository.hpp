#pragma once
// SQL for the workspace_invitations table. Construct one per use over the caller's
// connection; it joins the caller's transaction when one is open. Not thread-safe.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "workspaces/model.hpp"

namespace careops::db {
class Connection;
}

namespace careops::workspaces {

class InvitationRepository {
 public:
  explicit InvitationRepository(db::Connection& conn) : conn_(conn) {}

  // Inserts `invitation` (ignoring id, invited_by_name, message_id and the accepted/revoked
  // fields) stored under `token_hash`; returns the new id.
  std::int64_t Insert(const Invitation& invitation, std::string_view token_hash);
  void SetMessage(std::int64_t id, std::int64_t message_id);

  std::optional<Invitation> FindByTokenHash(std::string_view token_hash);
  // nullopt when `id` is not an invitation of `workspace_id`.
  std::optional<Invitation> FindInWorkspace(std::int64_t workspace_id, std::int64_t id);
  // Newest first.
  std::vector<Invitation> ListForWorkspace(std::int64_t workspace_id);
  // created_at of the workspace's invitations created after `since`, newest first, at most
  // `limit` of them.
  std::vector<Millis> CreatedSince(std::int64_t workspace_id, Millis since, int limit);

  // The single-use step: marks `id` accepted by `user_id` only while it is pending at `now`
  // (not accepted, not revoked, expires_at > now), in one statement. True when it did; false
  // when another request got there first or it was no longer pending.
  bool MarkAccepted(std::int64_t id, std::int64_t user_id, Millis now);
  // Marks `id` revoked only while it is pending at `now`. True when it did.
  bool MarkRevoked(std::int64_t id, Millis now);

  // Whether an active member of `workspace_id` has this email address (normalised), or this
  // E.164 number as their verified phone.
  bool IsActiveMemberEmail(std::int64_t workspace_id, std::string_view email);
  bool IsActiveMemberPhone(std::int64_t workspace_id, std::string_view e164);
  // Whether the workspace has an accepted invitation, or one pending at `now`.
  bool HasPendingOrAccepted(std::int64_t workspace_id, Millis now);

 private:
  db::Connection& conn_;
};

}  // namespace careops::workspaces
