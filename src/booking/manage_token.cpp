#include "booking/manage_token.hpp"

#include <charconv>

#include "core/crypto.hpp"

namespace careops::booking {
namespace {

constexpr std::size_t kSignatureChars = 32;
constexpr std::size_t kMaxTokenChars = 100;

// A non-negative decimal without sign or leading zeros, as std::to_string writes it.
bool ParseDecimal(std::string_view text, std::int64_t& out) {
  if (text.empty() || text.size() > 19 || (text.size() > 1 && text[0] == '0')) return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && out >= 0;
}

}  // namespace

std::string ManageTokens::Sign(std::string_view payload) const {
  return key_.KeyedHash(kManageLinkPurpose, payload).substr(0, kSignatureChars);
}

std::string ManageTokens::Make(std::int64_t booking_id, Millis start_at) const {
  const std::string payload =
      std::to_string(booking_id) + "." + std::to_string(start_at + kManageLinkLifetime);
  return payload + "." + Sign(payload);
}

Result<std::int64_t> ManageTokens::Verify(std::string_view token, Millis now) const {
  const Error unknown = Error::NotFound("this link is not valid");
  if (token.size() > kMaxTokenChars) return unknown;
  const std::size_t last_dot = token.rfind('.');
  if (last_dot == std::string_view::npos) return unknown;
  const std::string_view payload = token.substr(0, last_dot);
  const std::string_view signature = token.substr(last_dot + 1);
  const std::size_t first_dot = payload.find('.');
  std::int64_t booking_id = 0, expires_at = 0;
  if (first_dot == std::string_view::npos ||
      !ParseDecimal(payload.substr(0, first_dot), booking_id) ||
      !ParseDecimal(payload.substr(first_dot + 1), expires_at) || booking_id == 0) {
    return unknown;
  }
  if (!ConstantTimeEquals(Sign(payload), signature)) return unknown;
  if (now >= expires_at) return Error::Gone("this link has expired");
  return booking_id;
}

std::string ManageLink(std::string_view public_base_url, std::string_view token) {
  std::string link(public_base_url);
  while (!link.empty() && link.back() == '/') link.pop_back();
  return link + "/b#token=" + std::string(token);
}

}  // namespace careops::booking
