#include "workspaces/public_workspace.hpp"

#include "workspaces/workspace_repository.hpp"

namespace careops::workspaces {

Result<Workspace> WorkspaceBySlug(db::Connection& conn, std::string_view slug) {
  auto w = WorkspaceRepository(conn).FindBySlug(slug);
  if (!w) return Error::NotFound("no such workspace");
  return std::move(*w);
}

Result<Workspace> OpenWorkspaceBySlug(db::Connection& conn, std::string_view slug) {
  auto w = WorkspaceBySlug(conn, slug);
  if (!w.ok()) return w;
  if (!w->is_active) return Error::Conflict(NotOpenMessage(*w), "workspace");
  return w;
}

std::string NotOpenMessage(const Workspace& w) { return w.name + " is not open yet"; }

}  // namespace careops::workspaces
