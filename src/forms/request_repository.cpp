#include "forms/request_repository.hpp"

#include <algorithm>
#include <vector>

#include "db/database.hpp"

namespace careops::forms {
namespace {

constexpr const char* kSelect =
    "SELECT r.id, r.workspace_id, r.form_id, r.booking_id, r.contact_id, r.status, r.due_at, "
    "r.sent_at, r.reminded_at, r.completed_at, r.answers, r.created_at, r.updated_at, f.name, "
    "c.name FROM form_requests r JOIN forms f ON f.id = r.form_id "
    "JOIN contacts c ON c.id = r.contact_id ";

FormRequest FromRow(const db::Row& row) {
  FormRequest r;
  r.id = row.Int(0);
  r.workspace_id = row.Int(1);
  r.form_id = row.Int(2);
  r.booking_id = row.Int(3);
  r.contact_id = row.Int(4);
  r.status = ParseRequestStatus(row.Text(5)).value_or(RequestStatus::kPending);
  r.due_at = row.Int(6);
  r.sent_at = row.OptInt(7);
  r.reminded_at = row.OptInt(8);
  r.completed_at = row.OptInt(9);
  r.answers = row.OptText(10);
  r.created_at = row.Int(11);
  r.updated_at = row.Int(12);
  r.form_name = row.Text(13);
  r.contact_name = row.Text(14);
  return r;
}

std::vector<FormRequest> FromRows(const db::Rows& rows) {
  std::vector<FormRequest> out;
  out.reserve(rows.size());
  for (const db::Row& row : rows) out.push_back(FromRow(row));
  return out;
}

}  // namespace

std::optional<std::int64_t> RequestRepository::Insert(const FormRequest& r, Millis now) const {
  if (conn_.QueryOne("SELECT 1 FROM form_requests WHERE booking_id = ? AND form_id = ?",
                     {r.booking_id, r.form_id})) {
    return std::nullopt;
  }
  return conn_.Insert(
      "INSERT INTO form_requests (workspace_id, form_id, booking_id, contact_id, status, due_at, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)",
      {r.workspace_id, r.form_id, r.booking_id, r.contact_id, r.due_at, now, now});
}

std::optional<FormRequest> RequestRepository::Find(std::int64_t workspace_id,
                                                   std::int64_t id) const {
  auto row = conn_.QueryOne(std::string(kSelect) + "WHERE r.id = ? AND r.workspace_id = ?",
                            {id, workspace_id});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::optional<FormRequest> RequestRepository::FindAnyWorkspace(std::int64_t id) const {
  auto row = conn_.QueryOne(std::string(kSelect) + "WHERE r.id = ?", {id});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::vector<FormRequest> RequestRepository::PendingForBooking(std::int64_t booking_id) const {
  return FromRows(conn_.Query(
      std::string(kSelect) + "WHERE r.booking_id = ? AND r.status = 'pending' ORDER BY r.id",
      {booking_id}));
}

std::vector<FormRequest> RequestRepository::List(std::int64_t workspace_id,
                                                 const RequestFilter& filter) const {
  std::string sql = std::string(kSelect) + "WHERE r.workspace_id = ?";
  std::vector<db::Value> params{workspace_id};
  if (filter.shown_status) {
    const std::string& s = *filter.shown_status;
    if (s == "pending") {
      sql += " AND r.status = 'pending' AND r.due_at > ?";
      params.emplace_back(filter.now);
    } else if (s == "overdue") {
      sql += " AND r.status = 'pending' AND r.due_at <= ?";
      params.emplace_back(filter.now);
    } else {
      sql += " AND r.status = ?";
      params.emplace_back(s);
    }
  }
  if (filter.booking_id) {
    sql += " AND r.booking_id = ?";
    params.emplace_back(*filter.booking_id);
  }
  if (filter.contact_id) {
    sql += " AND r.contact_id = ?";
    params.emplace_back(*filter.contact_id);
  }
  if (filter.before_id) {
    sql += " AND r.id < ?";
    params.emplace_back(*filter.before_id);
  }
  sql += " ORDER BY r.id DESC LIMIT ?";
  params.emplace_back(std::int64_t{std::clamp(filter.limit, 1, 500)});
  return FromRows(conn_.Query(sql, params));
}

void RequestRepository::SetDue(std::int64_t id, Millis due_at, Millis now) const {
  conn_.Execute("UPDATE form_requests SET due_at = ?, updated_at = ? WHERE id = ?",
                {due_at, now, id});
}

void RequestRepository::MarkSent(std::int64_t id, Millis now) const {
  conn_.Execute("UPDATE form_requests SET sent_at = ?, updated_at = ? WHERE id = ?",
                {now, now, id});
}

void RequestRepository::MarkReminded(std::int64_t id, Millis now) const {
  conn_.Execute("UPDATE form_requests SET reminded_at = ?, updated_at = ? WHERE id = ?",
                {now, now, id});
}

bool RequestRepository::Cancel(std::int64_t id, Millis now) const {
  return conn_.Execute(
             "UPDATE form_requests SET status = 'cancelled', updated_at = ? "
             "WHERE id = ? AND status = 'pending'",
             {now, id}) == 1;
}

bool RequestRepository::Complete(std::int64_t id, const std::string& answers, Millis now) const {
  return conn_.Execute(
             "UPDATE form_requests SET status = 'completed', answers = ?, completed_at = ?, "
             "updated_at = ? WHERE id = ? AND status = 'pending'",
             {answers, now, now, id}) == 1;
}

}  // namespace careops::forms
