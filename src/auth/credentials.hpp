#pragma once
// Rules for what users type (emails, passwords, names) and the keyed identifiers that limits
// are counted under. Pure functions; thread-safe.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace careops {
class SecretKey;
}

namespace careops::auth {

inline constexpr std::size_t kMinPasswordChars = 8;
inline constexpr std::size_t kMaxPasswordBytes = 1024;

// Trims surrounding whitespace and lower-cases ASCII: emails are unique case-insensitively.
// InvalidArgument (field "email") unless it looks like local@domain.tld without spaces or
// control characters, at most 254 bytes.
Result<std::string> NormalizeEmail(std::string_view input);
// At least kMinPasswordChars characters (UTF-8 code points), at most kMaxPasswordBytes bytes.
// `field` names the field in the error ("password", "new_password").
Status ValidateNewPassword(std::string_view password, const char* field = "password");
// Trimmed, 1..200 bytes, no control characters; InvalidArgument field "full_name".
Result<std::string> NormalizeFullName(std::string_view input);

// Identifiers that limits and throttles are kept under. Keyed hashes, so the tables hold no
// email, number or address, and unknown emails are counted exactly like known ones.
std::string EmailLimitKey(const SecretKey& key, std::string_view normalized_email);
std::string PhoneLimitKey(const SecretKey& key, std::string_view e164);
std::string IpLimitKey(const SecretKey& key, std::string_view ip);

// 2FA recovery codes: "xxxx-xxxx" from an alphabet without look-alikes (about 40 bits).
inline constexpr int kRecoveryCodeCount = 10;
std::string NewRecoveryCode();
// The keyed hash a recovery code is stored and looked up under; case, spaces and dashes in
// `code` do not matter.
std::string RecoveryCodeHash(const SecretKey& key, std::int64_t user_id, std::string_view code);

}  // namespace careops::auth
