#include "auth/session_service.hpp"

#include <fmt/format.h>

#include "auth/audit_repository.hpp"
#include "auth/session_repository.hpp"
#include "auth/user_repository.hpp"
#include "core/crypto.hpp"
#include "core/random.hpp"

namespace careops::auth {
namespace {

constexpr const char* kTokenPurpose = "session";
constexpr const char* kCsrfPurpose = "csrf";
constexpr std::size_t kTokenBytes = 32;

}  // namespace

SessionTokens SessionService::Create(db::Connection& conn, std::int64_t user_id,
                                     const ClientInfo& client) const {
  const Millis now = clock_.NowMillis();
  SessionTokens tokens;
  tokens.token = RandomToken(kTokenBytes);
  tokens.csrf_token = RandomToken(kTokenBytes);
  tokens.expires_at = now + kSessionLifetime;
  tokens.session_id = SessionRepository(conn).Insert(
      {user_id, key_.KeyedHash(kTokenPurpose, tokens.token),
       key_.KeyedHash(kCsrfPurpose, tokens.csrf_token), client, tokens.expires_at},
      now);
  return tokens;
}

Result<Session> SessionService::Resolve(db::Connection& conn, std::string_view token) const {
  if (token.empty()) return Error::Unauthenticated();
  const Millis now = clock_.NowMillis();
  SessionRepository sessions(conn);
  std::optional<Session> session = sessions.FindByTokenHash(key_.KeyedHash(kTokenPurpose, token));
  if (!session || session->revoked_at || session->expires_at <= now) {
    return Error::Unauthenticated("session expired or signed out; sign in again");
  }
  std::optional<User> user = UserRepository(conn).FindById(session->user_id);
  if (!user || !user->is_active) return Error::Unauthenticated("account disabled");
  if (now - session->last_seen_at >= kLastSeenResolution) {
    sessions.Touch(session->id, now, now - kLastSeenResolution);
    session->last_seen_at = now;
  }
  return std::move(*session);
}

bool SessionService::CsrfMatches(const Session& session, std::string_view csrf_token) const {
  return !csrf_token.empty() &&
         ConstantTimeEquals(key_.KeyedHash(kCsrfPurpose, csrf_token), session.csrf_hash);
}

std::vector<Session> SessionService::List(db::Connection& conn, std::int64_t user_id) const {
  return SessionRepository(conn).ListActive(user_id, clock_.NowMillis());
}

Status SessionService::Revoke(db::Connection& conn, std::int64_t user_id, std::int64_t session_id,
                              std::string_view ip, std::string_view reason) const {
  const Millis now = clock_.NowMillis();
  if (!SessionRepository(conn).Revoke(user_id, session_id, now)) {
    return Error::NotFound("no such session");
  }
  AuditRepository(conn).Record(user_id, audit::kSessionRevoked, ip,
                               fmt::format("{} (session {})", reason, session_id), now);
  return Ok();
}

std::int64_t SessionService::RevokeAllExcept(db::Connection& conn, std::int64_t user_id,
                                             std::int64_t keep_id, std::string_view ip,
                                             std::string_view reason) const {
  const Millis now = clock_.NowMillis();
  const std::int64_t revoked = SessionRepository(conn).RevokeAllExcept(user_id, keep_id, now);
  if (revoked > 0) {
    AuditRepository(conn).Record(user_id, audit::kSessionRevoked, ip,
                                 fmt::format("{} ({} sessions)", reason, revoked), now);
  }
  return revoked;
}

}  // namespace careops::auth
