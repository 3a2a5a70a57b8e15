#include "support/fake_twilio.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <ctime>

#include <nlohmann/json.hpp>

#include "core/crypto.hpp"
#include "core/random.hpp"
#include "http/url.hpp"
#include "support/loopback_server.hpp"

namespace careops::testing {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kStatusPath = "/api/webhooks/twilio/status";

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

const char* Reason(int status) {
  switch (status) {
    case 201:
      return "Created";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 404:
      return "Not Found";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    default:
      return "Status";
  }
}

std::string HttpResponse(int status, const std::string& json) {
  return "HTTP/1.1 " + std::to_string(status) + " " + Reason(status) +
         "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
         std::to_string(json.size()) + "\r\nConnection: close\r\n\r\n" + json;
}

std::string TwilioError(int code, int status, const std::string& message) {
  return Json{{"code", code},
              {"message", message},
              {"more_info", "https://www.twilio.com/docs/errors/" + std::to_string(code)},
              {"status", status}}
      .dump();
}

// "Thu, 01 Jan 2026 00:00:00 +0000", as Twilio writes dates.
std::string Rfc2822Now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char out[64];
  std::strftime(out, sizeof out, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return out;
}

bool IsE164(const std::string& s) {
  if (s.size() < 9 || s.size() > 16 || s[0] != '+' || s[1] == '0') return false;
  return std::all_of(s.begin() + 1, s.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::string DecodeBasic(const std::string& header) {
  if (Lower(header.substr(0, 6)) != "basic ") return {};
  const std::string b64 = Trim(header.substr(6));
  std::string out(b64.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), b64.data(),
                        b64.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return {};
  }
  out.resize(length);
  return out;
}

std::string FormEncode(const std::vector<std::pair<std::string, std::string>>& params) {
  std::string out;
  for (const auto& [name, value] : params) {
    if (!out.empty()) out += '&';
    out += http::PercentEncode(name) + "=" + http::PercentEncode(value);
  }
  return out;
}

}  // namespace

FakeTwilio::FakeTwilio(std::string account_sid, std::string auth_token)
    : account_sid_(std::move(account_sid)), auth_token_(std::move(auth_token)) {
  accounts_[account_sid_] = auth_token_;
  InitCrypto();
  server_ = std::make_unique<LoopbackServer>([this](Socket& socket) { Serve(socket); });
}

FakeTwilio::~FakeTwilio() { server_.reset(); }

std::uint16_t FakeTwilio::port() const { return server_->port(); }

std::string FakeTwilio::base_url() const { return "http://127.0.0.1:" + std::to_string(port()); }

std::vector<FakeTwilio::Sent> FakeTwilio::messages() const {
  std::lock_guard lock(mutex_);
  return messages_;
}

std::vector<FakeTwilio::Sent> FakeTwilio::WaitForMessages(std::size_t n,
                                                          std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return messages_.size() >= n; });
  return messages_;
}

void FakeTwilio::FailNext(int twilio_code, int http_status) {
  std::lock_guard lock(mutex_);
  injected_.push_back({Injection::Kind::kTwilioError, twilio_code, http_status});
}

void FakeTwilio::TimeoutNext() {
  std::lock_guard lock(mutex_);
  injected_.push_back({Injection::Kind::kTimeout, 0, 0});
}

void FakeTwilio::ServerErrorNext(int http_status) {
  std::lock_guard lock(mutex_);
  injected_.push_back({Injection::Kind::kServerError, 0, http_status});
}

int FakeTwilio::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

void FakeTwilio::Serve(Socket& socket) {
  std::string line;
  if (!socket.ReadLine(line)) return;
  const auto sp1 = line.find(' ');
  const auto sp2 = line.find(' ', sp1 == std::string::npos ? sp1 : sp1 + 1);
  if (sp1 == std::string::npos || sp2 == std::string::npos) return;
  const std::string method = line.substr(0, sp1);
  const std::string target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  std::string authorization;
  std::size_t content_length = 0;
  bool expect_continue = false;
  while (socket.ReadLine(line) && !line.empty()) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::string name = Lower(line.substr(0, colon));
    const std::string value = Trim(std::string_view(line).substr(colon + 1));
    if (name == "authorization") authorization = value;
    if (name == "content-length") content_length = std::stoul(value);
    if (name == "expect" && Lower(value) == "100-continue") expect_continue = true;
  }
  if (expect_continue && !socket.Write("HTTP/1.1 100 Continue\r\n\r\n")) return;
  std::string body;
  if (!socket.ReadExactly(content_length, body)) return;

  std::optional<Injection> injection;
  {
    std::lock_guard lock(mutex_);
    ++requests_;
    if (!injected_.empty()) {
      injection = injected_.front();
      injected_.pop_front();
    }
    changed_.notify_all();
  }
  if (injection && injection->kind == Injection::Kind::kTimeout) {
    socket.WaitForPeerClose();
    return;
  }
  HttpAnswer answer;
  if (!injection) {
    answer = Handle(method, target, authorization, body);
  } else if (injection->kind == Injection::Kind::kServerError) {
    answer = {injection->http_status,
              TwilioError(20500, injection->http_status, "An internal server error occurred.")};
  } else {
    answer = {injection->http_status,
              TwilioError(injection->code, injection->http_status, "Injected failure")};
  }
  socket.Write(HttpResponse(answer.status, answer.json));
}

void FakeTwilio::AddAccount(const std::string& account_sid, const std::string& auth_token) {
  std::lock_guard lock(mutex_);
  accounts_[account_sid] = auth_token;
}

std::string FakeTwilio::TokenOf(const std::string& account_sid) const {
  std::lock_guard lock(mutex_);
  const auto it = accounts_.find(account_sid);
  return it == accounts_.end() ? std::string() : it->second;
}

FakeTwilio::HttpAnswer FakeTwilio::Handle(const std::string& method, const std::string& target,
                                          const std::string& authorization,
                                          const std::string& body) {
  // The account is the one the credentials name; the path must be that account's.
  const std::string credentials = DecodeBasic(authorization);
  const std::string account_sid = credentials.substr(0, credentials.find(':'));
  const std::string token = TokenOf(account_sid);
  if (token.empty() || credentials != account_sid + ":" + token) {
    return {401, TwilioError(20003, 401, "Authenticate")};
  }
  const std::string path = "/2010-04-01/Accounts/" + account_sid + "/Messages.json";
  if (target != path) {
    return {404, TwilioError(20404, 404, "The requested resource " + target + " was not found")};
  }
  if (method != "POST") return {405, TwilioError(20004, 405, "Method not allowed")};
  auto form = http::ParseQuery(body);
  if (!form.ok()) return {400, TwilioError(21100, 400, "Malformed form body")};
  const auto field = [&](std::string_view name) {
    return http::FindParam(*form, name).value_or("");
  };
  Sent sent{"SM" + RandomHex(16), field("To"),
            field("From"),        field("MessagingServiceSid"),
            field("Body"),        field("StatusCallback"),
            account_sid};
  if (sent.to.empty()) return {400, TwilioError(21604, 400, "A 'To' phone number is required.")};
  if (!IsE164(sent.to)) {
    return {400, TwilioError(21211, 400,
                             "The 'To' number " + sent.to + " is not a valid phone number.")};
  }
  if (sent.from.empty() && sent.messaging_service_sid.empty()) {
    return {400, TwilioError(21603, 400, "A 'From' phone number is required.")};
  }
  if (!sent.from.empty() && !IsE164(sent.from)) {
    return {400, TwilioError(21212, 400,
                             "The 'From' number " + sent.from + " is not a valid phone number.")};
  }
  if (!sent.messaging_service_sid.empty() &&
      (sent.messaging_service_sid.size() != 34 || !sent.messaging_service_sid.starts_with("MG"))) {
    return {400, TwilioError(21701, 400, "The Messaging Service Sid is invalid.")};
  }
  if (sent.body.empty()) return {400, TwilioError(21602, 400, "Message body is required.")};
  if (sent.body.size() > 1600) {
    return {400, TwilioError(21617, 400,
                             "The concatenated message body exceeds the 1600 "
                             "character limit.")};
  }
  const std::string now = Rfc2822Now();
  const bool via_service = sent.from.empty();
  Json answer = {
      {"account_sid", account_sid},
      {"api_version", "2010-04-01"},
      {"body", sent.body},
      {"date_created", now},
      {"date_sent", nullptr},
      {"date_updated", now},
      {"direction", "outbound-api"},
      {"error_code", nullptr},
      {"error_message", nullptr},
      {"from", via_service ? Json(nullptr) : Json(sent.from)},
      {"messaging_service_sid", via_service ? Json(sent.messaging_service_sid) : Json(nullptr)},
      {"num_media", "0"},
      {"num_segments", std::to_string(1 + (sent.body.size() - 1) / 153)},
      {"price", nullptr},
      {"price_unit", "USD"},
      {"sid", sent.sid},
      {"status", via_service ? "accepted" : "queued"},
      {"subresource_uris",
       {{"media", path.substr(0, path.size() - 5) + "/" + sent.sid + "/Media.json"}}},
      {"to", sent.to},
      {"uri", path.substr(0, path.size() - 5) + "/" + sent.sid + ".json"},
  };
  {
    std::lock_guard lock(mutex_);
    messages_.push_back(std::move(sent));
    changed_.notify_all();
  }
  return {201, answer.dump()};
}

ClientResponse FakeTwilio::SendStatusCallback(
    std::uint16_t server_port, const std::string& public_base_url, const std::string& message_sid,
    const std::string& status, const std::string& error_code, bool bad_signature) const {
  Sent known;
  {
    std::lock_guard lock(mutex_);
    for (const auto& m : messages_) {
      if (m.sid == message_sid) known = m;
    }
  }
  std::vector<std::pair<std::string, std::string>> params = {
      {"SmsSid", message_sid},
      {"SmsStatus", status},
      {"MessageStatus", status},
      {"To", known.to},
      {"MessageSid", message_sid},
      {"AccountSid", known.account_sid.empty() ? account_sid_ : known.account_sid},
      {"From", known.from},
      {"ApiVersion", "2010-04-01"},
  };
  if (!known.messaging_service_sid.empty()) {
    params.emplace_back("MessagingServiceSid", known.messaging_service_sid);
  }
  if (!error_code.empty()) params.emplace_back("ErrorCode", error_code);
  return PostSignedForm(server_port, public_base_url, std::string(kStatusPath), params,
                        bad_signature);
}

ClientResponse FakeTwilio::PostSignedForm(
    std::uint16_t server_port, const std::string& public_base_url, const std::string& path,
    const std::vector<std::pair<std::string, std::string>>& params, bool bad_signature) const {
  // Twilio's algorithm: URL, then every name immediately followed by its value, sorted.
  auto sorted = params;
  std::sort(sorted.begin(), sorted.end());
  std::string data = public_base_url + path;
  for (const auto& [name, value] : sorted) data += name + value;
  std::string account = account_sid_;
  for (const auto& [name, value] : params) {
    if (name == "AccountSid") account = value;
  }
  std::string token = TokenOf(account);
  if (token.empty()) token = auth_token_;  // an unknown account: signed, but with our token
  std::string signature = HmacSha1Base64(token, data);
  if (bad_signature) signature[0] = signature[0] == 'A' ? 'B' : 'A';
  return Request(server_port, "POST", path, FormEncode(params),
                 {{"Content-Type", "application/x-www-form-urlencoded"},
                  {"X-Twilio-Signature", signature},
                  {"User-Agent", "TwilioProxy/1.1"}});
}

}  // namespace careops::testing
