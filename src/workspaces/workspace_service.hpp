#pragma once
// The rules of workspaces (PRODUCT.md W1, W3): creating one (the creator becomes its owner
// with every permission), listing the caller's, reading and updating. Knows nothing of HTTP;
// access (membership, owner-only) is checked by the router's MemberGuard before these run.
// Thread-safe (stateless; uses the caller's connection).
//
// Validation (InvalidArgument naming the field unless noted): name trimmed, 1..120 bytes;
// slug [a-z0-9-]{3,40}, unique (Conflict, field "slug"); timezone an IANA zone ("UTC" when
// absent on create); default_region two upper-case letters ("US" when absent on create);
// address (<= 300), contact_email (<= 254, contains '@' when not empty) and contact_phone
// (<= 32, digits, spaces and "+-()." only) are trimmed and may be empty.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "workspaces/model.hpp"

namespace careops {
class Clock;
}
namespace careops::db {
class Connection;
}

namespace careops::workspaces {

inline constexpr int kDefaultAuditPage = 50;
inline constexpr int kMaxAuditPage = 200;

class WorkspaceService {
 public:
  explicit WorkspaceService(const Clock& clock) : clock_(clock) {}

  // Creates the workspace and makes `owner_id` its owner, in one transaction.
  Result<Workspace> Create(db::Connection& conn, std::int64_t owner_id,
                           const WorkspaceFields& fields) const;
  // The workspaces where `user_id` is an active member, with the role held.
  std::vector<MyWorkspace> ListMine(db::Connection& conn, std::int64_t user_id) const;
  // NotFound when there is no such workspace.
  Result<Workspace> Get(db::Connection& conn, std::int64_t id) const;
  // Applies the present fields; the result is validated as a whole. A change is audited in
  // the workspace as workspace_updated for `actor_id` (detail: the changed field names); one
  // that changes nothing records nothing and keeps updated_at.
  Result<Workspace> Update(db::Connection& conn, std::int64_t id, std::int64_t actor_id,
                           const WorkspaceFields& fields, std::string_view ip) const;
  std::vector<Member> Members(db::Connection& conn, std::int64_t workspace_id) const;
  // `user_id`'s membership of `workspace_id` when it exists and is active, else nullopt (a
  // missing workspace and a non-member look the same).
  std::optional<Member> ActiveMembership(db::Connection& conn, std::int64_t workspace_id,
                                         std::int64_t user_id) const;

  // One page of the workspace's audit view (see WorkspaceAuditRepository): events older than
  // `before` (all when nullopt), newest first, `limit` of them. InvalidArgument naming
  // "before" (must be >= 1) or "limit" (1..kMaxAuditPage).
  Result<AuditPage> AuditTrail(db::Connection& conn, std::int64_t workspace_id,
                               std::optional<std::int64_t> before, int limit) const;

  // Member management by an owner (`actor_id`; the guard has checked that). `member_id` is the
  // member's user id. Each applies the change and records audit events (see model.hpp) for
  // the actor with `ip`, in one transaction. NotFound when `member_id` is not a member of
  // `workspace_id` (whatever its status); Conflict "a workspace needs an owner" when the
  // change would leave the workspace without an active owner (demoting, suspending or
  // removing its last active owner, the actor included).
  //
  // Applies `change` (see MemberChange) and returns the member as it now is. A change that
  // changes nothing records nothing.
  Result<Member> UpdateMember(db::Connection& conn, std::int64_t workspace_id,
                              std::int64_t actor_id, std::int64_t member_id,
                              const MemberChange& change, std::string_view ip) const;
  // Deletes the membership; the user's next request to the workspace gets 404.
  Status RemoveMember(db::Connection& conn, std::int64_t workspace_id, std::int64_t actor_id,
                      std::int64_t member_id, std::string_view ip) const;

 private:
  const Clock& clock_;
};

// Whether the IANA time zone database knows `name` ("Europe/Berlin"). Thread-safe.
bool IsTimeZone(std::string_view name);

}  // namespace careops::workspaces
