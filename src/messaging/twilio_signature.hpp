#pragma once
// Twilio webhook signatures (X-Twilio-Signature) and the guard of Access::kWebhook routes.
//
// Twilio signs base64(HMAC-SHA1(auth token, URL + each form parameter's name immediately
// followed by its value, parameters sorted by name then value)). The URL is the public one
// Twilio requested, query string included; behind a proxy it comes from PUBLIC_BASE_URL.

#include <string>
#include <string_view>

#include "http/router.hpp"
#include "http/url.hpp"

namespace careops {
class SecretKey;
}
namespace careops::app {
struct Config;
}

namespace careops::messaging {

// The signature Twilio would send for a request to `url` carrying `params`. Thread-safe.
std::string ComputeSignature(std::string_view url, const http::QueryParams& params,
                             std::string_view auth_token);

// True when `signature` matches the URL as given, or with the scheme's default port
// (":443" for https, ":80" for http) added when absent or removed when present, as Twilio's
// own validators accept. Constant-time comparison. An empty token or signature never matches.
bool VerifySignature(std::string_view url, const http::QueryParams& params,
                     std::string_view auth_token, std::string_view signature);

// Guards Access::kWebhook routes: the request must carry a valid X-Twilio-Signature for
// URL = config.public_base_url + request target and params = its form body, signed with the
// auth token of the account in its AccountSid parameter: a workspace's own Twilio account
// (found by the keyed hash of the SID), else the server's (TWILIO_AUTH_TOKEN). Refuses (403) a
// missing or bad signature, an unparsable form, and a request for no known account. Reads `config`
// at each request; `config` and `key` must outlive the guard.
class TwilioWebhookGuard final : public http::AccessGuard {
 public:
  TwilioWebhookGuard(const app::Config& config, const SecretKey& key)
      : config_(config), key_(key) {}
  Status Check(const http::AccessRule& rule, http::RequestContext& ctx) override;

 private:
  const app::Config& config_;
  const SecretKey& key_;
};

}  // namespace careops::messaging
