#pragma once
// SQL for form requests (table form_requests, migrations/sqlite/0008_forms.sql). Uses the
// caller's connection and opens no transaction: requests are written with the booking change
// that causes them, with their messages and reminder jobs. Not thread-safe (one per use).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "forms/model.hpp"

namespace careops::db {
class Connection;
}

namespace careops::forms {

// Which requests a list shows. `shown_status` is the API's: "pending" (not yet due), "overdue"
// (pending, due at or before `now`), "completed", "cancelled"; nullopt: any.
struct RequestFilter {
  std::optional<std::string> shown_status;
  std::optional<std::int64_t> booking_id;
  std::optional<std::int64_t> contact_id;
  std::optional<std::int64_t> before_id;  // keyset: ids below this one
  int limit = 50;
  Millis now = 0;
};

class RequestRepository {
 public:
  explicit RequestRepository(db::Connection& conn) : conn_(conn) {}

  // Inserts a pending request for r.form_id and r.booking_id (created_at = updated_at = now)
  // and returns its id; nullopt when that booking already has a request of that form.
  std::optional<std::int64_t> Insert(const FormRequest& r, Millis now) const;
  // Request `id` of `workspace_id` with its form's and contact's names, or nullopt.
  std::optional<FormRequest> Find(std::int64_t workspace_id, std::int64_t id) const;
  // Request `id` whatever its workspace (for signed links and jobs, which name it alone).
  std::optional<FormRequest> FindAnyWorkspace(std::int64_t id) const;
  // The booking's pending requests, by id.
  std::vector<FormRequest> PendingForBooking(std::int64_t booking_id) const;
  // Newest first (by id), filtered (index form_requests_workspace / _contact / the booking's).
  std::vector<FormRequest> List(std::int64_t workspace_id, const RequestFilter& filter) const;

  void SetDue(std::int64_t id, Millis due_at, Millis now) const;
  void MarkSent(std::int64_t id, Millis now) const;
  void MarkReminded(std::int64_t id, Millis now) const;
  // Pending -> cancelled; false when it was not pending.
  bool Cancel(std::int64_t id, Millis now) const;
  // Pending -> completed with `answers` (the JSON snapshot); false when it was not pending.
  bool Complete(std::int64_t id, const std::string& answers, Millis now) const;

 private:
  db::Connection& conn_;
};

}  // namespace careops::forms
