#pragma once
// Plain data of the accounts feature. Timestamps are UTC milliseconds since the epoch.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace careops::auth {

inline constexpr Millis kSecond = 1000;
inline constexpr Millis kMinute = 60 * kSecond;
inline constexpr Millis kHour = 60 * kMinute;
inline constexpr Millis kDay = 24 * kHour;

struct User {
  std::int64_t id = 0;
  std::string email;  // normalised
  std::string password_hash;
  std::string full_name;
  std::optional<std::string> phone_number;  // E.164
  bool is_phone_verified = false;
  bool is_active = true;
  bool two_factor_enabled = false;
  Millis created_at = 0;
  Millis updated_at = 0;
};

struct NewUser {
  std::string email;  // normalised
  std::string password_hash;
  std::string full_name;
  std::optional<std::string> phone_number;  // E.164
};

struct Session {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string csrf_hash;
  Millis created_at = 0;
  Millis last_seen_at = 0;
  Millis expires_at = 0;
  std::string ip;
  std::string user_agent;
  std::optional<Millis> revoked_at;
};

// What a code proves. Stored by name; the hash of a code is bound to its purpose, so a
// login code can never verify a phone change.
enum class CodePurpose { kVerifyPhone, kLogin2fa, kPasswordReset, kChangePhone };

std::string_view PurposeName(CodePurpose purpose);

struct VerificationCode {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  CodePurpose purpose = CodePurpose::kVerifyPhone;
  std::string target;  // E.164 the code went to
  std::string code_hash;
  Millis created_at = 0;
  Millis expires_at = 0;
  int attempts = 0;
  std::optional<Millis> consumed_at;
};

struct AuditEvent {
  std::int64_t id = 0;
  std::string type;
  std::string ip;
  std::string detail;
  Millis created_at = 0;
};

// Audit event types (docs/API.md, GET /api/auth/audit).
namespace audit {
inline constexpr const char* kLoginOk = "login_ok";
inline constexpr const char* kLoginFailed = "login_failed";
inline constexpr const char* kCodeSent = "code_sent";
inline constexpr const char* kCodeNotSent = "code_not_sent";  // the send limits held it back
inline constexpr const char* kCodeVerified = "code_verified";
inline constexpr const char* kCodeFailed = "code_failed";
inline constexpr const char* kPasswordChanged = "password_changed";
inline constexpr const char* kPasswordReset = "password_reset";
inline constexpr const char* kPhoneChanged = "phone_changed";
inline constexpr const char* kTwoFactorEnabled = "two_factor_enabled";
inline constexpr const char* kTwoFactorDisabled = "two_factor_disabled";
inline constexpr const char* kSessionRevoked = "session_revoked";
}  // namespace audit

// Who is asking, for audit lines and sessions.
struct ClientInfo {
  std::string ip;
  std::string user_agent;
};

}  // namespace careops::auth
