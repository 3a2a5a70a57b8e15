#pragma once
// HTTP handlers of invitations: JSON <-> InvitationService (docs/API.md, Invitations). No SQL,
// no rules and no access checks here: the owner routes reach these only after MemberGuard set
// ctx.workspace_id; accept only after the kUser guard set ctx.user_id. Tokens travel only in
// request bodies. Thread-safe (const, stateless).

#include "http/message.hpp"
#include "http/router.hpp"

namespace careops::workspaces {

class InvitationService;

class InvitationHandlers {
 public:
  explicit InvitationHandlers(const InvitationService& service) : service_(service) {}

  // Owner of the workspace in {id:int}.
  http::Response Create(http::RequestContext& ctx) const;
  http::Response List(http::RequestContext& ctx) const;
  // {invitation_id:int}
  http::Response Revoke(http::RequestContext& ctx) const;
  // Public: {token}.
  http::Response Preview(http::RequestContext& ctx) const;
  // Signed in (Access::kUser): {token}.
  http::Response Accept(http::RequestContext& ctx) const;

 private:
  const InvitationService& service_;
};

}  // namespace careops::workspaces
