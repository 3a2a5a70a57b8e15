#include "messaging/twilio_signature.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

#include "app/config.hpp"
#include "core/crypto.hpp"
#include "messaging/channel_repository.hpp"

namespace careops::messaging {
namespace {

// The same URL with the default port toggled, or nullopt when the URL has no recognisable
// scheme or a non-default port.
std::optional<std::string> WithPortToggled(std::string_view url) {
  std::string_view default_port;
  std::size_t authority_start = 0;
  if (url.starts_with("https://")) {
    default_port = "443";
    authority_start = 8;
  } else if (url.starts_with("http://")) {
    default_port = "80";
    authority_start = 7;
  } else {
    return std::nullopt;
  }
  const std::size_t authority_end = std::min(url.find_first_of("/?#", authority_start), url.size());
  std::string_view authority = url.substr(authority_start, authority_end - authority_start);
  // The port colon comes after any "user@" and after an IPv6 literal's closing bracket.
  const std::size_t host_start =
      authority.rfind('@') == std::string_view::npos ? 0 : authority.rfind('@') + 1;
  const std::size_t bracket = authority.rfind(']');
  const std::size_t colon = authority.rfind(':');
  const bool has_port = colon != std::string_view::npos && colon >= host_start &&
                        (bracket == std::string_view::npos || colon > bracket);
  std::string out(url.substr(0, authority_start));
  if (has_port) {
    if (authority.substr(colon + 1) != default_port) return std::nullopt;
    out += authority.substr(0, colon);
  } else {
    out += authority;
    out += ':';
    out += default_port;
  }
  out += url.substr(authority_end);
  return out;
}

}  // namespace

std::string ComputeSignature(std::string_view url, const http::QueryParams& params,
                             std::string_view auth_token) {
  std::vector<const std::pair<std::string, std::string>*> sorted;
  sorted.reserve(params.size());
  for (const auto& p : params) sorted.push_back(&p);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return *a < *b; });
  std::string data(url);
  for (const auto* p : sorted) {
    data += p->first;
    data += p->second;
  }
  return HmacSha1Base64(auth_token, data);
}

bool VerifySignature(std::string_view url, const http::QueryParams& params,
                     std::string_view auth_token, std::string_view signature) {
  if (auth_token.empty() || signature.empty()) return false;
  // Both candidates are always computed, so timing does not reveal which one matched.
  const bool plain = ConstantTimeEquals(ComputeSignature(url, params, auth_token), signature);
  const auto toggled = WithPortToggled(url);
  const bool other =
      toggled && ConstantTimeEquals(ComputeSignature(*toggled, params, auth_token), signature);
  return plain || other;
}

Status TwilioWebhookGuard::Check(const http::AccessRule&, http::RequestContext& ctx) {
  const auto refuse = [] { return Error::PermissionDenied("invalid webhook signature"); };
  const auto signature = ctx.request.headers.Get("X-Twilio-Signature");
  if (!signature) return refuse();
  http::QueryParams params;
  std::string content_type(ctx.request.headers.Get("Content-Type").value_or(""));
  std::transform(content_type.begin(), content_type.end(), content_type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (content_type.starts_with("application/x-www-form-urlencoded")) {
    auto parsed = http::ParseQuery(ctx.request.body);
    if (!parsed.ok()) return refuse();
    params = std::move(parsed).value();
  }
  // The token of a workspace's own account when the request names one, else the server's.
  std::string token = config_.twilio_auth_token;
  if (const auto account = http::FindParam(params, "AccountSid"); account && !account->empty()) {
    if (auto row = ChannelRepository::FindByAccountKey(ctx.db, TwilioAccountKey(key_, *account))) {
      if (auto credentials = OpenTwilio(key_, row->secrets);
          credentials && credentials->account_sid == *account) {
        token = std::move(credentials->auth_token);
      }
    }
  }
  const bool valid = !token.empty() && VerifySignature(config_.public_base_url + ctx.request.target,
                                                       params, token, *signature);
  sodium_memzero(token.data(), token.size());
  return valid ? Ok() : Status(refuse());
}

}  // namespace careops::messaging
