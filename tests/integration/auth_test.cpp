// Accounts over HTTP, part 1: registration and SMS codes, against the fake Twilio
// (docs/API.md, Accounts; PRODUCT.md A1-A3).

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "support/auth_fixture.hpp"

namespace careops::testing {
namespace {

constexpr const char* kAnn = "ann@example.com";

TEST_F(AuthHttpTest, SeedFlowRegisterCodeVerifyLoginMe) {
  auto registered = Register("Ann@Example.com", "(415) 555-2671");
  ASSERT_EQ(registered.status, 201) << registered.body;
  auto user = registered.Json();
  EXPECT_EQ(user["email"], kAnn);
  EXPECT_EQ(user["full_name"], "Ann Lee");
  EXPECT_EQ(user["phone_number"], kTestPhone);
  EXPECT_EQ(user["is_phone_verified"], false);
  EXPECT_EQ(user["is_active"], true);
  EXPECT_EQ(user["two_factor_enabled"], false);
  EXPECT_EQ(user["created_at"], clock().NowMillis());
  EXPECT_FALSE(user.contains("password_hash"));
  EXPECT_EQ(user["verification"]["channel"], "sms");
  EXPECT_EQ(user["verification"]["to"], "+1•••••••71");
  EXPECT_EQ(user["verification"]["expires_at"], clock().NowMillis() + 600'000);
  EXPECT_EQ(user["verification"]["resend_after"], clock().NowMillis() + 30'000);
  // Registering signs the browser in.
  auto cookies = SetCookies(registered);
  EXPECT_EQ(cookies.count("careops_session"), 1u);
  EXPECT_EQ(cookies.count("careops_csrf"), 1u);

  // The code reaches Twilio, from the configured number, as 6 digits.
  auto sent = twilio_.WaitForMessages(1, std::chrono::seconds(30));
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].to, kTestPhone);
  EXPECT_EQ(sent[0].from, "+15005550006");
  const std::string code = SixDigits(sent[0].body);
  ASSERT_EQ(code.size(), 6u) << "no code in the SMS";

  auto verified = VerifySms(kAnn, code);
  ASSERT_EQ(verified.status, 200) << verified.body;
  EXPECT_EQ(verified.Json(),
            (nlohmann::json{{"status", "success"}, {"message", "Phone verified"}}));

  auto login = Login(kAnn);
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_EQ(login.Json()["token_type"], "bearer");
  const std::string token = login.Json()["access_token"];
  EXPECT_GE(token.size(), 43u);

  auto me = Call("GET", "/api/auth/me", {}, Bearer(token));
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.Json()["email"], kAnn);
  EXPECT_EQ(me.Json()["is_phone_verified"], true);
  EXPECT_FALSE(me.Json().contains("verification"));
}

TEST_F(AuthHttpTest, EmailMayComeInTheBody) {
  ASSERT_EQ(Register(kAnn).status, 201);
  const std::string code = CodeOfMessage(1);
  auto verified = Post("/api/auth/verify-sms", {{"email", kAnn}, {"code", code}});
  EXPECT_EQ(verified.status, 200) << verified.body;
  auto missing = Post("/api/auth/verify-sms", {{"code", code}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.Json()["error"]["field"], "email");
}

TEST_F(AuthHttpTest, RegisterErrorsNameTheField) {
  ASSERT_EQ(Register(kAnn, std::nullopt).status, 201);
  auto taken = Register("ANN@example.com", std::nullopt);
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(taken.Json()["error"]["field"], "email");
  auto weak = Post("/api/auth/register",
                   {{"email", "bob@example.com"}, {"password", "short"}, {"full_name", "Bob"}});
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(weak.Json()["error"]["field"], "password");
  auto wrong_type = Post("/api/auth/register", {{"email", "bob@example.com"},
                                                {"password", kTestPassword},
                                                {"full_name", "Bob"},
                                                {"phone_number", 4155552671}});
  EXPECT_EQ(wrong_type.status, 400);
  EXPECT_EQ(wrong_type.Json()["error"]["field"], "phone_number");
  auto no_name =
      Post("/api/auth/register", {{"email", "bob@example.com"}, {"password", kTestPassword}});
  EXPECT_EQ(no_name.Json()["error"]["field"], "full_name");
}

TEST_F(AuthHttpTest, PhoneNumbersAreParsedWithTheDefaultRegion) {
  struct Case {
    const char* input;
    const char* e164;  // nullptr: 400 naming phone_number
  };
  const Case cases[] = {
      {"(415) 555-2671", "+14155552671"},    // national US format, DEFAULT_PHONE_REGION=US
      {"+44 7911 123456", "+447911123456"},  // UK mobile
      {"+44 20 7946 0958", nullptr},         // UK landline
      {"not a number", nullptr},             // garbage
  };
  int n = 0;
  for (const Case& c : cases) {
    auto r = Register("user" + std::to_string(++n) + "@example.com", std::string(c.input));
    if (c.e164 != nullptr) {
      ASSERT_EQ(r.status, 201) << c.input << ": " << r.body;
      EXPECT_EQ(r.Json()["phone_number"], c.e164);
    } else {
      ASSERT_EQ(r.status, 400) << c.input << ": " << r.body;
      EXPECT_EQ(r.Json()["error"]["field"], "phone_number");
    }
  }
}

TEST_F(AuthHttpTest, FifthWrongTryKillsTheCode) {
  ASSERT_EQ(Register(kAnn).status, 201);
  const std::string code = CodeOfMessage(1);
  const std::string expected =
      R"({"error":{"code":"invalid_argument","field":"code","message":"invalid or expired code"}})";
  for (int i = 0; i < 5; ++i) {
    auto r = VerifySms(kAnn, WrongCode(code));
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.body, expected);
  }
  auto right_too_late = VerifySms(kAnn, code);
  EXPECT_EQ(right_too_late.status, 400);
  EXPECT_EQ(right_too_late.body, expected);
  // A new code (after the cooldown) works.
  clock().Advance(30'000);
  ASSERT_EQ(ResendSms(kAnn).status, 200);
  EXPECT_EQ(VerifySms(kAnn, CodeOfMessage(2)).status, 200);
}

TEST_F(AuthHttpTest, GuessesFailIncludingZeros) {
  ASSERT_EQ(Register(kAnn).status, 201);
  const std::string code = CodeOfMessage(1);
  int tried = 0;
  for (const char* guess : {"000000", "123456", "999999", "00000", "0000000", "abcdef"}) {
    if (guess == code || tried == 4) continue;  // 4 wrong tries leave the code alive
    ++tried;
    EXPECT_EQ(VerifySms(kAnn, guess).status, 400) << guess;
  }
  EXPECT_EQ(VerifySms(kAnn, code).status, 200);
  EXPECT_EQ(VerifySms(kAnn, code).status, 400);  // single use
}

TEST_F(AuthHttpTest, CodesExpireAfterTenMinutes) {
  ASSERT_EQ(Register(kAnn).status, 201);
  const std::string code = CodeOfMessage(1);
  clock().Advance(10 * 60'000 + 1'000);
  auto late = VerifySms(kAnn, code);
  EXPECT_EQ(late.status, 400);
  EXPECT_EQ(late.Json()["error"]["message"], "invalid or expired code");
}

TEST_F(AuthHttpTest, ResendCooldownAndHourlyCapAnswer429WithRetryAfter) {
  ASSERT_EQ(Register(kAnn).status, 201);
  clock().Advance(10'000);
  auto early = ResendSms(kAnn);
  EXPECT_EQ(early.status, 429);
  EXPECT_EQ(early.Header("retry-after"), "20");
  EXPECT_EQ(early.Json()["error"]["code"], "rate_limited");
  // Sends at 0 s (registration), 30, 60, 90 and 120 s: five in the hour.
  clock().Advance(20'000);
  for (int i = 0; i < 4; ++i) {
    auto r = ResendSms(kAnn);
    ASSERT_EQ(r.status, 200) << i << ": " << r.body;
    EXPECT_EQ(r.Json()["status"], "success");
    EXPECT_EQ(r.Json()["message"], "Code resent");
    EXPECT_EQ(r.Json()["resend_after"], clock().NowMillis() + 30'000);
    EXPECT_EQ(r.Json()["expires_at"], clock().NowMillis() + 600'000);
    clock().Advance(30'000);
  }
  EXPECT_EQ(twilio_.WaitForMessages(5, std::chrono::seconds(30)).size(), 5u);
  auto capped = ResendSms(kAnn);
  EXPECT_EQ(capped.status, 429);
  EXPECT_EQ(capped.Header("retry-after"), "3450");  // until the first send is an hour old
  clock().Advance(3450'000);
  EXPECT_EQ(ResendSms(kAnn).status, 200);
  // Only the newest code counts.
  EXPECT_EQ(VerifySms(kAnn, CodeOfMessage(6)).status, 200);
}

TEST_F(AuthHttpTest, UnknownEmailsGetByteIdenticalAnswers) {
  ASSERT_EQ(Register(kAnn).status, 201);
  const std::string wrong = WrongCode(CodeOfMessage(1));
  const std::string nobody = "nobody@example.com";
  auto same = [](const ClientResponse& a, const ClientResponse& b, const char* what) {
    EXPECT_EQ(a.status, b.status) << what;
    EXPECT_EQ(a.body, b.body) << what;
    EXPECT_EQ(a.Header("retry-after"), b.Header("retry-after")) << what;
  };
  same(VerifySms(kAnn, wrong), VerifySms(nobody, wrong), "verify, wrong code");
  clock().Advance(30'000);
  same(ResendSms(kAnn), ResendSms(nobody), "resend");
  clock().Advance(5'000);
  same(ResendSms(kAnn), ResendSms(nobody), "resend within the cooldown");
  // Clients that keep trying get the same 429 too.
  for (int i = 0; i < 9; ++i) same(VerifySms(kAnn, wrong), VerifySms(nobody, wrong), "verify");
  auto refused = VerifySms(kAnn, wrong);
  EXPECT_EQ(refused.status, 429);
  same(refused, VerifySms(nobody, wrong), "verify, throttled");
  // Only the real account's phone got messages.
  EXPECT_EQ(twilio_.WaitForMessages(2, std::chrono::seconds(30)).size(), 2u);
}

// Counts occurrences of `code` in `haystack` that are not inside a run of 16 or more hex
// characters (hashes, request ids, sealed blobs may contain any 6 digits by chance).
int Occurrences(const std::string& haystack, const std::string& code) {
  auto is_hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  int found = 0;
  for (auto at = haystack.find(code); at != std::string::npos; at = haystack.find(code, at + 1)) {
    std::size_t begin = at, end = at + code.size();
    while (begin > 0 && is_hex(haystack[begin - 1])) --begin;
    while (end < haystack.size() && is_hex(haystack[end])) ++end;
    if (end - begin < 16) ++found;
  }
  return found;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Runs the server with info-level logs captured, so the test can search them.
class AuthSecretsTest : public AuthHttpTest {
 protected:
  void SetUp() override {
    const char* old = std::getenv("CAREOPS_TEST_LOG");
    old_level_ = old != nullptr ? std::optional<std::string>(old) : std::nullopt;
    setenv("CAREOPS_TEST_LOG", "info", 1);
    ::testing::internal::CaptureStderr();
    capturing_ = true;
    StartServer();
  }
  void TearDown() override {
    if (capturing_) StopCapture();
    if (old_level_) {
      setenv("CAREOPS_TEST_LOG", old_level_->c_str(), 1);
    } else {
      unsetenv("CAREOPS_TEST_LOG");
    }
  }
  std::string StopCapture() {
    capturing_ = false;
    return ::testing::internal::GetCapturedStderr();
  }
  std::optional<std::string> old_level_;
  bool capturing_ = false;
};

TEST_F(AuthSecretsTest, CodesAppearNeitherInTheDatabaseNorInTheLogs) {
  ASSERT_EQ(Register(kAnn).status, 201);
  const std::string first = CodeOfMessage(1);
  ASSERT_EQ(VerifySms(kAnn, WrongCode(first)).status, 400);
  clock().Advance(30'000);
  ASSERT_EQ(ResendSms(kAnn).status, 200);
  const std::string second = CodeOfMessage(2);
  ASSERT_EQ(VerifySms(kAnn, second).status, 200);
  const std::string token = Token(kAnn);

  const std::string db_path = server_->dir().File("careops.db");
  auto search_database = [&](const char* when) {
    const std::string bytes = ReadFile(db_path) + ReadFile(db_path + "-wal");
    ASSERT_GT(bytes.size(), 4096u) << when;
    for (const std::string& secret : {first, second}) {
      EXPECT_EQ(Occurrences(bytes, secret), 0) << "code found in the database " << when;
    }
    EXPECT_EQ(bytes.find(token), std::string::npos) << "session token stored " << when;
    EXPECT_EQ(bytes.find(kTestPassword), std::string::npos) << when;
    EXPECT_EQ(bytes.find("verification code is"), std::string::npos) << "SMS body stored " << when;
  };
  search_database("while serving");
  server_->Stop();
  search_database("after shutdown");

  const std::string logs = StopCapture();
  ASSERT_NE(logs.find("/api/auth/verify-sms"), std::string::npos)
      << "info logs were not captured; the search below would prove nothing";
  for (const std::string& secret : {first, second}) {
    EXPECT_EQ(Occurrences(logs, secret), 0) << "code found in the logs";
  }
  EXPECT_EQ(logs.find(token), std::string::npos);
  EXPECT_EQ(logs.find(kTestPassword), std::string::npos);
  EXPECT_EQ(logs.find("verification code is"), std::string::npos);
}

}  // namespace
}  // namespace careops::testing
