#include "auth/login_service.hpp"

#include <algorithm>

#include "auth/audit_repository.hpp"
#include "auth/credentials.hpp"
#include "auth/password_hasher.hpp"
#include "auth/token_repository.hpp"
#include "auth/user_repository.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/random.hpp"
#include "db/database.hpp"
#include "http/metrics.hpp"
#include "messaging/outbox.hpp"

namespace careops::auth {
namespace {

constexpr const char* kMfaPurpose = "mfa";
constexpr const char* kLoginsHelp = "Sign-in attempts by outcome.";

}  // namespace

LoginService::LoginService(Deps deps)
    : d_(deps), per_account_(kAccountLoginPolicy, d_.clock), per_ip_(kIpLoginPolicy, d_.clock) {}

Error LoginService::Failed(std::string_view outcome) const {
  d_.metrics.IncCounter("careops_auth_logins_total", kLoginsHelp, {{"outcome", outcome}});
  return Error::Unauthenticated("invalid email or password");
}

Result<LoginOutcome> LoginService::Login(db::Connection& conn, const LoginRequest& request) const {
  // An email that cannot be an account is simply unknown: same answer, same counting.
  auto normalized = NormalizeEmail(request.email);
  const std::string email = normalized.ok() ? normalized.value() : request.email;
  const std::string account_key = EmailLimitKey(d_.key, email);
  const std::string ip_key = IpLimitKey(d_.key, request.client.ip);
  const Millis wait =
      std::max(per_account_.LockedFor(conn, account_key), per_ip_.LockedFor(conn, ip_key));
  if (wait > 0) {
    d_.metrics.IncCounter("careops_auth_logins_total", kLoginsHelp, {{"outcome", "throttled"}});
    return Throttled(wait, "too many failed sign-ins; wait, then try again");
  }

  std::optional<User> user;
  if (normalized.ok()) user = UserRepository(conn).FindByEmail(email);
  bool password_ok = false;
  if (user && user->is_active) {
    auto verified = d_.hasher.Verify(request.password, user->password_hash);
    if (!verified.ok()) return std::move(verified).error();
    password_ok = *verified;
  } else if (Status spent = d_.hasher.VerifyDummy(request.password); !spent.ok()) {
    return std::move(spent).error();
  }

  const Millis now = d_.clock.NowMillis();
  db::Transaction tx(conn);
  if (!password_ok) {
    per_account_.RecordFailure(conn, account_key);
    per_ip_.RecordFailure(conn, ip_key);
    if (user) {
      AuditRepository(conn).Record(user->id, audit::kLoginFailed, request.client.ip,
                                   user->is_active ? "wrong password" : "account disabled", now);
    }
    tx.Commit();
    return Failed("failed");
  }

  LoginOutcome out;
  bool sent = false;
  if (user->two_factor_enabled) {
    if (!user->phone_number || !user->is_phone_verified) {
      return Error::Unprocessable("two-factor sign-in is on but the account has no verified phone");
    }
    MfaChallenge challenge;
    challenge.mfa_token = RandomToken(32);
    TokenRepository(conn).Insert(user->id, TokenPurpose::kLoginMfa,
                                 d_.key.KeyedHash(kMfaPurpose, challenge.mfa_token), now,
                                 now + kMfaLifetime);
    // Limits that forbid a new SMS do not forbid the sign-in: the newest code (if still
    // live) or a recovery code finishes it.
    IssueOutcome issued = d_.codes.IssueUnlessLimited(
        conn, {user->id,
               CodePurpose::kLogin2fa,
               *user->phone_number,
               {account_key, PhoneLimitKey(d_.key, *user->phone_number)},
               request.client.ip});
    sent = issued.sent;
    challenge.verification = std::move(issued.verification);
    out.mfa = std::move(challenge);
    // The account's failure count is kept until the code is right too.
  } else {
    per_account_.Reset(conn, account_key);
    out.session = d_.sessions.Create(conn, user->id, request.client);
    AuditRepository(conn).Record(user->id, audit::kLoginOk, request.client.ip, "password", now);
  }
  tx.Commit();
  if (sent) d_.outbox.Wake();
  d_.metrics.IncCounter("careops_auth_logins_total", kLoginsHelp,
                        {{"outcome", out.mfa ? "mfa_required" : "ok"}});
  log::Event(out.mfa ? "sign-in needs a code" : "signed in", {{"user", std::to_string(user->id)}});
  return out;
}

Result<SessionTokens> LoginService::Finish(db::Connection& conn, std::string_view mfa_token,
                                           const SecondFactor& factor,
                                           const ClientInfo& client) const {
  const Millis now = d_.clock.NowMillis();
  const Error expired =
      Error::Unauthenticated("sign-in expired or already finished; sign in again");
  db::Transaction tx(conn);
  TokenRepository tokens(conn);
  auto challenge = tokens.Find(TokenPurpose::kLoginMfa, d_.key.KeyedHash(kMfaPurpose, mfa_token));
  if (!challenge || challenge->consumed_at || challenge->expires_at <= now) return expired;
  std::optional<User> user = UserRepository(conn).FindById(challenge->user_id);
  if (!user || !user->is_active || !user->two_factor_enabled) return expired;

  const std::string account_key = EmailLimitKey(d_.key, user->email);
  const std::string ip_key = IpLimitKey(d_.key, client.ip);
  const Millis wait =
      std::max(per_account_.LockedFor(conn, account_key), per_ip_.LockedFor(conn, ip_key));
  if (wait > 0) return Throttled(wait, "too many failed sign-ins; wait, then try again");

  Status proved = Ok();
  const char* how = "password and SMS code";
  if (factor.kind == SecondFactor::Kind::kSmsCode) {
    auto verified =
        d_.codes.Verify(conn, user->id, CodePurpose::kLogin2fa, factor.value, client.ip);
    if (!verified.ok()) proved = std::move(verified).error();
  } else {
    how = "password and recovery code";
    const std::string hash = RecoveryCodeHash(d_.key, user->id, factor.value);
    if (!RecoveryCodeRepository(conn).Use(user->id, hash, now)) {
      proved = Error::InvalidArgument("invalid recovery code", "recovery_code");
      AuditRepository(conn).Record(user->id, audit::kLoginFailed, client.ip, "wrong recovery code",
                                   now);
    }
  }
  if (!proved.ok()) {
    per_account_.RecordFailure(conn, account_key);
    per_ip_.RecordFailure(conn, ip_key);
    tx.Commit();
    d_.metrics.IncCounter("careops_auth_logins_total", kLoginsHelp, {{"outcome", "failed"}});
    return std::move(proved).error();
  }
  if (!tokens.Consume(challenge->id, now)) return expired;
  per_account_.Reset(conn, account_key);
  SessionTokens session = d_.sessions.Create(conn, user->id, client);
  AuditRepository(conn).Record(user->id, audit::kLoginOk, client.ip, how, now);
  tx.Commit();
  d_.metrics.IncCounter("careops_auth_logins_total", kLoginsHelp, {{"outcome", "ok"}});
  log::Event("signed in", {{"user", std::to_string(user->id)}});
  return session;
}

Status LoginService::Logout(db::Connection& conn, std::int64_t user_id, std::int64_t session_id,
                            std::string_view ip) const {
  db::Transaction tx(conn);
  Status done = d_.sessions.Revoke(conn, user_id, session_id, ip, "signed out");
  if (done.ok()) tx.Commit();
  return done;
}

}  // namespace careops::auth
