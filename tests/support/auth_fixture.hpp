#pragma once
// The accounts HTTP tests' fixture: the real server (TestServer) sending SMS through the
// fake Twilio, plus helpers to register, read codes at the fake, sign in and use cookies.

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "db/database.hpp"
#include "support/fake_twilio.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace careops::testing {

using HeaderMap = std::map<std::string, std::string>;

inline constexpr const char* kTestPassword = "correct horse battery";
inline constexpr const char* kTestPhone = "+14155552671";

class AuthHttpTest : public ::testing::Test {
 protected:
  void SetUp() override { StartServer(); }

  void StartServer() {
    TestServerOptions options;
    options.configure = [this](app::Config& c) {
      c.sms_provider = "twilio";
      c.twilio_account_sid = twilio_.account_sid();
      c.twilio_auth_token = twilio_.auth_token();
      c.twilio_phone_number = "+15005550006";
      c.twilio_api_base_url = twilio_.base_url();
      c.sms_send_rate = 1000;
      if (configure_more_) configure_more_(c);
    };
    server_ = std::make_unique<TestServer>(std::move(options));
  }

  std::uint16_t port() const { return server_->port(); }
  FakeClock& clock() { return server_->clock(); }

  ClientResponse Call(const std::string& method, const std::string& target,
                      const std::string& body = {}, HeaderMap headers = {}) {
    if (!body.empty()) headers.emplace("Content-Type", "application/json");
    return Request(port(), method, target, body, headers);
  }
  ClientResponse Post(const std::string& target, const nlohmann::json& body,
                      HeaderMap headers = {}) {
    return Call("POST", target, body.dump(), std::move(headers));
  }

  ClientResponse Register(const std::string& email,
                          std::optional<std::string> phone = std::string(kTestPhone)) {
    nlohmann::json body = {{"email", email}, {"password", kTestPassword}, {"full_name", "Ann Lee"}};
    if (phone) body["phone_number"] = *phone;
    return Post("/api/auth/register", body);
  }

  // Waits for the n-th SMS (1-based) at the fake Twilio and returns its 6-digit code.
  std::string CodeOfMessage(std::size_t n) {
    auto sent = twilio_.WaitForMessages(n, std::chrono::seconds(30));
    if (sent.size() < n) {
      ADD_FAILURE() << "SMS " << n << " never reached the fake Twilio";
      return "??????";
    }
    return SixDigits(sent[n - 1].body);
  }
  static std::string SixDigits(const std::string& text) {
    for (std::size_t i = 0; i + 6 <= text.size(); ++i) {
      if (text.find_first_not_of("0123456789", i) >= i + 6 &&
          (i == 0 || !std::isdigit(static_cast<unsigned char>(text[i - 1])))) {
        return text.substr(i, 6);
      }
    }
    return {};
  }
  // A code that is surely not `code`.
  static std::string WrongCode(const std::string& code) {
    return code == "000000" ? "111111" : "000000";
  }

  ClientResponse VerifySms(const std::string& email, const std::string& code) {
    return Post("/api/auth/verify-sms?email=" + email, {{"code", code}});
  }
  ClientResponse ResendSms(const std::string& email) {
    return Call("POST", "/api/auth/resend-sms?email=" + email);
  }
  ClientResponse Login(const std::string& email, const std::string& password = kTestPassword) {
    return Post("/api/auth/login", {{"email", email}, {"password", password}});
  }
  // Signs in and returns the bearer token (a failure fails the test).
  std::string Token(const std::string& email) {
    auto r = Login(email);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.Json()["access_token"].get<std::string>() : std::string();
  }
  static HeaderMap Bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
  }

  // name -> value of every Set-Cookie of a response (the client joins repeats with ", ").
  static std::map<std::string, std::string> SetCookies(const ClientResponse& r) {
    std::map<std::string, std::string> out;
    std::string all = r.Header("set-cookie");
    std::size_t start = 0;
    while (start < all.size()) {
      std::size_t end = all.find(", ", start);
      if (end == std::string::npos) end = all.size();
      const std::string cookie = all.substr(start, end - start);
      const std::size_t eq = cookie.find('='), semi = cookie.find(';');
      if (eq != std::string::npos) out[cookie.substr(0, eq)] = cookie.substr(eq + 1, semi - eq - 1);
      start = end + 2;
    }
    return out;
  }
  static std::string SetCookieLine(const ClientResponse& r, const std::string& name) {
    std::string all = r.Header("set-cookie");
    const std::size_t at = all.find(name + "=");
    if (at == std::string::npos) return {};
    const std::size_t end = all.find(", ", at);
    return all.substr(at, end == std::string::npos ? std::string::npos : end - at);
  }

  // Runs SQL against the server's database (e.g. to turn on 2FA before that API exists).
  void Sql(const std::string& sql) {
    auto database = db::OpenDatabase("sqlite:" + server_->dir().File("careops.db"));
    database->Connect()->Execute(sql);
  }

  // Further settings for a fixture's server; set it in the test's constructor.
  std::function<void(app::Config&)> configure_more_;
  FakeTwilio twilio_;
  std::unique_ptr<TestServer> server_;  // after twilio_: stops first
};

}  // namespace careops::testing
