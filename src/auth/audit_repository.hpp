#pragma once
// SQL for the security audit log. One per use over the caller's connection; writes join the
// caller's transaction, so an event exists iff the change it describes does.
// Not thread-safe (a connection is one thread's).

#include <cstdint>
#include <string_view>
#include <vector>

#include "auth/model.hpp"

namespace careops::db {
class Connection;
}

namespace careops::auth {

class AuditRepository {
 public:
  explicit AuditRepository(db::Connection& conn) : conn_(conn) {}

  // `detail` must never hold a secret (code, token, password, message body).
  void Record(std::int64_t user_id, std::string_view type, std::string_view ip,
              std::string_view detail, Millis now);
  // The same, as an event of workspace `workspace_id` too (shown in its owners' audit view).
  void RecordForWorkspace(std::int64_t workspace_id, std::int64_t user_id, std::string_view type,
                          std::string_view ip, std::string_view detail, Millis now);
  // The user's newest `limit` events, newest first.
  std::vector<AuditEvent> ListForUser(std::int64_t user_id, int limit);

 private:
  db::Connection& conn_;
};

}  // namespace careops::auth
