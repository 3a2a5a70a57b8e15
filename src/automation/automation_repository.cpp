#include "automation/automation_repository.hpp"

#include <algorithm>

#include "db/database.hpp"

namespace careops::automation {
namespace {

constexpr const char* kColumns =
    "SELECT id, channel, kind, to_address, status, created_at, conversation_id FROM messages "
    "WHERE workspace_id = ? AND kind = ? ";

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
    total += conn_
                 .QueryOne(
                     "SELECT COUNT(*) FROM messages WHERE workspace_id = ? AND kind = ? "
                     "AND created_at >= ?",
                     {workspace_id, std::string(kind), since})
                 ->Int(0);
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
      // created_at <= ? bounds the index range; the OR keeps only rows strictly before.
      rows = conn_.Query(std::string(kColumns) +
                             "AND created_at <= ? AND (created_at < ? OR id < ?) "
                             "ORDER BY created_at DESC, id DESC LIMIT ?",
                         {workspace_id, std::string(kind), before->first, before->first,
                          before->second, std::int64_t{limit}});
    } else {
      rows = conn_.Query(std::string(kColumns) + "ORDER BY created_at DESC, id DESC LIMIT ?",
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

}  // namespace careops::automation
