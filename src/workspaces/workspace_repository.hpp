#pragma once
// SQL for the workspaces and workspace_members tables. Construct one per use over the
// caller's connection; it joins the caller's transaction when one is open. Not thread-safe.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "workspaces/model.hpp"

namespace careops::db {
class Connection;
}

namespace careops::workspaces {

class WorkspaceRepository {
 public:
  explicit WorkspaceRepository(db::Connection& conn) : conn_(conn) {}

  // The new workspace's id (inactive); Conflict (field "slug") when the slug is taken.
  // Ignores w.id, w.is_active and the timestamps.
  Result<std::int64_t> Insert(const Workspace& w, Millis now);
  std::optional<Workspace> FindById(std::int64_t id);
  std::optional<Workspace> FindBySlug(std::string_view slug);
  // Writes every settable field of `w` (by w.id); Conflict (field "slug") when taken.
  Status Update(const Workspace& w, Millis now);
  // Sets is_active (and updated_at).
  void SetActive(std::int64_t id, bool active, Millis now);

  void AddMember(std::int64_t workspace_id, std::int64_t user_id, Role role,
                 const Permissions& permissions, Millis now);
  // The membership whatever its status; nullopt when there is none.
  std::optional<Member> FindMember(std::int64_t workspace_id, std::int64_t user_id);
  // Writes m.role, m.permissions and m.active of the membership (m.workspace_id, m.user_id).
  void UpdateMember(const Member& m);
  // Deletes the membership; a missing one is not an error.
  void RemoveMember(std::int64_t workspace_id, std::int64_t user_id);
  // How many members `workspace_id` has, whatever their status.
  std::int64_t CountMembers(std::int64_t workspace_id);
  // How many active owners `workspace_id` has.
  std::int64_t CountActiveOwners(std::int64_t workspace_id);
  // Oldest first, with the users' email and name.
  std::vector<Member> ListMembers(std::int64_t workspace_id);
  // The workspaces where `user_id` is an active member, oldest first.
  std::vector<MyWorkspace> ListForUser(std::int64_t user_id);

 private:
  db::Connection& conn_;
};

}  // namespace careops::workspaces
