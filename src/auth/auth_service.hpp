#pragma once
// Accounts: registration, phone verification by SMS code, and reading one's own account and
// security log. Sign-in lives in login_service.hpp, sessions in session_service.hpp.
//
// Enumeration: verify and resend answer an unknown email exactly like a known one (same
// status, body and limits), because every limit is keyed by the keyed email hash and a
// resend that sends nothing still counts as a send.
//
// Thread-safe: no state besides the database; each call uses the caller's connection and
// opens its own transaction (REQUIRES: none open on `conn`).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/code_service.hpp"
#include "auth/model.hpp"
#include "auth/service_deps.hpp"
#include "auth/session_service.hpp"
#include "auth/throttle.hpp"
#include "core/error.hpp"

namespace careops {
class SecretKey;
}
namespace careops::db {
class Connection;
}
namespace careops::messaging {
class Outbox;
}

namespace careops::auth {

class PasswordHasher;

struct RegisterRequest {
  std::string email;
  std::string password;
  std::string full_name;
  std::optional<std::string> phone_number;  // as typed
  ClientInfo client;
};

struct Registered {
  User user;
  std::optional<Verification> verification;  // when a phone was given
  SessionTokens session;                     // registering signs the user in
};

// Failed code checks per email before 429: a client that keeps trying dead codes is refused.
inline constexpr ThrottlePolicy kCodeCheckPolicy{"code-check", 10, 15 * kMinute, kMinute, kHour};

class AuthService {
 public:
  using Deps = ServiceDeps;
  explicit AuthService(Deps deps);

  // Validates (400 naming the field), hashes the password, creates the user and a session
  // and, with a phone, sends a verify_phone code in the same transaction. 409 for a taken
  // email; 429 when the number's send limits forbid a code (nothing is created then).
  Result<Registered> Register(db::Connection& conn, const RegisterRequest& request) const;
  // Verifies the phone of the account with that email by its code. 400 "invalid or expired
  // code" for every failure; 429 after kCodeCheckPolicy failures for that email.
  Status VerifyPhone(db::Connection& conn, std::string_view email, std::string_view code,
                     std::string_view ip) const;
  // Sends a fresh verify_phone code when the account exists and has an unverified phone;
  // answers the same either way. 429 within the cooldown of verify_phone codes or past the
  // hourly cap (codes of every purpose).
  Result<Verification> ResendPhoneCode(db::Connection& conn, std::string_view email,
                                       std::string_view ip) const;

  Result<User> Me(db::Connection& conn, std::int64_t user_id) const;
  // Revokes one of the user's live sessions; NotFound when it has none with that id.
  Status RevokeSession(db::Connection& conn, std::int64_t user_id, std::int64_t session_id,
                       std::string_view ip) const;
  // "Log out everywhere else": revokes every live session of the user but `keep_id`.
  void RevokeOtherSessions(db::Connection& conn, std::int64_t user_id, std::int64_t keep_id,
                           std::string_view ip) const;
  // The user's newest security events (at most kAuditPageSize), newest first.
  std::vector<AuditEvent> AuditLog(db::Connection& conn, std::int64_t user_id) const;
  static constexpr int kAuditPageSize = 100;

 private:
  Deps d_;
  Throttle code_checks_;
};

}  // namespace careops::auth
