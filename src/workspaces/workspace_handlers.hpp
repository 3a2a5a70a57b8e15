#pragma once
// HTTP handlers of workspaces: JSON <-> WorkspaceService (docs/API.md, Workspaces). No SQL,
// no rules and no access checks here: kMember routes reach these only after MemberGuard set
// ctx.workspace_id. Thread-safe (const, stateless).

#include "http/message.hpp"
#include "http/router.hpp"

namespace careops::workspaces {

class WorkspaceService;

class WorkspaceHandlers {
 public:
  explicit WorkspaceHandlers(const WorkspaceService& service) : service_(service) {}

  // Signed in (Access::kUser).
  http::Response Create(http::RequestContext& ctx) const;
  http::Response ListMine(http::RequestContext& ctx) const;
  // Members (Access::kMember).
  http::Response Get(http::RequestContext& ctx) const;
  http::Response Update(http::RequestContext& ctx) const;
  http::Response ListMembers(http::RequestContext& ctx) const;
  // Owner only; {member_id:int} is the member's user id.
  http::Response UpdateMember(http::RequestContext& ctx) const;
  http::Response RemoveMember(http::RequestContext& ctx) const;
  // Owner only; ?before=<event id>&limit=<1..200>.
  http::Response Audit(http::RequestContext& ctx) const;

 private:
  const WorkspaceService& service_;
};

}  // namespace careops::workspaces
