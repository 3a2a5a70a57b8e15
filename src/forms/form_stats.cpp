#include "forms/form_stats.hpp"

#include <algorithm>

#include "db/database.hpp"

namespace careops::forms {

FormCounts CountForms(db::Connection& conn, std::int64_t workspace_id, Millis now,
                      Millis completed_since) {
  FormCounts counts;
  const auto pending = conn.QueryOne(
      "SELECT COALESCE(SUM(due_at > ?), 0), COALESCE(SUM(due_at <= ?), 0) FROM form_requests "
      "WHERE workspace_id = ? AND status = 'pending'",
      {now, now, workspace_id});
  counts.pending = pending->Int(0);
  counts.overdue = pending->Int(1);
  counts.completed = conn.QueryOne(
                             "SELECT COUNT(*) FROM form_requests WHERE workspace_id = ? AND "
                             "completed_at IS NOT NULL AND completed_at >= ?",
                             {workspace_id, completed_since})
                         ->Int(0);
  return counts;
}

std::vector<FormRequestSummary> OverdueRequests(db::Connection& conn, std::int64_t workspace_id,
                                                Millis now, int limit) {
  const std::int64_t n = std::clamp(limit, 1, 500);
  std::vector<FormRequestSummary> out;
  for (const db::Row& row :
       conn.Query("SELECT r.id, r.form_id, f.name, r.booking_id, r.contact_id, c.name, r.due_at "
                  "FROM form_requests r JOIN forms f ON f.id = r.form_id "
                  "JOIN contacts c ON c.id = r.contact_id "
                  "WHERE r.workspace_id = ? AND r.status = 'pending' AND r.due_at <= ? "
                  "ORDER BY r.due_at, r.id LIMIT ?",
                  {workspace_id, now, n})) {
    FormRequestSummary s;
    s.id = row.Int(0);
    s.form_id = row.Int(1);
    s.form_name = row.Text(2);
    s.booking_id = row.Int(3);
    s.contact_id = row.Int(4);
    s.contact_name = row.Text(5);
    s.due_at = row.Int(6);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace careops::forms
