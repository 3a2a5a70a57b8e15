#include "automation/automation_repository.hpp"

#include <algorithm>

#include "db/database.hpp"

namespace careops::automation {
namespace {

constexpr const char* kCount =
    "SELECT COUNT(*) FROM messages WHERE workspace_id = ? AND kind = ? AND created_at >= ?";
constexpr const char* kColumns =
    "SELECT id, channel, kind, to_address, status, created_at, conversation_id FROM messages "
    "WHERE workspace_id = ? AND kind = ? ";
// created_at <= ? bounds the index range; the OR keeps only rows strictly before the cursor.
constexpr const char* kAfterCursor =
    "AND created_at <= ? AND (created_at < ? OR id < ?) ORDER BY created_at DESC, id DESC LIMIT ?";
constexpr const char* kFirstPage = "ORDER BY created_at DESC, id DESC LIMIT ?";

LoggedMessage FromRow(const db::Row& r) {
  LoggedMessage m;
  m.id = r.Int(0);
  m.channel = r.Text(1);
  m.kind = r.Text(2);
  m.to = r.Text(3);
  m.status = r.Text(4);
  m.created_at = r.Int(5);
  m.conversation_id = r.OptInt(6);
  return m;
}

}  // namespace

std::int64_t AutomationRepository::CountSince(std::int64_t workspace_id,
                                              const std::vector<std::string_view>& kinds,
                                              Millis since) const {
  std::int64_t total = 0;
  for (std::string_view kind : kinds) {
    total += conn_.QueryOne(kCount, {workspace_id, std::string(kind), since})->Int(0);
  }
  return total;
}

std::vector<LoggedMessage> AutomationRepository::Log(std::int64_t workspace_id,
                                                     const std::vector<std::string_view>& kinds,
                                                     std::optional<LogCursor> before,
                                                     int limit) const {
  std::vector<LoggedMessage> all;
  for (std::string_view kind : kinds) {
    db::Rows rows;
    if (before) {
      rows = conn_.Query(std::string(kColumns) + kAfterCursor,
                         {workspace_id, std::string(kind), before->first, before->first,
                          before->second, std::int64_t{limit}});
    } else {
      rows = conn_.Query(std::string(kColumns) + kFirstPage,
                         {workspace_id, std::string(kind), std::int64_t{limit}});
    }
    for (const db::Row& r : rows) all.push_back(FromRow(r));
  }
  std::sort(all.begin(), all.end(), [](const LoggedMessage& a, const LoggedMessage& b) {
    return a.created_at != b.created_at ? a.created_at > b.created_at : a.id > b.id;
  });
  if (all.size() > static_cast<std::size_t>(limit)) all.resize(static_cast<std::size_t>(limit));
  return all;
}

std::vector<std::string> AutomationRepository::ExplainAll() const {
  const db::Value ws{std::int64_t{1}}, kind{std::string("welcome")}, t{std::int64_t{0}},
      n{std::int64_t{10}};
  const std::vector<std::pair<std::string, std::vector<db::Value>>> statements = {
      {kCount, {ws, kind, t}},
      {std::string(kColumns) + kFirstPage, {ws, kind, n}},
      {std::string(kColumns) + kAfterCursor, {ws, kind, t, t, t, n}},
  };
  std::vector<std::string> out;
  for (const auto& [sql, params] : statements) {
    std::string plan;
    for (const db::Row& row : conn_.Query("EXPLAIN QUERY PLAN " + sql, params)) {
      plan += row.Text(row.size() - 1);
      plan += '\n';
    }
    out.push_back(std::move(plan));
  }
  return out;
}

}  // namespace careops::automation
