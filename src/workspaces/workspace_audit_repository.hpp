#pragma once
// SQL for a workspace's audit view: its own events (audit_events.workspace_id) and the
// sign-ins (login_ok, login_failed) of its current members, active or suspended, by their
// user ids; read through the indexes audit_events_workspace and audit_events_user. One per
// use over the caller's connection. Not thread-safe.

#include <cstdint>

#include "workspaces/model.hpp"

namespace careops::db {
class Connection;
}

namespace careops::workspaces {

class WorkspaceAuditRepository {
 public:
  explicit WorkspaceAuditRepository(db::Connection& conn) : conn_(conn) {}

  // The newest `limit` events with id < `before`, newest first, and next_before when older
  // ones exist. REQUIRES: limit >= 1.
  AuditPage Page(std::int64_t workspace_id, std::int64_t before, int limit);

 private:
  db::Connection& conn_;
};

}  // namespace careops::workspaces
