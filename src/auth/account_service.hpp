#pragma once
// Settings of a signed-in user that change how they sign in: password, phone number and
// two-factor sign-in. Each asks for the password again (a wrong one counts as a failed
// sign-in for the account, kAccountLoginPolicy), is audited, and tells the user by message
// (security_notice.hpp).
//
// Thread-safe: no state besides the database; each call uses the caller's connection and
// opens its own transactions (REQUIRES: none open on `conn`).

#include <cstdint>
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

class AccountService {
 public:
  using Deps = ServiceDeps;
  explicit AccountService(Deps deps);

  // Sets a new password and revokes every session of the user (sign in again).
  // 400 field current_password when it is wrong; 400 field new_password when too weak.
  Status ChangePassword(db::Connection& conn, std::int64_t user_id, std::string_view current,
                        std::string_view new_password, std::string_view ip) const;

  // Sends a change_phone code to the new number; the number changes once it is verified.
  // 400 field phone_number (invalid, not mobile) or password (wrong); 409 when it already is
  // the user's verified number; 429 when the new number had a change_phone code within the
  // cooldown, or the number or the email had kSendsPerHour codes (any purpose) in the hour.
  // Codes sent to the old number never hold it back.
  Result<Verification> StartPhoneChange(db::Connection& conn, std::int64_t user_id,
                                        std::string_view phone, std::string_view password,
                                        std::string_view ip) const;
  // Makes the number the code went to the user's verified number and tells the old one.
  // 400 "invalid or expired code"; 429 after kCodeCheckPolicy failures.
  Result<User> FinishPhoneChange(db::Connection& conn, std::int64_t user_id, std::string_view code,
                                 std::string_view ip) const;

  // Turns two-factor sign-in on (or keeps it on) and returns kRecoveryCodeCount new recovery
  // codes, replacing older ones; they exist in clear only in this answer. 422 (field
  // phone_number) without a verified phone.
  Result<std::vector<std::string>> EnableTwoFactor(db::Connection& conn, std::int64_t user_id,
                                                   std::string_view password,
                                                   std::string_view ip) const;
  // Turns it off and deletes the recovery codes.
  Status DisableTwoFactor(db::Connection& conn, std::int64_t user_id, std::string_view password,
                          std::string_view ip) const;

 private:
  // The active user, once `password` is proved theirs; a wrong one is 400 naming `field`.
  Result<User> Reauthenticate(db::Connection& conn, std::int64_t user_id, std::string_view password,
                              const char* field, std::string_view ip) const;

  Deps d_;
  Throttle per_account_;
  Throttle code_checks_;
};

}  // namespace careops::auth
