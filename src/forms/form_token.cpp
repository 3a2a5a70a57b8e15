#include "forms/form_token.hpp"

#include <charconv>

#include "core/crypto.hpp"

namespace careops::forms {
namespace {

constexpr std::size_t kSignatureChars = 32;
constexpr std::size_t kMaxTokenChars = 100;

// A positive decimal without sign or leading zeros, as std::to_string writes it.
bool ParseId(std::string_view text, std::int64_t& out) {
  if (text.empty() || text.size() > 19 || text[0] == '0') return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && out > 0;
}

}  // namespace

std::string FormTokens::Sign(std::string_view payload) const {
  return key_.KeyedHash(kFormLinkPurpose, payload).substr(0, kSignatureChars);
}

std::string FormTokens::Make(std::int64_t request_id) const {
  const std::string payload = std::to_string(request_id);
  return payload + "." + Sign(payload);
}

Result<std::int64_t> FormTokens::Verify(std::string_view token) const {
  const Error unknown = Error::NotFound("this link is not valid");
  if (token.size() > kMaxTokenChars) return unknown;
  const std::size_t dot = token.find('.');
  if (dot == std::string_view::npos) return unknown;
  std::int64_t id = 0;
  if (!ParseId(token.substr(0, dot), id)) return unknown;
  if (!ConstantTimeEquals(Sign(token.substr(0, dot)), token.substr(dot + 1))) return unknown;
  return id;
}

std::string FormLink(std::string_view public_base_url, std::string_view token) {
  std::string link(public_base_url);
  while (!link.empty() && link.back() == '/') link.pop_back();
  return link + "/f#token=" + std::string(token);
}

}  // namespace careops::forms
