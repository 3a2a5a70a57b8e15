#pragma once
// SMS through Twilio's Messages REST API over libcurl:
//   POST {api_base_url}/2010-04-01/Accounts/{account_sid}/Messages.json
// HTTP Basic auth (account SID : auth token), form fields To, From or MessagingServiceSid,
// Body, StatusCallback. Outcomes follow TWILIO.md: timeouts, network errors, 5xx, 429 and
// Twilio codes 20429/21611/30001/30008 are transient; every other 4xx is permanent.
// Never logs or returns the message body.

#include <chrono>
#include <string>

#include "messaging/curl_support.hpp"
#include "messaging/sender.hpp"

namespace careops::messaging {

struct TwilioOptions {
  std::string api_base_url = "https://api.twilio.com";  // no trailing slash
  std::string account_sid;
  std::string auth_token;
  std::chrono::milliseconds connect_timeout{5'000};
  std::chrono::milliseconds total_timeout{15'000};
};

// A short English description of a Twilio error code ("" when empty or unknown), for the
// message log of delivery failures reported by status callbacks.
std::string DescribeTwilioError(std::string_view code);

// The outcome of a Twilio answer (exposed for tests): `http_status` and its JSON body.
SendResult ClassifyTwilioAnswer(long http_status, const std::string& body);

class TwilioSmsSender final : public SmsSender {
 public:
  explicit TwilioSmsSender(TwilioOptions options);
  // Not thread-safe: one call at a time (the dispatcher thread). Reuses one connection.
  SendResult Send(const SmsRequest& request) override;
  std::string_view name() const override { return "twilio"; }

 private:
  TwilioOptions options_;
  CurlHandle curl_;
};

}  // namespace careops::messaging
