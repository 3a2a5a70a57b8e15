#pragma once
// JSON shapes and readers shared by the workspaces handlers (docs/API.md, Workspaces). Pure
// functions; thread-safe.

#include "core/error.hpp"
#include "http/json.hpp"
#include "workspaces/model.hpp"

namespace careops::workspaces {

// The workspace object.
http::Json WorkspaceJson(const Workspace& w);
// The workspace object with the caller's "role".
http::Json MyWorkspaceJson(const MyWorkspace& mine);
// {"inbox", "bookings", "forms", "inventory"}
http::Json PermissionsJson(const Permissions& p);
// The optional "permissions" object of `body`: absent or null -> no flags; 400 field
// "permissions" when not an object, 400 naming the flag when one is not true/false.
Result<PermissionFlags> ReadPermissionFlags(const http::Json& body);
// The optional "role" of `body`; 400 field "role" unless owner, manager or staff.
Result<std::optional<Role>> ReadRole(const http::Json& body);

}  // namespace careops::workspaces
