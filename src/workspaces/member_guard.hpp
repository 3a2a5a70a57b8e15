#pragma once
// The access guard of Access::kMember routes. Runs the signed-in-user guard first (so one
// check resolves both; its 401/403 pass through), then looks up the caller's membership of
// the workspace in the path's {id:int} once:
//   - no such workspace, or the caller is not an active member -> 404 (never reveals that
//     another business's workspace exists);
//   - Permission::kOwner needs role owner; kInbox/kBookings/kForms/kInventory need that flag
//     (owners hold all); kNone admits any active member; else 403.
// On success sets ctx.workspace_id (and ctx.user_id, ctx.session_id via the user guard).
// Thread-safe (stateless; uses the request's connection).

#include "http/router.hpp"
#include "workspaces/model.hpp"

namespace careops::workspaces {

class WorkspaceService;

// Whether `member` holds `permission` (the rule above, without the status check).
bool Allows(const Member& member, http::Permission permission);

class MemberGuard final : public http::AccessGuard {
 public:
  // Both must outlive the guard.
  MemberGuard(http::AccessGuard& user_guard, const WorkspaceService& workspaces)
      : user_guard_(user_guard), workspaces_(workspaces) {}
  Status Check(const http::AccessRule& rule, http::RequestContext& ctx) override;

 private:
  http::AccessGuard& user_guard_;
  const WorkspaceService& workspaces_;
};

}  // namespace careops::workspaces
