#include "workspaces/member_guard.hpp"

#include <stdexcept>

#include "workspaces/workspace_service.hpp"

namespace careops::workspaces {

bool Allows(const Member& member, http::Permission permission) {
  using http::Permission;
  if (member.role == Role::kOwner) return true;
  switch (permission) {
    case Permission::kNone:
      return true;
    case Permission::kInbox:
      return member.permissions.inbox;
    case Permission::kBookings:
      return member.permissions.bookings;
    case Permission::kForms:
      return member.permissions.forms;
    case Permission::kInventory:
      return member.permissions.inventory;
    case Permission::kOwner:
      return false;
  }
  return false;
}

Status MemberGuard::Check(const http::AccessRule& rule, http::RequestContext& ctx) {
  if (Status user = user_guard_.Check(http::AccessRule{http::Access::kUser}, ctx); !user.ok()) {
    return user;
  }
  std::int64_t workspace_id = 0;
  try {
    workspace_id = ctx.params.Int("id");
  } catch (const std::exception& e) {  // the router guarantees {id:int}; a bug otherwise
    return Error::Internal(std::string("member route without {id:int}: ") + e.what());
  }
  auto member = workspaces_.ActiveMembership(ctx.db, workspace_id, ctx.user_id);
  if (!member) return Error::NotFound("no such workspace");
  if (!Allows(*member, rule.permission)) {
    return Error::PermissionDenied("your role in this workspace does not allow this");
  }
  ctx.workspace_id = workspace_id;
  return Ok();
}

}  // namespace careops::workspaces
