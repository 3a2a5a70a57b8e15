#include "auth/account_service.hpp"

#include <fmt/format.h>

#include "auth/audit_repository.hpp"
#include "auth/auth_service.hpp"
#include "auth/credentials.hpp"
#include "auth/login_service.hpp"
#include "auth/password_hasher.hpp"
#include "auth/phone.hpp"
#include "auth/security_notice.hpp"
#include "auth/token_repository.hpp"
#include "auth/user_repository.hpp"
#include "db/database.hpp"
#include "messaging/outbox.hpp"

namespace careops::auth {

AccountService::AccountService(Deps deps)
    : d_(std::move(deps)),
      per_account_(kAccountLoginPolicy, d_.clock),
      code_checks_(kCodeCheckPolicy, d_.clock) {}

Result<User> AccountService::Reauthenticate(db::Connection& conn, std::int64_t user_id,
                                            std::string_view password, const char* field,
                                            std::string_view ip) const {
  std::optional<User> user = UserRepository(conn).FindById(user_id);
  if (!user || !user->is_active) return Error::Unauthenticated();
  const std::string account_key = EmailLimitKey(d_.key, user->email);
  if (const Millis wait = per_account_.LockedFor(conn, account_key); wait > 0) {
    return Throttled(wait, "too many wrong passwords; wait, then try again");
  }
  auto verified = d_.hasher.Verify(password, user->password_hash);
  if (!verified.ok()) return std::move(verified).error();
  if (!*verified) {
    db::Transaction tx(conn);
    per_account_.RecordFailure(conn, account_key);
    AuditRepository(conn).Record(user_id, audit::kLoginFailed, ip,
                                 "wrong password to change settings", d_.clock.NowMillis());
    tx.Commit();
    return Error::InvalidArgument(std::string(field) + " is wrong", field);
  }
  return std::move(*user);
}

Status AccountService::ChangePassword(db::Connection& conn, std::int64_t user_id,
                                      std::string_view current, std::string_view new_password,
                                      std::string_view ip) const {
  if (Status valid = ValidateNewPassword(new_password, "new_password"); !valid.ok()) return valid;
  auto user = Reauthenticate(conn, user_id, current, "current_password", ip);
  if (!user.ok()) return std::move(user).error();
  auto hash = d_.hasher.Hash(new_password);
  if (!hash.ok()) return std::move(hash).error();
  const Millis now = d_.clock.NowMillis();
  db::Transaction tx(conn);
  UserRepository(conn).SetPasswordHash(user_id, *hash, now);
  d_.sessions.RevokeAllExcept(conn, user_id, 0, ip, "password changed");
  TokenRepository(conn).ConsumeAll(user_id, TokenPurpose::kPasswordReset, now);
  AuditRepository(conn).Record(user_id, audit::kPasswordChanged, ip, "", now);
  EnqueueSecurityNotice(d_.outbox, conn, *user, "your password was changed");
  tx.Commit();
  d_.outbox.Wake();
  return Ok();
}

Result<Verification> AccountService::StartPhoneChange(db::Connection& conn, std::int64_t user_id,
                                                      std::string_view phone_input,
                                                      std::string_view password,
                                                      std::string_view ip) const {
  auto phone = NormalizePhone(phone_input, d_.default_phone_region);
  if (!phone.ok()) return std::move(phone).error();
  auto user = Reauthenticate(conn, user_id, password, "password", ip);
  if (!user.ok()) return std::move(user).error();
  if (user->is_phone_verified && user->phone_number == *phone) {
    return Error::Conflict("this is already your verified number", "phone_number");
  }
  db::Transaction tx(conn);
  // The cooldown is the new number's alone: codes just sent to the old number, or to a number
  // tried a moment ago, hold nothing back; the email's hourly cap bounds the numbers tried.
  auto sent = d_.codes.Issue(conn, {user_id,
                                    CodePurpose::kChangePhone,
                                    *phone,
                                    {PhoneLimitKey(d_.key, *phone)},
                                    std::string(ip),
                                    {EmailLimitKey(d_.key, user->email)}});
  if (!sent.ok()) return std::move(sent).error();
  tx.Commit();
  d_.outbox.Wake();
  return sent;
}

Result<User> AccountService::FinishPhoneChange(db::Connection& conn, std::int64_t user_id,
                                               std::string_view code, std::string_view ip) const {
  UserRepository users(conn);
  std::optional<User> user = users.FindById(user_id);
  if (!user) return Error::Unauthenticated();
  const std::string check_key = EmailLimitKey(d_.key, user->email);
  db::Transaction tx(conn);
  if (const Millis wait = code_checks_.LockedFor(conn, check_key); wait > 0) {
    return Throttled(wait, "too many wrong codes; wait, then ask for a new code");
  }
  auto verified = d_.codes.Verify(conn, user_id, CodePurpose::kChangePhone, code, ip);
  if (!verified.ok()) {
    code_checks_.RecordFailure(conn, check_key);
    tx.Commit();
    return std::move(verified).error();
  }
  const Millis now = d_.clock.NowMillis();
  code_checks_.Reset(conn, check_key);
  users.SetVerifiedPhone(user_id, verified->target, now);
  const std::string masked = MaskPhone(verified->target);
  AuditRepository(conn).Record(user_id, audit::kPhoneChanged, ip, "to " + masked, now);
  // The old number (when it was verified) hears of it; else the email does.
  EnqueueSecurityNotice(d_.outbox, conn, *user,
                        fmt::format("your phone number was changed to {}", masked));
  std::optional<User> changed = users.FindById(user_id);
  tx.Commit();
  d_.outbox.Wake();
  return std::move(*changed);
}

Result<std::vector<std::string>> AccountService::EnableTwoFactor(db::Connection& conn,
                                                                 std::int64_t user_id,
                                                                 std::string_view password,
                                                                 std::string_view ip) const {
  auto user = Reauthenticate(conn, user_id, password, "password", ip);
  if (!user.ok()) return std::move(user).error();
  if (!user->is_phone_verified || !user->phone_number) {
    return Error::Unprocessable("two-factor sign-in needs a verified phone number", "phone_number");
  }
  std::vector<std::string> codes, hashes;
  for (int i = 0; i < kRecoveryCodeCount; ++i) {
    codes.push_back(NewRecoveryCode());
    hashes.push_back(RecoveryCodeHash(d_.key, user_id, codes.back()));
  }
  const Millis now = d_.clock.NowMillis();
  db::Transaction tx(conn);
  RecoveryCodeRepository(conn).ReplaceAll(user_id, hashes, now);
  UserRepository(conn).SetTwoFactorEnabled(user_id, true, now);
  AuditRepository(conn).Record(user_id, audit::kTwoFactorEnabled, ip,
                               user->two_factor_enabled ? "new recovery codes" : "", now);
  EnqueueSecurityNotice(d_.outbox, conn, *user,
                        user->two_factor_enabled ? "new recovery codes were made for your account"
                                                 : "two-factor sign-in was turned on");
  tx.Commit();
  d_.outbox.Wake();
  return codes;
}

Status AccountService::DisableTwoFactor(db::Connection& conn, std::int64_t user_id,
                                        std::string_view password, std::string_view ip) const {
  auto user = Reauthenticate(conn, user_id, password, "password", ip);
  if (!user.ok()) return std::move(user).error();
  if (!user->two_factor_enabled) return Ok();
  const Millis now = d_.clock.NowMillis();
  db::Transaction tx(conn);
  RecoveryCodeRepository(conn).DeleteAll(user_id);
  UserRepository(conn).SetTwoFactorEnabled(user_id, false, now);
  AuditRepository(conn).Record(user_id, audit::kTwoFactorDisabled, ip, "", now);
  EnqueueSecurityNotice(d_.outbox, conn, *user, "two-factor sign-in was turned off");
  tx.Commit();
  d_.outbox.Wake();
  return Ok();
}

}  // namespace careops::auth
