#pragma once
// A workspace as the public sees it, by its slug (docs/API.md, GET /api/public/{slug}). Public
// features (the booking page, the contact form, ...) open the workspace through
// OpenWorkspaceBySlug, so an inactive one answers the same everywhere. Thread-safe (stateless;
// uses the caller's connection).

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "workspaces/model.hpp"

namespace careops::db {
class Connection;
}

namespace careops::workspaces {

// The workspace with that slug, active or not; NotFound "no such workspace" otherwise.
Result<Workspace> WorkspaceBySlug(db::Connection& conn, std::string_view slug);

// The workspace with that slug when it is open to the public (activated). Errors:
//   NotFound "no such workspace" for an unknown slug;
//   Conflict "<name> is not open yet" with field "workspace" while it is inactive (public
//   APIs answer it as 409 {"code": "conflict", "field": "workspace"}).
Result<Workspace> OpenWorkspaceBySlug(db::Connection& conn, std::string_view slug);

// "<name> is not open yet": the message of that Conflict, also shown on the public page.
std::string NotOpenMessage(const Workspace& w);

}  // namespace careops::workspaces
