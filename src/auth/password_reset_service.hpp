#pragma once
// Forgotten passwords. A reset is asked for by email address and answered the same way for
// every address; the account gets a 6-digit password_reset code by SMS when its phone is
// verified, else an email with a single-use link PUBLIC_BASE_URL/reset-password#token=…
// (kResetLinkLifetime; the token rides in the fragment, so it never reaches a server log).
// Confirming sets the new password, revokes every session and tells the user.
//
// Thread-safe: no state besides the database; each call uses the caller's connection and
// opens its own transaction (REQUIRES: none open on `conn`).

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
namespace careops::messaging {
class Outbox;
}

namespace careops::auth {

class PasswordHasher;

inline constexpr Millis kResetLinkLifetime = 30 * kMinute;

class PasswordResetService {
 public:
  using Deps = ServiceDeps;
  explicit PasswordResetService(Deps deps);

  // Sends the code or link when the email is an active account's; Ok for every well-formed
  // email, always (400 field email only when it is not one). The send limits of codes apply
  // (per email, known or not, and per number): when they forbid a send, nothing is sent and a
  // known account's log gets code_not_sent. The email's limits count each request the same
  // whoever owns the address.
  Status Request(db::Connection& conn, std::string_view email, std::string_view ip) const;
  // `code` is the SMS code or the email link's token. 400 "invalid or expired code" (field
  // code) for every failure alike; 400 field new_password when too weak; 429 after
  // kCodeCheckPolicy failures for the email.
  Status Confirm(db::Connection& conn, std::string_view email, std::string_view code,
                 std::string_view new_password, std::string_view ip) const;

 private:
  Deps d_;
  Throttle code_checks_;
  Throttle per_account_;
};

}  // namespace careops::auth
