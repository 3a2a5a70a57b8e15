#pragma once
// Staff invitations (docs/API.md, Invitations; PRODUCT.md W3). An owner invites someone by
// email or SMS; the message carries a single-use link {PUBLIC_BASE_URL}/invite#token=…, valid
// kInvitationLifetime. Only the token's keyed hash is stored (purpose "invitation"); the
// message body is sealed (sensitive), belongs to the inviting owner (who may read its status
// at GET /api/messages/{id}) and to the workspace (so it leaves through the workspace's
// channel). Whoever holds the link may preview it and, signed in, accept it: they join with
// the role and flags offered.
//
// Knows nothing of HTTP; access (owner-only routes) is checked by the router's MemberGuard.
// Thread-safe: no state besides the database; each call uses the caller's connection and
// opens its own transaction (REQUIRES: none open on `conn`).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "workspaces/model.hpp"

namespace careops {
class SecretKey;
}
namespace careops::db {
class Connection;
}
namespace careops::messaging {
class Outbox;
}

namespace careops::workspaces {

inline constexpr Millis kInvitationLifetime = 7 * 24 * 60 * 60 * 1000LL;  // 7 days
// At most this many invitations per workspace in any kInvitationWindow (revoked ones count).
inline constexpr int kInvitationsPerWindow = 50;
inline constexpr Millis kInvitationWindow = 24 * 60 * 60 * 1000LL;  // 24 hours
// SecretKey::KeyedHash purpose of invitation tokens.
inline constexpr const char* kInvitationTokenPurpose = "invitation";

class InvitationService {
 public:
  // All must outlive the service. `public_base_url` is read at each invitation (the
  // composition root completes it after binding the port).
  InvitationService(const Clock& clock, const SecretKey& key, const messaging::Outbox& outbox,
                    const std::string& public_base_url)
      : clock_(clock), key_(key), outbox_(outbox), public_base_url_(public_base_url) {}

  // Invites the recipient to `workspace_id` on behalf of owner `actor_id`: stores the
  // invitation, queues its message and audits member_invited (detail without the token), in
  // one transaction. InvalidArgument naming the field: neither or both of email and phone,
  // an invalid email, a phone that is not a mobile number (national numbers are read with the
  // workspace's default_region). Conflict "already a member" (field email / phone) when an
  // active member has that email address or that verified number. RateLimited (with the
  // seconds until one more is allowed) past kInvitationsPerWindow.
  Result<Invitation> Create(db::Connection& conn, std::int64_t workspace_id, std::int64_t actor_id,
                            const InvitationRequest& request, std::string_view ip) const;
  // Every invitation of the workspace, newest first.
  std::vector<Invitation> List(db::Connection& conn, std::int64_t workspace_id) const;
  // The link stops working. NotFound when `invitation_id` is not one of `workspace_id`'s;
  // Conflict when it is no longer pending.
  Status Revoke(db::Connection& conn, std::int64_t workspace_id, std::int64_t invitation_id) const;

  // What the link offers. InvalidArgument (field token) for an empty token; NotFound for an
  // unknown one; Gone saying whether it was used, expired or revoked.
  Result<InvitationPreview> Preview(db::Connection& conn, std::string_view token) const;
  // `user_id` joins the workspace with the offered role and flags and the invitation is used
  // up, both or neither: the invitation is claimed by one conditional UPDATE, so of two
  // concurrent accepts exactly one succeeds. Audited in the workspace as
  // invitation_accepted. Errors as Preview; Conflict "already a member" when `user_id` has a
  // membership of the workspace, active or suspended (the invitation stays pending).
  Result<MyWorkspace> Accept(db::Connection& conn, std::string_view token, std::int64_t user_id,
                             std::string_view ip) const;

 private:
  const Clock& clock_;
  const SecretKey& key_;
  const messaging::Outbox& outbox_;
  const std::string& public_base_url_;
};

}  // namespace careops::workspaces
