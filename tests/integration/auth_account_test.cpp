// Accounts over HTTP, part 3: the signed-in user's settings (password, phone, two-factor
// sign-in with recovery codes) and password reset by SMS code or email link, with the
// security notices they send (docs/API.md, Accounts; PRODUCT.md A5-A7).

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "support/auth_fixture.hpp"

namespace careops::testing {
namespace {

constexpr const char* kAnn = "ann@example.com";
constexpr const char* kNewPassword = "a brand new password";

class AuthAccountHttpTest : public AuthHttpTest {
 protected:
  // Ann with a verified phone (one SMS so far), past the resend cooldown.
  void RegisterVerifiedAnn() {
    ASSERT_EQ(Register(kAnn).status, 201);
    ASSERT_EQ(VerifySms(kAnn, CodeOfMessage(1)).status, 200);
    clock().Advance(30'000);
  }
  FakeTwilio::Sent Sms(std::size_t n) {
    auto sent = twilio_.WaitForMessages(n, std::chrono::seconds(30));
    return sent.size() >= n ? sent[n - 1] : FakeTwilio::Sent{};
  }
};

TEST_F(AuthAccountHttpTest, PasswordChangeSignsOutEverywhere) {
  ASSERT_EQ(Register(kAnn, std::nullopt).status, 201);
  const std::string token = Token(kAnn);
  const std::string other = Token(kAnn);
  auto wrong =
      Post("/api/auth/password", {{"current_password", "not it"}, {"new_password", kNewPassword}},
           Bearer(token));
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(wrong.Json()["error"]["field"], "current_password");
  auto changed =
      Post("/api/auth/password",
           {{"current_password", kTestPassword}, {"new_password", kNewPassword}}, Bearer(token));
  ASSERT_EQ(changed.status, 204) << changed.body;
  EXPECT_NE(SetCookieLine(changed, "careops_session").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(Call("GET", "/api/auth/me", {}, Bearer(token)).status, 401);
  EXPECT_EQ(Call("GET", "/api/auth/me", {}, Bearer(other)).status, 401);
  EXPECT_EQ(Login(kAnn).status, 401);
  EXPECT_EQ(Login(kAnn, kNewPassword).status, 200);
}

TEST_F(AuthAccountHttpTest, PasswordResetBySmsCode) {
  RegisterVerifiedAnn();
  const std::string token = Token(kAnn);
  auto known = Post("/api/auth/password-reset", {{"email", kAnn}});
  auto unknown = Post("/api/auth/password-reset", {{"email", "nobody@example.com"}});
  EXPECT_EQ(known.status, 202);
  EXPECT_EQ(known.body, R"({"status":"accepted"})");
  EXPECT_EQ(unknown.status, known.status);
  EXPECT_EQ(unknown.body, known.body);
  const std::string code = CodeOfMessage(2);
  EXPECT_EQ(Sms(2).to, kTestPhone);

  auto wrong = Post("/api/auth/password-reset/confirm",
                    {{"email", kAnn}, {"code", WrongCode(code)}, {"new_password", kNewPassword}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(wrong.Json()["error"]["message"], "invalid or expired code");
  auto done = Post("/api/auth/password-reset/confirm",
                   {{"email", kAnn}, {"code", code}, {"new_password", kNewPassword}});
  ASSERT_EQ(done.status, 204) << done.body;
  EXPECT_EQ(Call("GET", "/api/auth/me", {}, Bearer(token)).status, 401);
  EXPECT_EQ(Login(kAnn, kNewPassword).status, 200);
  // The user is told, on the verified phone.
  EXPECT_NE(Sms(3).body.find("your password was reset"), std::string::npos) << Sms(3).body;
}

// Regression: inside the send cooldown a known email was answered 429, an unknown one 202.
TEST_F(AuthAccountHttpTest, PasswordResetInsideTheCooldownAnswers202ForEveryEmail) {
  RegisterVerifiedAnn();
  const std::string token = Token(kAnn);
  ASSERT_EQ(Post("/api/auth/password-reset", {{"email", kAnn}}).status, 202);
  ASSERT_EQ(Post("/api/auth/password-reset", {{"email", "nobody@example.com"}}).status, 202);
  const std::string code = CodeOfMessage(2);
  clock().Advance(5'000);
  auto known = Post("/api/auth/password-reset", {{"email", kAnn}});
  auto unknown = Post("/api/auth/password-reset", {{"email", "nobody@example.com"}});
  EXPECT_EQ(known.status, 202);
  EXPECT_EQ(known.body, R"({"status":"accepted"})");
  EXPECT_EQ(unknown.status, known.status);
  EXPECT_EQ(unknown.body, known.body);
  EXPECT_EQ(known.Header("retry-after"), "");
  EXPECT_EQ(unknown.Header("retry-after"), "");
  // Nothing was sent: the account's log says so, and the code sent before still works.
  auto audit = Call("GET", "/api/auth/audit", {}, Bearer(token)).Json()["events"];
  EXPECT_EQ(audit[0]["type"], "code_not_sent") << audit.dump();
  auto done = Post("/api/auth/password-reset/confirm",
                   {{"email", kAnn}, {"code", code}, {"new_password", kNewPassword}});
  EXPECT_EQ(done.status, 204) << done.body;
  // Message 3 is the "password was reset" notice, not another code.
  EXPECT_NE(Sms(3).body.find("your password was reset"), std::string::npos) << Sms(3).body;
}

TEST_F(AuthAccountHttpTest, PasswordResetByEmailLinkWithoutAVerifiedPhone) {
  ASSERT_EQ(Register(kAnn, std::nullopt).status, 201);
  ASSERT_EQ(Post("/api/auth/password-reset", {{"email", kAnn}}).status, 202);
  // The console email provider lists what it "sent" on the development outbox; the dispatcher
  // sends it moments after the request, so look until it is there.
  std::string link_token;
  ClientResponse outbox;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (link_token.empty() && std::chrono::steady_clock::now() < deadline) {
    outbox = Call("GET", "/api/dev/outbox");
    ASSERT_EQ(outbox.status, 200) << outbox.body;
    const auto messages = outbox.Json()["messages"];
    for (const auto& m : messages) {
      const std::string body = m["body"];
      const std::string marker = "/reset-password#token=";
      if (m["to"] == kAnn && body.find(marker) != std::string::npos) {
        const auto at = body.find(marker) + marker.size();
        link_token = body.substr(at, body.find('\n', at) - at);
        EXPECT_NE(body.find(server_->base_url()), std::string::npos)
            << "link under PUBLIC_BASE_URL";
      }
    }
    if (link_token.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_FALSE(link_token.empty()) << outbox.body;
  auto done = Post("/api/auth/password-reset/confirm",
                   {{"email", kAnn}, {"code", link_token}, {"new_password", kNewPassword}});
  ASSERT_EQ(done.status, 204) << done.body;
  EXPECT_EQ(Login(kAnn, kNewPassword).status, 200);
  auto again = Post("/api/auth/password-reset/confirm",
                    {{"email", kAnn}, {"code", link_token}, {"new_password", kNewPassword}});
  EXPECT_EQ(again.status, 400);
}

TEST_F(AuthAccountHttpTest, PhoneChangeVerifiesTheNewNumberAndTellsTheOldOne) {
  RegisterVerifiedAnn();
  const std::string token = Token(kAnn);
  auto started =
      Post("/api/auth/phone", {{"phone_number", "(415) 555-0123"}, {"password", kTestPassword}},
           Bearer(token));
  ASSERT_EQ(started.status, 202) << started.body;
  EXPECT_EQ(started.Json()["verification"]["to"], "+1•••••••23");
  EXPECT_EQ(Sms(2).to, "+14155550123");
  EXPECT_EQ(Call("GET", "/api/auth/me", {}, Bearer(token)).Json()["phone_number"], kTestPhone);
  auto verified = Post("/api/auth/phone/verify", {{"code", CodeOfMessage(2)}}, Bearer(token));
  ASSERT_EQ(verified.status, 200) << verified.body;
  EXPECT_EQ(verified.Json()["phone_number"], "+14155550123");
  EXPECT_EQ(verified.Json()["is_phone_verified"], true);
  EXPECT_EQ(Sms(3).to, kTestPhone);
  EXPECT_NE(Sms(3).body.find("phone number was changed"), std::string::npos);
  auto audit = Call("GET", "/api/auth/audit", {}, Bearer(token)).Json()["events"];
  EXPECT_EQ(audit[0]["type"], "phone_changed");
}

// Regression: a code just sent to the old number (any other purpose) refused the change.
TEST_F(AuthAccountHttpTest, PhoneChangeRightAfterACodeToTheOldNumber) {
  RegisterVerifiedAnn();
  const std::string token = Token(kAnn);
  ASSERT_EQ(Post("/api/auth/password-reset", {{"email", kAnn}}).status, 202);
  EXPECT_EQ(Sms(2).to, kTestPhone);
  clock().Advance(1'000);
  auto started =
      Post("/api/auth/phone", {{"phone_number", "(415) 555-0123"}, {"password", kTestPassword}},
           Bearer(token));
  ASSERT_EQ(started.status, 202) << started.body;
  EXPECT_EQ(Sms(3).to, "+14155550123");
  auto verified = Post("/api/auth/phone/verify", {{"code", CodeOfMessage(3)}}, Bearer(token));
  EXPECT_EQ(verified.status, 200) << verified.body;
}

TEST_F(AuthAccountHttpTest, TwoFactorWithRecoveryCodes) {
  RegisterVerifiedAnn();
  const std::string token = Token(kAnn);
  auto on = Post("/api/auth/2fa", {{"password", kTestPassword}}, Bearer(token));
  ASSERT_EQ(on.status, 200) << on.body;
  const auto codes = on.Json()["recovery_codes"];
  ASSERT_EQ(codes.size(), 10u);
  EXPECT_EQ(Call("GET", "/api/auth/me", {}, Bearer(token)).Json()["two_factor_enabled"], true);

  auto first = Login(kAnn);
  ASSERT_EQ(first.Json()["mfa_required"], true) << first.body;
  auto done = Post("/api/auth/login/verify",
                   {{"mfa_token", first.Json()["mfa_token"]}, {"recovery_code", codes[0]}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Json()["token_type"], "bearer");

  auto off = Call("DELETE", "/api/auth/2fa", nlohmann::json{{"password", kTestPassword}}.dump(),
                  Bearer(token));
  EXPECT_EQ(off.status, 204) << off.body;
  auto plain = Login(kAnn);
  ASSERT_EQ(plain.status, 200);
  EXPECT_TRUE(plain.Json().contains("access_token"));
}

TEST_F(AuthAccountHttpTest, TwoFactorNeedsAVerifiedPhone) {
  ASSERT_EQ(Register(kAnn, std::nullopt).status, 201);
  auto r = Post("/api/auth/2fa", {{"password", kTestPassword}}, Bearer(Token(kAnn)));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.Json()["error"]["field"], "phone_number");
}

}  // namespace
}  // namespace careops::testing
