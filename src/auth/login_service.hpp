#pragma once
// Signing in and out: password check on the hashing pool, throttling per account and per IP,
// and the SMS second step for accounts with two-factor sign-in.
//
// Throttling (kept in the database, shared by every instance): failed sign-ins are counted
// per account (keyed email, known or not) and per client IP. At kAccountLoginPolicy /
// kIpLoginPolicy failures the key is locked (429 + Retry-After) for one minute, doubling with
// each further failure up to an hour; 15 quiet minutes after the lock forget the count. A
// locked attempt costs no password hash. A wrong 2FA code counts as a failed sign-in.
//
// Thread-safe: no state besides the database; each call uses the caller's connection and
// opens its own transaction (REQUIRES: none open on `conn`).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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
namespace careops::http {
class Metrics;
}
namespace careops::messaging {
class Outbox;
}

namespace careops::auth {

class PasswordHasher;

inline constexpr ThrottlePolicy kAccountLoginPolicy{"login-account", 5, 15 * kMinute, kMinute,
                                                    kHour};
inline constexpr ThrottlePolicy kIpLoginPolicy{"login-ip", 20, 15 * kMinute, kMinute, kHour};
inline constexpr Millis kMfaLifetime = 10 * kMinute;

struct LoginRequest {
  std::string email;
  std::string password;
  ClientInfo client;
};

// The password was right; the SMS code (or a recovery code) is due at
// POST /api/auth/login/verify.
struct MfaChallenge {
  std::string mfa_token;  // random, single use, kMfaLifetime
  Verification verification;
};

// What proves the second factor at POST /api/auth/login/verify.
struct SecondFactor {
  enum class Kind { kSmsCode, kRecoveryCode } kind = Kind::kSmsCode;
  std::string value;
};

// Exactly one of the two is set.
struct LoginOutcome {
  std::optional<SessionTokens> session;
  std::optional<MfaChallenge> mfa;
};

class LoginService {
 public:
  using Deps = ServiceDeps;
  explicit LoginService(Deps deps);

  // 401 "invalid email or password" for an unknown email, a wrong password or a disabled
  // account alike; 429 while throttled; 503 when the hashing pool is full. With 2FA on, the
  // right password always gets an MfaChallenge and a login_2fa code is sent unless the send
  // limits forbid it; then none is sent and the verification tells the newest live code's
  // expiry and when a new one may be asked for (CodeService::IssueUnlessLimited).
  Result<LoginOutcome> Login(db::Connection& conn, const LoginRequest& request) const;
  // Finishes a 2FA sign-in with the SMS code or a recovery code (single use). 401 for an
  // unknown, used or expired mfa_token; 400 "invalid or expired code" (field code) for a
  // wrong SMS code (5 kill it; sign in again for a new one) or "invalid recovery code"
  // (field recovery_code). Every wrong answer counts as a failed sign-in.
  Result<SessionTokens> Finish(db::Connection& conn, std::string_view mfa_token,
                               const SecondFactor& factor, const ClientInfo& client) const;
  // Revokes the caller's session.
  Status Logout(db::Connection& conn, std::int64_t user_id, std::int64_t session_id,
                std::string_view ip) const;

 private:
  Error Failed(std::string_view outcome) const;

  Deps d_;
  Throttle per_account_;
  Throttle per_ip_;
};

}  // namespace careops::auth
