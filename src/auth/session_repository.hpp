#pragma once
// SQL for sessions. One per use over the caller's connection.
// Not thread-safe (a connection is one thread's).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/model.hpp"

namespace careops::db {
class Connection;
}

namespace careops::auth {

class SessionRepository {
 public:
  explicit SessionRepository(db::Connection& conn) : conn_(conn) {}

  struct NewSession {
    std::int64_t user_id = 0;
    std::string token_hash;
    std::string csrf_hash;
    ClientInfo client;
    Millis expires_at = 0;
  };
  std::int64_t Insert(const NewSession& session, Millis now);
  // Any session with that token hash, revoked or expired included.
  std::optional<Session> FindByTokenHash(const std::string& token_hash);
  // Sets last_seen_at = now unless it is already newer than `unless_after`.
  void Touch(std::int64_t id, Millis now, Millis unless_after);
  // Unrevoked, unexpired sessions of the user, most recently seen first.
  std::vector<Session> ListActive(std::int64_t user_id, Millis now);
  // Revokes one live session of the user; false when there is none with that id.
  bool Revoke(std::int64_t user_id, std::int64_t session_id, Millis now);
  // Revokes every live session of the user except `keep_id` (0: all); returns how many.
  std::int64_t RevokeAllExcept(std::int64_t user_id, std::int64_t keep_id, Millis now);

 private:
  db::Connection& conn_;
};

}  // namespace careops::auth
