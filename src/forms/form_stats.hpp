#pragma once
// What the dashboard shows of intake forms (PRODUCT.md D1, F3): how many requests are pending,
// overdue and recently completed, and which ones are overdue. Overdue is derived, never stored:
// a pending request whose due_at <= now. Reads only, with the caller's connection (inside its
// transaction when one is open); thread-safe (stateless).
//
// Indexes: form_requests_status_due (workspace_id, status, due_at) for the pending and overdue
// counts and the overdue list; form_requests_completed (workspace_id, completed_at) for the
// completed count.

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace careops::db {
class Connection;
}

namespace careops::forms {

struct FormCounts {
  std::int64_t pending = 0;    // pending and due after `now`
  std::int64_t overdue = 0;    // pending and due at or before `now`
  std::int64_t completed = 0;  // completed at or after `completed_since`
};

// One overdue request as a list shows it.
struct FormRequestSummary {
  std::int64_t id = 0;
  std::int64_t form_id = 0;
  std::string form_name;
  std::int64_t booking_id = 0;
  std::int64_t contact_id = 0;
  std::string contact_name;
  Millis due_at = 0;
};

FormCounts CountForms(db::Connection& conn, std::int64_t workspace_id, Millis now,
                      Millis completed_since);

// The workspace's overdue requests at `now`, longest overdue first (due_at, then id), at most
// `limit` (clamped to 1..500).
std::vector<FormRequestSummary> OverdueRequests(db::Connection& conn, std::int64_t workspace_id,
                                                Millis now, int limit);

}  // namespace careops::forms
