#include "auth/code_service.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "auth/audit_repository.hpp"
#include "auth/code_repository.hpp"
#include "auth/phone.hpp"
#include "auth/throttle.hpp"
#include "core/crypto.hpp"
#include "messaging/outbox.hpp"

namespace careops::auth {
namespace {

std::string MessageBody(CodePurpose purpose, const std::string& code) {
  const char* what = "verification code";
  switch (purpose) {
    case CodePurpose::kVerifyPhone:
      break;
    case CodePurpose::kLogin2fa:
      what = "sign-in code";
      break;
    case CodePurpose::kPasswordReset:
      what = "password reset code";
      break;
    case CodePurpose::kChangePhone:
      what = "code to confirm this number";
      break;
  }
  return fmt::format("Your CareOps {} is {}. It expires in 10 minutes. Never share it.", what,
                     code);
}

bool IsCodeShaped(std::string_view code) {
  return code.size() == kCodeDigits &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsLive(const VerificationCode& code, Millis now) {
  return !code.consumed_at && code.expires_at > now && code.attempts < kMaxCodeAttempts;
}

// Sends of one purpose under `key`, for its cooldown; the bare key counts every purpose.
std::string CooldownKey(const std::string& key, CodePurpose purpose) {
  return fmt::format("{}/{}", key, PurposeName(purpose));
}

}  // namespace

Error InvalidCode() { return Error::InvalidArgument("invalid or expired code", "code"); }

Millis CodeService::SendWait(db::Connection& conn, CodePurpose purpose,
                             const std::vector<std::string>& keys,
                             const std::vector<std::string>& hourly_only_keys) const {
  const Millis now = clock_.NowMillis();
  SendLogRepository log(conn);
  Millis wait = 0;
  auto hourly_cap = [&](const std::string& key) {
    const std::vector<Millis> sends = log.SendsSince(key, now - kHour + 1);
    if (sends.size() >= kSendsPerHour) {
      // The send that must leave the one-hour window before another is allowed.
      wait = std::max(wait, sends[sends.size() - kSendsPerHour] + kHour - now);
    }
  };
  for (const std::string& key : keys) {
    hourly_cap(key);
    const std::vector<Millis> recent =
        log.SendsSince(CooldownKey(key, purpose), now - kResendCooldown + 1);
    if (!recent.empty()) wait = std::max(wait, recent.back() + kResendCooldown - now);
  }
  for (const std::string& key : hourly_only_keys) hourly_cap(key);
  return wait;
}

Status CodeService::CheckSendLimits(db::Connection& conn, CodePurpose purpose,
                                    const std::vector<std::string>& keys,
                                    const std::vector<std::string>& hourly_only_keys) const {
  const Millis wait = SendWait(conn, purpose, keys, hourly_only_keys);
  if (wait <= 0) return Ok();
  return Throttled(wait, "a code was sent recently; wait before asking for another");
}

void CodeService::RecordSend(db::Connection& conn, CodePurpose purpose,
                             const std::vector<std::string>& keys,
                             const std::vector<std::string>& hourly_only_keys) const {
  const Millis now = clock_.NowMillis();
  SendLogRepository log(conn);
  auto record = [&](const std::string& key, Millis keep) {
    log.Prune(key, now - keep);
    log.Record(key, now);
  };
  for (const std::string& key : keys) {
    record(key, kHour);
    record(CooldownKey(key, purpose), kResendCooldown);
  }
  for (const std::string& key : hourly_only_keys) record(key, kHour);
}

Verification CodeService::Announce() const {
  const Millis now = clock_.NowMillis();
  return {{}, now + kCodeLifetime, now + kResendCooldown};
}

Result<Verification> CodeService::Issue(db::Connection& conn, const CodeRequest& request) const {
  if (Status allowed =
          CheckSendLimits(conn, request.purpose, request.limit_keys, request.hourly_only_keys);
      !allowed.ok()) {
    return std::move(allowed).error();
  }
  return Send(conn, request);
}

IssueOutcome CodeService::IssueUnlessLimited(db::Connection& conn,
                                             const CodeRequest& request) const {
  const Millis wait = SendWait(conn, request.purpose, request.limit_keys, request.hourly_only_keys);
  if (wait <= 0) return {Send(conn, request), true};
  const Millis now = clock_.NowMillis();
  IssueOutcome out;
  out.verification.to = MaskPhone(request.to);
  out.verification.expires_at = now;
  std::optional<VerificationCode> newest =
      CodeRepository(conn).FindNewest(request.user_id, request.purpose);
  if (newest && IsLive(*newest, now)) out.verification.expires_at = newest->expires_at;
  out.verification.resend_after = now + wait;
  AuditRepository(conn).Record(
      request.user_id, audit::kCodeNotSent, request.ip,
      fmt::format("{} to {}: send limits", PurposeName(request.purpose), out.verification.to), now);
  return out;
}

Verification CodeService::Send(db::Connection& conn, const CodeRequest& request) const {
  RecordSend(conn, request.purpose, request.limit_keys, request.hourly_only_keys);
  const Millis now = clock_.NowMillis();
  const std::string code = RandomDigits(kCodeDigits);
  VerificationCode row;
  row.user_id = request.user_id;
  row.purpose = request.purpose;
  row.target = request.to;
  row.code_hash = HashCode(request.user_id, request.purpose, code);
  row.created_at = now;
  row.expires_at = now + kCodeLifetime;
  CodeRepository(conn).Insert(row);

  messaging::NewMessage message;
  message.channel = messaging::Channel::kSms;
  message.to = request.to;
  message.body = MessageBody(request.purpose, code);
  message.priority = messaging::Priority::kUrgent;
  message.kind = "verification_code";
  message.user_id = request.user_id;
  message.sensitive = true;
  outbox_.Enqueue(conn, message);

  Verification verification = Announce();
  verification.to = MaskPhone(request.to);
  AuditRepository(conn).Record(
      request.user_id, audit::kCodeSent, request.ip,
      fmt::format("{} to {}", PurposeName(request.purpose), verification.to), now);
  return verification;
}

Result<VerificationCode> CodeService::Verify(db::Connection& conn, std::int64_t user_id,
                                             CodePurpose purpose, std::string_view code,
                                             std::string_view ip) const {
  const Millis now = clock_.NowMillis();
  CodeRepository codes(conn);
  AuditRepository audit_log(conn);
  std::optional<VerificationCode> row = codes.FindNewest(user_id, purpose);
  const bool live = row && IsLive(*row, now);
  const bool matches = live && IsCodeShaped(code) &&
                       ConstantTimeEquals(HashCode(user_id, purpose, code), row->code_hash);
  if (!matches || !codes.Consume(row->id, now)) {
    if (live) codes.RecordWrongAttempt(row->id, kMaxCodeAttempts);
    const char* why = !row ? "no code" : live ? "wrong code" : "dead or expired code";
    audit_log.Record(user_id, audit::kCodeFailed, ip,
                     fmt::format("{}: {}", PurposeName(purpose), why), now);
    return InvalidCode();
  }
  audit_log.Record(user_id, audit::kCodeVerified, ip, std::string(PurposeName(purpose)), now);
  return std::move(*row);
}

std::string CodeService::HashCode(std::int64_t user_id, CodePurpose purpose,
                                  std::string_view code) const {
  return key_.KeyedHash("sms-code", fmt::format("{}:{}:{}", user_id, PurposeName(purpose), code));
}

}  // namespace careops::auth
