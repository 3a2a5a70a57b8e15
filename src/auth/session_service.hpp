#pragma once
// Sessions: opaque random tokens (32 bytes from the CSPRNG) known only to the client and
// stored as keyed hashes, each with a CSRF token for cookie-authenticated browsers. A session
// lives 30 days from sign-in unless revoked; last_seen_at is written at most once a minute.
//
// Methods join the caller's open transaction on `conn`, if any. Thread-safe: no state
// besides the database.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "auth/model.hpp"
#include "core/error.hpp"

namespace careops {
class SecretKey;
}
namespace careops::db {
class Connection;
}

namespace careops::auth {

inline constexpr Millis kSessionLifetime = 30 * kDay;
inline constexpr Millis kLastSeenResolution = kMinute;

// A new session as the client receives it (the only time the tokens exist in clear).
struct SessionTokens {
  std::int64_t session_id = 0;
  std::string token;       // bearer token and careops_session cookie
  std::string csrf_token;  // careops_csrf cookie, echoed in X-CSRF-Token
  Millis expires_at = 0;
};

class SessionService {
 public:
  // Both must outlive the service.
  SessionService(const SecretKey& key, const Clock& clock) : key_(key), clock_(clock) {}

  SessionTokens Create(db::Connection& conn, std::int64_t user_id, const ClientInfo& client) const;
  // The live session for `token` of an active user, with last_seen_at refreshed (at most
  // once a minute). Unauthenticated for an unknown, revoked or expired token or an inactive
  // user.
  Result<Session> Resolve(db::Connection& conn, std::string_view token) const;
  // True when `csrf_token` is the one issued with `session` (constant time).
  bool CsrfMatches(const Session& session, std::string_view csrf_token) const;

  std::vector<Session> List(db::Connection& conn, std::int64_t user_id) const;
  // Revokes one of the user's live sessions; NotFound when it has none with that id.
  Status Revoke(db::Connection& conn, std::int64_t user_id, std::int64_t session_id,
                std::string_view ip, std::string_view reason) const;
  // Revokes every live session of the user but `keep_id` (0: every one, e.g. after a password
  // change). Returns how many were revoked; audits session_revoked when any were.
  std::int64_t RevokeAllExcept(db::Connection& conn, std::int64_t user_id, std::int64_t keep_id,
                               std::string_view ip, std::string_view reason) const;

 private:
  const SecretKey& key_;
  const Clock& clock_;
};

}  // namespace careops::auth
