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

}  // namespace

Error InvalidCode() { return Error::InvalidArgument("invalid or expired code", "code"); }

Status CodeService::CheckSendLimits(db::Connection& conn,
                                    const std::vector<std::string>& keys) const {
  const Millis now = clock_.NowMillis();
  SendLogRepository log(conn);
  Millis wait = 0;
  for (const std::string& key : keys) {
    const std::vector<Millis> sends = log.SendsSince(key, now - kHour + 1);
    if (sends.empty()) continue;
    wait = std::max(wait, sends.back() + kResendCooldown - now);
    if (sends.size() >= kSendsPerHour) {
      // The send that must leave the one-hour window before another is allowed.
      wait = std::max(wait, sends[sends.size() - kSendsPerHour] + kHour - now);
    }
  }
  if (wait <= 0) return Ok();
  return Throttled(wait, "a code was sent recently; wait before asking for another");
}

void CodeService::RecordSend(db::Connection& conn, const std::vector<std::string>& keys) const {
  const Millis now = clock_.NowMillis();
  SendLogRepository log(conn);
  for (const std::string& key : keys) {
    log.Prune(key, now - kHour);
    log.Record(key, now);
  }
}

Verification CodeService::Announce() const {
  const Millis now = clock_.NowMillis();
  return {{}, now + kCodeLifetime, now + kResendCooldown};
}

Result<Verification> CodeService::Issue(db::Connection& conn, const CodeRequest& request) const {
  if (Status allowed = CheckSendLimits(conn, request.limit_keys); !allowed.ok()) {
    return std::move(allowed).error();
  }
  RecordSend(conn, request.limit_keys);
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
  const bool live =
      row && !row->consumed_at && row->expires_at > now && row->attempts < kMaxCodeAttempts;
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
