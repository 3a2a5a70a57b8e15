#include "auth/password_reset_service.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "auth/audit_repository.hpp"
#include "auth/auth_service.hpp"
#include "auth/credentials.hpp"
#include "auth/login_service.hpp"
#include "auth/password_hasher.hpp"
#include "auth/phone.hpp"
#include "auth/security_notice.hpp"
#include "auth/token_repository.hpp"
#include "auth/user_repository.hpp"
#include "core/crypto.hpp"
#include "core/random.hpp"
#include "db/database.hpp"
#include "messaging/outbox.hpp"

namespace careops::auth {
namespace {

constexpr const char* kTokenPurpose = "password-reset";

bool IsSmsCode(std::string_view code) {
  return code.size() == kCodeDigits &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

PasswordResetService::PasswordResetService(Deps deps)
    : d_(deps),
      code_checks_(kCodeCheckPolicy, d_.clock),
      per_account_(kAccountLoginPolicy, d_.clock) {}

Status PasswordResetService::Request(db::Connection& conn, std::string_view email_input,
                                     std::string_view ip) const {
  auto email = NormalizeEmail(email_input);
  if (!email.ok()) return std::move(email).error();
  const std::string email_key = EmailLimitKey(d_.key, *email);
  const Millis now = d_.clock.NowMillis();
  db::Transaction tx(conn);
  // Counted alike for every address, under its own key only, before the account is looked
  // up: what the key later says (here or at resend-sms, which shares its hourly cap) cannot
  // depend on whether the address is an account's or on its number's limits.
  const bool email_allows = d_.codes.SendWait(conn, CodePurpose::kPasswordReset, {email_key}) == 0;
  if (email_allows) d_.codes.RecordSend(conn, CodePurpose::kPasswordReset, {email_key});
  std::optional<User> user = UserRepository(conn).FindByEmail(*email);
  const bool by_sms = user && user->is_phone_verified && user->phone_number;
  bool sent = false;
  if (!user || !user->is_active) {
    // Nothing to send.
  } else if (!email_allows) {
    const std::string route = by_sms ? "to " + MaskPhone(*user->phone_number) : "link by email";
    AuditRepository(conn).Record(user->id, audit::kCodeNotSent, ip,
                                 fmt::format("password_reset {}: send limits", route), now);
  } else if (by_sms) {
    // The email was counted above; the number's own limits may still hold the code back.
    sent = d_.codes
               .IssueUnlessLimited(conn, {user->id,
                                          CodePurpose::kPasswordReset,
                                          *user->phone_number,
                                          {PhoneLimitKey(d_.key, *user->phone_number)},
                                          std::string(ip)})
               .sent;
  } else {
    const std::string token = RandomToken(32);
    TokenRepository tokens(conn);
    tokens.ConsumeAll(user->id, TokenPurpose::kPasswordReset, now);
    tokens.Insert(user->id, TokenPurpose::kPasswordReset, d_.key.KeyedHash(kTokenPurpose, token),
                  now, now + kResetLinkLifetime);
    messaging::NewMessage mail;
    mail.channel = messaging::Channel::kEmail;
    mail.to = user->email;
    mail.subject = "Reset your CareOps password";
    mail.body = fmt::format(
        "Someone asked to reset the password of your CareOps account.\n\n"
        "To choose a new password, open this link within 30 minutes:\n{}/reset-password#token={}"
        "\n\nIf it was not you, ignore this email: your password stays as it is.",
        d_.public_base_url, token);
    mail.priority = messaging::Priority::kUrgent;
    mail.kind = "password_reset";
    mail.user_id = user->id;
    mail.sensitive = true;
    d_.outbox.Enqueue(conn, mail);
    AuditRepository(conn).Record(user->id, audit::kCodeSent, ip, "password_reset link by email",
                                 now);
    sent = true;
  }
  tx.Commit();
  if (sent) d_.outbox.Wake();
  return Ok();
}

Status PasswordResetService::Confirm(db::Connection& conn, std::string_view email_input,
                                     std::string_view code, std::string_view new_password,
                                     std::string_view ip) const {
  auto email = NormalizeEmail(email_input);
  if (!email.ok()) return std::move(email).error();
  if (Status valid = ValidateNewPassword(new_password, "new_password"); !valid.ok()) return valid;
  const std::string email_key = EmailLimitKey(d_.key, *email);
  if (const Millis wait = code_checks_.LockedFor(conn, email_key); wait > 0) {
    return Throttled(wait, "too many wrong codes; wait, then ask for a new code");
  }
  // Hashed before the code is checked, whatever the email: the answer's timing says nothing.
  auto hash = d_.hasher.Hash(new_password);
  if (!hash.ok()) return std::move(hash).error();

  const Millis now = d_.clock.NowMillis();
  db::Transaction tx(conn);
  UserRepository users(conn);
  std::optional<User> user = users.FindByEmail(*email);
  Status proved = InvalidCode();
  if (user && user->is_active) {
    if (IsSmsCode(code)) {
      if (d_.codes.Verify(conn, user->id, CodePurpose::kPasswordReset, code, ip).ok()) {
        proved = Ok();
      }
    } else {
      TokenRepository tokens(conn);
      auto link = tokens.Find(TokenPurpose::kPasswordReset, d_.key.KeyedHash(kTokenPurpose, code));
      if (link && link->user_id == user->id && !link->consumed_at && link->expires_at > now &&
          tokens.Consume(link->id, now)) {
        proved = Ok();
      }
    }
  }
  if (!proved.ok()) {
    code_checks_.RecordFailure(conn, email_key);
    tx.Commit();
    return proved;
  }
  users.SetPasswordHash(user->id, *hash, now);
  d_.sessions.RevokeAllExcept(conn, user->id, 0, ip, "password reset");
  TokenRepository(conn).ConsumeAll(user->id, TokenPurpose::kPasswordReset, now);
  code_checks_.Reset(conn, email_key);
  per_account_.Reset(conn, email_key);
  AuditRepository(conn).Record(user->id, audit::kPasswordReset, ip, "", now);
  EnqueueSecurityNotice(d_.outbox, conn, *user, "your password was reset");
  tx.Commit();
  d_.outbox.Wake();
  return Ok();
}

}  // namespace careops::auth
