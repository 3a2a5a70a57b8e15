#include "auth/credentials.hpp"

#include <sodium.h>

#include "core/crypto.hpp"

namespace careops::auth {
namespace {

constexpr std::size_t kMaxEmailBytes = 254;
constexpr std::size_t kMaxNameBytes = 200;
constexpr std::string_view kRecoveryAlphabet = "23456789abcdefghjkmnpqrstuvwxyz";

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool HasControl(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

}  // namespace

Result<std::string> NormalizeEmail(std::string_view input) {
  std::string email(Trim(input));
  for (char& c : email) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  const auto at = email.find('@');
  const bool ok = !email.empty() && email.size() <= kMaxEmailBytes && !HasControl(email) &&
                  email.find(' ') == std::string::npos && at != std::string::npos && at > 0 &&
                  email.find('@', at + 1) == std::string::npos &&
                  email.find('.', at + 2) != std::string::npos && email.back() != '.';
  if (!ok) return Error::InvalidArgument("email is not a valid email address", "email");
  return email;
}

Status ValidateNewPassword(std::string_view password, const char* field) {
  std::size_t chars = 0;
  for (unsigned char c : password) {
    if ((c & 0xC0) != 0x80) ++chars;  // count UTF-8 lead bytes, not continuation bytes
  }
  if (chars < kMinPasswordChars) {
    return Error::InvalidArgument(std::string(field) + " must be at least 8 characters", field);
  }
  if (password.size() > kMaxPasswordBytes) {
    return Error::InvalidArgument(std::string(field) + " must be at most 1024 bytes", field);
  }
  return Ok();
}

Result<std::string> NormalizeFullName(std::string_view input) {
  const std::string_view name = Trim(input);
  if (name.empty()) return Error::InvalidArgument("full_name is required", "full_name");
  if (name.size() > kMaxNameBytes || HasControl(name)) {
    return Error::InvalidArgument("full_name must be 1 to 200 characters of text", "full_name");
  }
  return std::string(name);
}

std::string EmailLimitKey(const SecretKey& key, std::string_view normalized_email) {
  return "email:" + key.KeyedHash("limit-email", normalized_email);
}

std::string PhoneLimitKey(const SecretKey& key, std::string_view e164) {
  return "phone:" + key.KeyedHash("limit-phone", e164);
}

std::string IpLimitKey(const SecretKey& key, std::string_view ip) {
  return "ip:" + key.KeyedHash("limit-ip", ip);
}

std::string NewRecoveryCode() {
  std::string code;
  for (int i = 0; i < 8; ++i) {
    if (i == 4) code += '-';
    code += kRecoveryAlphabet[randombytes_uniform(
        static_cast<std::uint32_t>(kRecoveryAlphabet.size()))];
  }
  return code;
}

std::string RecoveryCodeHash(const SecretKey& key, std::int64_t user_id, std::string_view code) {
  std::string canonical;
  for (char c : code) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != '-' && !IsSpace(c)) canonical += c;
  }
  return key.KeyedHash("recovery-code", std::to_string(user_id) + ":" + canonical);
}

}  // namespace careops::auth
