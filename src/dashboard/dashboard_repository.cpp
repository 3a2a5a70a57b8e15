#include "dashboard/dashboard_repository.hpp"

#include "db/database.hpp"

namespace careops::dashboard {
namespace {

// bookings_workspace_status_start (workspace_id, status, start_at), covering: one range per
// status (naming every status keeps SQLite from walking the index by workspace_id alone).
constexpr const char* kByStatus =
    "SELECT status, COUNT(*) FROM bookings WHERE workspace_id = ? "
    "AND status IN ('pending', 'confirmed', 'completed', 'no_show', 'cancelled') "
    "AND start_at >= ? AND start_at < ? GROUP BY status";
constexpr const char* kUpcoming =
    "SELECT COUNT(*) FROM bookings WHERE workspace_id = ? AND status IN ('pending', 'confirmed') "
    "AND start_at >= ? AND start_at < ?";
constexpr const char* kWithStatus =
    "SELECT COUNT(*) FROM bookings WHERE workspace_id = ? AND status = ? AND start_at >= ? "
    "AND start_at < ?";
constexpr const char* kNotCancelled =
    "SELECT COUNT(*) FROM bookings WHERE workspace_id = ? "
    "AND status IN ('pending', 'confirmed', 'completed', 'no_show') AND start_at >= ? "
    "AND start_at < ?";
constexpr const char* kPendingCount =
    "SELECT COUNT(*) FROM bookings WHERE workspace_id = ? AND status = 'pending' "
    "AND start_at >= ?";
constexpr const char* kPendingIds =
    "SELECT id FROM bookings WHERE workspace_id = ? AND status = 'pending' AND start_at >= ? "
    "ORDER BY start_at, id LIMIT ?";
// messages_workspace_kind (workspace_id, kind, created_at, id).
constexpr const char* kContactForms =
    "SELECT COUNT(*) FROM messages WHERE workspace_id = ? AND kind = 'contact_form' "
    "AND created_at >= ? AND created_at < ? AND direction = 'inbound'";
// conversations_waiting (workspace_id, last_activity_at) WHERE waiting_for_reply = 1.
constexpr const char* kWaitingCount =
    "SELECT COUNT(*) FROM conversations WHERE workspace_id = ? AND waiting_for_reply = 1 "
    "AND status <> 'closed'";
constexpr const char* kWaitingOldest =
    "SELECT c.id, c.contact_id, k.name, c.status, c.last_activity_at, c.unread_count, c.preview "
    "FROM conversations c JOIN contacts k ON k.id = c.contact_id "
    "WHERE c.workspace_id = ? AND c.waiting_for_reply = 1 AND c.status <> 'closed' "
    "ORDER BY c.last_activity_at, c.id LIMIT ?";
// messages_workspace_created (workspace_id, created_at, status): a week's or a day's
// messages. The unary + keeps the planner off messages_due (status, …), which spans every
// workspace.
constexpr const char* kFailedCount =
    "SELECT COUNT(*) FROM messages WHERE workspace_id = ? AND created_at >= ? "
    "AND +status IN ('failed', 'undelivered')";
constexpr const char* kFailedNewest =
    "SELECT id, channel, kind, to_address, status, error_code, error_message, created_at, "
    "conversation_id FROM messages WHERE workspace_id = ? AND created_at >= ? "
    "AND +status IN ('failed', 'undelivered') ORDER BY created_at DESC, id DESC LIMIT ?";
constexpr const char* kDelivery =
    "SELECT COALESCE(SUM(status IN ('sent', 'delivered', 'undelivered')), 0), "
    "COALESCE(SUM(status = 'delivered'), 0), COALESCE(SUM(status = 'failed'), 0) "
    "FROM messages WHERE workspace_id = ? AND created_at >= ? AND created_at < ?";

}  // namespace

StatusCounts DashboardRepository::BookingsByStatus(std::int64_t workspace_id, Range r) const {
  StatusCounts c;
  for (const db::Row& row : conn_.Query(kByStatus, {workspace_id, r.from, r.to})) {
    const std::string& status = row.Text(0);
    const std::int64_t n = row.Int(1);
    if (status == "pending") c.pending = n;
    if (status == "confirmed") c.confirmed = n;
    if (status == "completed") c.completed = n;
    if (status == "no_show") c.no_show = n;
    if (status == "cancelled") c.cancelled = n;
  }
  return c;
}

std::int64_t DashboardRepository::UpcomingBookings(std::int64_t workspace_id, Range r) const {
  return conn_.QueryOne(kUpcoming, {workspace_id, r.from, r.to})->Int(0);
}

std::int64_t DashboardRepository::BookingsWithStatus(std::int64_t workspace_id, const char* status,
                                                     Range r) const {
  return conn_.QueryOne(kWithStatus, {workspace_id, std::string(status), r.from, r.to})->Int(0);
}

std::int64_t DashboardRepository::BookingsNotCancelled(std::int64_t workspace_id, Range r) const {
  return conn_.QueryOne(kNotCancelled, {workspace_id, r.from, r.to})->Int(0);
}

std::int64_t DashboardRepository::PendingFrom(std::int64_t workspace_id, Millis from) const {
  return conn_.QueryOne(kPendingCount, {workspace_id, from})->Int(0);
}

std::vector<std::int64_t> DashboardRepository::PendingIdsFrom(std::int64_t workspace_id,
                                                              Millis from, int limit) const {
  std::vector<std::int64_t> ids;
  for (const db::Row& row : conn_.Query(kPendingIds, {workspace_id, from, std::int64_t{limit}})) {
    ids.push_back(row.Int(0));
  }
  return ids;
}

std::int64_t DashboardRepository::ContactFormMessages(std::int64_t workspace_id, Range r) const {
  return conn_.QueryOne(kContactForms, {workspace_id, r.from, r.to})->Int(0);
}

std::int64_t DashboardRepository::WaitingCount(std::int64_t workspace_id) const {
  return conn_.QueryOne(kWaitingCount, {workspace_id})->Int(0);
}

std::vector<WaitingConversation> DashboardRepository::WaitingOldest(std::int64_t workspace_id,
                                                                    int limit) const {
  std::vector<WaitingConversation> out;
  for (const db::Row& r : conn_.Query(kWaitingOldest, {workspace_id, std::int64_t{limit}})) {
    WaitingConversation c;
    c.id = r.Int(0);
    c.contact_id = r.Int(1);
    c.contact_name = r.Text(2);
    c.status = r.Text(3);
    c.last_activity_at = r.Int(4);
    c.unread_count = r.Int(5);
    c.preview = r.Text(6);
    out.push_back(std::move(c));
  }
  return out;
}

std::int64_t DashboardRepository::FailedCount(std::int64_t workspace_id, Millis since) const {
  return conn_.QueryOne(kFailedCount, {workspace_id, since})->Int(0);
}

std::vector<FailedMessage> DashboardRepository::FailedNewest(std::int64_t workspace_id,
                                                             Millis since, int limit) const {
  std::vector<FailedMessage> out;
  for (const db::Row& r : conn_.Query(kFailedNewest, {workspace_id, since, std::int64_t{limit}})) {
    FailedMessage m;
    m.id = r.Int(0);
    m.channel = r.Text(1);
    m.kind = r.Text(2);
    m.to = r.Text(3);
    m.status = r.Text(4);
    m.error_code = r.OptText(5);
    m.error_message = r.OptText(6);
    m.created_at = r.Int(7);
    m.conversation_id = r.OptInt(8);
    out.push_back(std::move(m));
  }
  return out;
}

Delivery DashboardRepository::DeliveryIn(std::int64_t workspace_id, Range r) const {
  const auto row = conn_.QueryOne(kDelivery, {workspace_id, r.from, r.to});
  return {row->Int(0), row->Int(1), row->Int(2)};
}

std::vector<std::pair<std::string, std::string>> DashboardRepository::ExplainAll() {
  const db::Value ws{std::int64_t{1}}, t{std::int64_t{0}}, n{std::int64_t{10}};
  const db::Value status{std::string("pending")};
  const std::vector<std::pair<const char*, std::vector<db::Value>>> statements = {
      {kByStatus, {ws, t, t}},     {kUpcoming, {ws, t, t}},     {kWithStatus, {ws, status, t, t}},
      {kNotCancelled, {ws, t, t}}, {kPendingCount, {ws, t}},    {kPendingIds, {ws, t, n}},
      {kContactForms, {ws, t, t}}, {kWaitingCount, {ws}},       {kWaitingOldest, {ws, n}},
      {kFailedCount, {ws, t}},     {kFailedNewest, {ws, t, n}}, {kDelivery, {ws, t, t}},
  };
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [sql, params] : statements) {
    std::string plan;
    for (const db::Row& row : conn_.Query(std::string("EXPLAIN QUERY PLAN ") + sql, params)) {
      plan += row.Text(row.size() - 1);
      plan += '\n';
    }
    out.emplace_back(sql, std::move(plan));
  }
  return out;
}

}  // namespace careops::dashboard
