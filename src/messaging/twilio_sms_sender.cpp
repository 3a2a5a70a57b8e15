#include "messaging/twilio_sms_sender.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

#include "http/url.hpp"

namespace careops::messaging {
namespace {

using Outcome = SendResult::Outcome;

// Twilio 4xx codes that mean "later", not "never".
constexpr std::array<long, 4> kTransientCodes = {20429, 21611, 30001, 30008};

std::string FormField(std::string_view name, std::string_view value) {
  return std::string(name) + "=" + http::PercentEncode(value);
}

}  // namespace

std::string DescribeTwilioError(std::string_view code) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kTexts = {{
      {"20003", "authentication failed"},
      {"20429", "too many requests"},
      {"21211", "invalid 'To' number"},
      {"21408", "region not enabled for the account"},
      {"21610", "recipient unsubscribed (replied STOP)"},
      {"21611", "sender's queue is full"},
      {"21614", "'To' is not a mobile number"},
      {"30001", "queue overflow"},
      {"30003", "handset unreachable"},
      {"30004", "message blocked"},
      {"30005", "unknown handset"},
      {"30006", "landline or unreachable carrier"},
      {"30007", "filtered by the carrier"},
      {"30008", "unknown error"},
  }};
  for (const auto& [c, text] : kTexts) {
    if (c == code) return std::string(text);
  }
  return {};
}

SendResult ClassifyTwilioAnswer(long http_status, const std::string& body) {
  const auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  const bool is_object = json.is_object();
  const auto text = [&](const char* key) -> std::string {
    if (!is_object || !json.contains(key)) return {};
    const auto& v = json[key];
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<long>());
    return {};
  };
  SendResult result;
  if (http_status >= 200 && http_status < 300) {
    // Twilio took the message: never retry (a retry could send it twice), even when the
    // answer is odd.
    result.outcome = Outcome::kAccepted;
    result.provider_id = text("sid");
    result.status = text("status");
    return result;
  }
  const std::string code = text("code");
  result.error_code = code.empty() ? "http_" + std::to_string(http_status) : code;
  result.error_message = text("message");
  if (result.error_message.empty()) result.error_message = "HTTP " + std::to_string(http_status);
  const long numeric = code.empty() ? 0 : std::strtol(code.c_str(), nullptr, 10);
  const bool transient_code =
      std::find(kTransientCodes.begin(), kTransientCodes.end(), numeric) != kTransientCodes.end();
  result.outcome = http_status >= 500 || http_status == 429 || transient_code ? Outcome::kTransient
                                                                              : Outcome::kPermanent;
  return result;
}

TwilioSmsSender::TwilioSmsSender(TwilioOptions options) : options_(std::move(options)) {
  InitCurl();
  curl_.reset(curl_easy_init());
  if (!curl_) throw std::runtime_error("curl_easy_init failed");
}

SendResult TwilioSmsSender::Send(const SmsRequest& request) {
  std::string form = FormField("To", request.to);
  if (!request.messaging_service_sid.empty()) {
    form += "&" + FormField("MessagingServiceSid", request.messaging_service_sid);
  } else {
    form += "&" + FormField("From", request.from);
  }
  form += "&" + FormField("Body", request.body);
  if (!request.status_callback_url.empty()) {
    form += "&" + FormField("StatusCallback", request.status_callback_url);
  }
  const std::string url = options_.api_base_url + "/2010-04-01/Accounts/" +
                          http::PercentEncode(options_.account_sid) + "/Messages.json";
  std::string answer;
  CURL* c = curl_.get();
  curl_easy_reset(c);
  // "Expect:" off: no 100-continue round trip for a small form.
  CurlList headers(curl_slist_append(nullptr, "Expect:"));
  headers.reset(curl_slist_append(headers.release(), "Accept: application/json"));
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
  curl_easy_setopt(c, CURLOPT_USERNAME, options_.account_sid.c_str());
  curl_easy_setopt(c, CURLOPT_PASSWORD, options_.auth_token.c_str());
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, form.c_str());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(form.size()));
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_USERAGENT, "careops");
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout.count()));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &AppendToString);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer);
  const CURLcode rc = curl_easy_perform(c);
  // The form holds the body: wipe it now rather than leave it in freed memory.
  std::fill(form.begin(), form.end(), '\0');
  if (rc != CURLE_OK) {
    SendResult result;
    result.outcome = Outcome::kTransient;
    result.error_code = rc == CURLE_OPERATION_TIMEDOUT ? "timeout" : "network";
    result.error_message = CurlErrorText(rc);
    return result;
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  return ClassifyTwilioAnswer(status, answer);
}

}  // namespace careops::messaging
