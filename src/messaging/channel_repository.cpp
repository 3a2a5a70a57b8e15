#include "messaging/channel_repository.hpp"

#include "db/database.hpp"

namespace careops::messaging {
namespace {

constexpr const char* kColumns =
    "SELECT workspace_id, channel, mode, sender, messaging_service_sid, secrets, "
    "test_message_id, updated_at FROM workspace_channels ";

ChannelRow FromRow(const db::Row& r) {
  ChannelRow row;
  row.workspace_id = r.Int(0);
  row.channel = r.Text(1) == "email" ? Channel::kEmail : Channel::kSms;
  row.own = r.Text(2) == "own";
  row.sender = r.Text(3);
  row.messaging_service_sid = r.Text(4);
  row.secrets = r.Text(5);
  row.test_message_id = r.OptInt(6);
  row.updated_at = r.Int(7);
  return row;
}

}  // namespace

std::optional<ChannelRow> ChannelRepository::Find(db::Connection& conn, std::int64_t workspace_id,
                                                  Channel channel) {
  auto row = conn.QueryOne(std::string(kColumns) + "WHERE workspace_id = ? AND channel = ?",
                           {workspace_id, std::string(ChannelName(channel))});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

void ChannelRepository::Save(db::Connection& conn, const ChannelRow& row,
                             const std::string& account_key) {
  conn.Execute(
      "INSERT INTO workspace_channels (workspace_id, channel, mode, sender, "
      "messaging_service_sid, account_key, secrets, test_message_id, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?) "
      "ON CONFLICT (workspace_id, channel) DO UPDATE SET mode = excluded.mode, "
      "sender = excluded.sender, messaging_service_sid = excluded.messaging_service_sid, "
      "account_key = excluded.account_key, secrets = excluded.secrets, test_message_id = NULL, "
      "updated_at = excluded.updated_at",
      {row.workspace_id, std::string(ChannelName(row.channel)),
       std::string(row.own ? "own" : "server"), row.sender, row.messaging_service_sid,
       account_key.empty() ? db::Value() : db::Value(account_key), row.secrets, row.updated_at});
}

void ChannelRepository::SetTestMessage(db::Connection& conn, std::int64_t workspace_id,
                                       Channel channel, std::int64_t message_id) {
  conn.Execute(
      "UPDATE workspace_channels SET test_message_id = ? WHERE workspace_id = ? AND channel = ?",
      {message_id, workspace_id, std::string(ChannelName(channel))});
}

std::optional<ChannelRow> ChannelRepository::FindByAccountKey(db::Connection& conn,
                                                              const std::string& account_key) {
  auto row = conn.QueryOne(std::string(kColumns) +
                               "WHERE account_key = ? AND mode = 'own' AND channel = 'sms' "
                               "ORDER BY updated_at DESC LIMIT 1",
                           {account_key});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

}  // namespace careops::messaging
