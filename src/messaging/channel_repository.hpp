#pragma once
// SQL for workspace_channels (see channel_settings.hpp). Stateless: every function runs on
// the connection it is given and joins its open transaction.

#include <cstdint>
#include <optional>
#include <string>

#include "messaging/channel_settings.hpp"

namespace careops::db {
class Connection;
}

namespace careops::messaging {

class ChannelRepository {
 public:
  // The row of `workspace_id`'s `channel`, or nullopt (the workspace uses the server's).
  static std::optional<ChannelRow> Find(db::Connection& conn, std::int64_t workspace_id,
                                        Channel channel);
  // Inserts or replaces the row (row.updated_at is written as given) with no test message,
  // and `account_key` (empty: NULL).
  static void Save(db::Connection& conn, const ChannelRow& row, const std::string& account_key);
  // Records `message_id` as the channel's latest test (the row must exist).
  static void SetTestMessage(db::Connection& conn, std::int64_t workspace_id, Channel channel,
                             std::int64_t message_id);
  // The own SMS channel whose account SID has keyed hash `account_key`; with several
  // workspaces on one account, the most recently changed.
  static std::optional<ChannelRow> FindByAccountKey(db::Connection& conn,
                                                    const std::string& account_key);
};

}  // namespace careops::messaging
