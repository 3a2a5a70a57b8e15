#include "auth/auth_service.hpp"

#include "auth/audit_repository.hpp"
#include "auth/credentials.hpp"
#include "auth/password_hasher.hpp"
#include "auth/phone.hpp"
#include "auth/user_repository.hpp"
#include "core/log.hpp"
#include "db/database.hpp"
#include "messaging/outbox.hpp"

namespace careops::auth {
namespace {

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

AuthService::AuthService(Deps deps)
    : d_(std::move(deps)), code_checks_(kCodeCheckPolicy, d_.clock) {}

Result<Registered> AuthService::Register(db::Connection& conn,
                                         const RegisterRequest& request) const {
  auto email = NormalizeEmail(request.email);
  if (!email.ok()) return std::move(email).error();
  if (Status valid = ValidateNewPassword(request.password); !valid.ok()) {
    return std::move(valid).error();
  }
  auto full_name = NormalizeFullName(request.full_name);
  if (!full_name.ok()) return std::move(full_name).error();
  std::optional<std::string> phone;
  if (request.phone_number && !IsBlank(*request.phone_number)) {
    auto normalized = NormalizePhone(*request.phone_number, d_.default_phone_region);
    if (!normalized.ok()) return std::move(normalized).error();
    phone = std::move(normalized).value();
  }
  std::vector<std::string> limit_keys{EmailLimitKey(d_.key, *email)};
  if (phone) limit_keys.push_back(PhoneLimitKey(d_.key, *phone));

  // Cheap refusals first, so a doomed request never costs a password hash.
  if (UserRepository(conn).FindByEmail(*email)) {
    return Error::Conflict("an account with this email already exists", "email");
  }
  if (phone) {
    if (Status allowed = d_.codes.CheckSendLimits(conn, CodePurpose::kVerifyPhone, limit_keys);
        !allowed.ok()) {
      return std::move(allowed).error();
    }
  }
  auto hash = d_.hasher.Hash(request.password);
  if (!hash.ok()) return std::move(hash).error();

  Registered out;
  db::Transaction tx(conn);
  UserRepository users(conn);
  auto id =
      users.Insert({*email, std::move(hash).value(), *full_name, phone}, d_.clock.NowMillis());
  if (!id.ok()) return std::move(id).error();
  if (phone) {
    auto sent = d_.codes.Issue(
        conn, {*id, CodePurpose::kVerifyPhone, *phone, limit_keys, request.client.ip});
    if (!sent.ok()) return std::move(sent).error();
    out.verification = std::move(sent).value();
  }
  out.session = d_.sessions.Create(conn, *id, request.client);
  out.user = *users.FindById(*id);
  tx.Commit();
  if (phone) d_.outbox.Wake();
  log::Event("account registered", {{"user", std::to_string(*id)}});
  return out;
}

Status AuthService::VerifyPhone(db::Connection& conn, std::string_view email_input,
                                std::string_view code, std::string_view ip) const {
  auto email = NormalizeEmail(email_input);
  if (!email.ok()) return std::move(email).error();
  const std::string check_key = EmailLimitKey(d_.key, *email);
  db::Transaction tx(conn);
  if (const Millis wait = code_checks_.LockedFor(conn, check_key); wait > 0) {
    return Throttled(wait, "too many wrong codes; wait, then ask for a new code");
  }
  UserRepository users(conn);
  std::optional<User> user = users.FindByEmail(*email);
  Status result = InvalidCode();
  if (user && user->phone_number && !user->is_phone_verified) {
    auto verified = d_.codes.Verify(conn, user->id, CodePurpose::kVerifyPhone, code, ip);
    if (verified.ok() && verified->target == *user->phone_number) {
      users.SetVerifiedPhone(user->id, verified->target, d_.clock.NowMillis());
      result = Ok();
    }
  }
  if (result.ok()) {
    code_checks_.Reset(conn, check_key);
  } else {
    code_checks_.RecordFailure(conn, check_key);
  }
  tx.Commit();
  if (result.ok()) log::Event("phone verified", {{"user", std::to_string(user->id)}});
  return result;
}

Result<Verification> AuthService::ResendPhoneCode(db::Connection& conn,
                                                  std::string_view email_input,
                                                  std::string_view ip) const {
  auto email = NormalizeEmail(email_input);
  if (!email.ok()) return std::move(email).error();
  std::vector<std::string> limit_keys{EmailLimitKey(d_.key, *email)};
  db::Transaction tx(conn);
  std::optional<User> user = UserRepository(conn).FindByEmail(*email);
  const bool needs_code = user && user->is_active && user->phone_number && !user->is_phone_verified;
  Verification answer;
  if (needs_code) {
    limit_keys.push_back(PhoneLimitKey(d_.key, *user->phone_number));
    auto sent = d_.codes.Issue(conn, {user->id, CodePurpose::kVerifyPhone, *user->phone_number,
                                      limit_keys, std::string(ip)});
    if (!sent.ok()) return std::move(sent).error();
    answer = std::move(sent).value();
    answer.to.clear();  // an unknown email's answer cannot name a number, so neither does this
  } else {
    // Nothing to send: count it like a send, so the limits and answers are the same.
    if (Status allowed = d_.codes.CheckSendLimits(conn, CodePurpose::kVerifyPhone, limit_keys);
        !allowed.ok()) {
      return std::move(allowed).error();
    }
    d_.codes.RecordSend(conn, CodePurpose::kVerifyPhone, limit_keys);
    answer = d_.codes.Announce();
  }
  tx.Commit();
  if (needs_code) d_.outbox.Wake();
  return answer;
}

Result<User> AuthService::Me(db::Connection& conn, std::int64_t user_id) const {
  std::optional<User> user = UserRepository(conn).FindById(user_id);
  if (!user) return Error::NotFound("no such user");
  return std::move(*user);
}

Status AuthService::RevokeSession(db::Connection& conn, std::int64_t user_id,
                                  std::int64_t session_id, std::string_view ip) const {
  db::Transaction tx(conn);
  Status done = d_.sessions.Revoke(conn, user_id, session_id, ip, "revoked by the user");
  if (done.ok()) tx.Commit();
  return done;
}

void AuthService::RevokeOtherSessions(db::Connection& conn, std::int64_t user_id,
                                      std::int64_t keep_id, std::string_view ip) const {
  db::Transaction tx(conn);
  d_.sessions.RevokeAllExcept(conn, user_id, keep_id, ip, "signed out everywhere else");
  tx.Commit();
}

std::vector<AuditEvent> AuthService::AuditLog(db::Connection& conn, std::int64_t user_id) const {
  return AuditRepository(conn).ListForUser(user_id, kAuditPageSize);
}

}  // namespace careops::auth
