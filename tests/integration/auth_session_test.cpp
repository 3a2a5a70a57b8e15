// Accounts over HTTP, part 2: signing in, sessions, cookies with CSRF, throttling and the SMS
// second factor (docs/API.md, Accounts; PRODUCT.md A4-A6, A8).

#include <gtest/gtest.h>

#include <future>
#include <vector>

#include "support/auth_fixture.hpp"

namespace careops::testing {
namespace {

constexpr const char* kAnn = "ann@example.com";

class AuthSessionTest : public AuthHttpTest {
 protected:
  void SetUp() override {
    StartServer();
    ASSERT_EQ(Register(kAnn, std::nullopt).status, 201);
  }
};

TEST_F(AuthSessionTest, LoginAnswersTheSeedShapeAndSetsCookies) {
  auto r = Login("  ANN@example.com");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto body = r.Json();
  EXPECT_EQ(body.size(), 2u) << r.body;
  EXPECT_EQ(body["token_type"], "bearer");
  const auto cookies = SetCookies(r);
  EXPECT_EQ(cookies.at("careops_session"), body["access_token"]);
  EXPECT_FALSE(cookies.at("careops_csrf").empty());
  const std::string session_line = SetCookieLine(r, "careops_session");
  EXPECT_NE(session_line.find("HttpOnly"), std::string::npos) << session_line;
  EXPECT_NE(session_line.find("SameSite=Lax"), std::string::npos);
  EXPECT_NE(session_line.find("Path=/"), std::string::npos);
  EXPECT_EQ(session_line.find("Secure"), std::string::npos) << "PUBLIC_BASE_URL is http here";
  EXPECT_EQ(SetCookieLine(r, "careops_csrf").find("HttpOnly"), std::string::npos);
}

TEST_F(AuthSessionTest, WrongPasswordAndUnknownEmailAnswerAlike) {
  auto wrong = Login(kAnn, "wrong password");
  auto unknown = Login("nobody@example.com");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_EQ(wrong.Json()["error"]["message"], "invalid email or password");
  EXPECT_TRUE(wrong.Header("set-cookie").empty());
}

TEST_F(AuthSessionTest, MeNeedsASession) {
  EXPECT_EQ(Call("GET", "/api/auth/me").status, 401);
  EXPECT_EQ(Call("GET", "/api/auth/me", {}, Bearer("made-up")).status, 401);
  EXPECT_EQ(Call("GET", "/api/auth/me", {}, {{"Authorization", "Basic dXNlcjpwYXNz"}}).status, 401);
  const std::string token = Token(kAnn);
  EXPECT_EQ(Call("GET", "/api/auth/me", {}, {{"Authorization", "bearer " + token}}).status, 200);
}

TEST_F(AuthSessionTest, TokenInTheQueryStringIsIgnored) {
  const std::string token = Token(kAnn);
  for (const char* name : {"access_token", "token", "session", "careops_session"}) {
    auto r = Call("GET", std::string("/api/auth/me?") + name + "=" + token);
    EXPECT_EQ(r.status, 401) << name;
  }
}

TEST_F(AuthSessionTest, LogoutRevokesTheSessionAndClearsCookies) {
  const std::string token = Token(kAnn);
  ASSERT_EQ(Call("GET", "/api/auth/me", {}, Bearer(token)).status, 200);
  auto out = Call("POST", "/api/auth/logout", {}, Bearer(token));
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(SetCookieLine(out, "careops_session").find("Max-Age=0"), std::string::npos);
  EXPECT_NE(SetCookieLine(out, "careops_csrf").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(Call("GET", "/api/auth/me", {}, Bearer(token)).status, 401);
  EXPECT_EQ(Call("POST", "/api/auth/logout", {}, Bearer(token)).status, 401);
}

TEST_F(AuthSessionTest, CookieAuthNeedsTheCsrfHeaderOnUnsafeMethods) {
  const auto cookies = SetCookies(Login(kAnn));
  const std::string session = cookies.at("careops_session");
  const std::string csrf = cookies.at("careops_csrf");
  const std::string jar = "careops_session=" + session + "; careops_csrf=" + csrf;
  // Safe methods need only the cookie.
  auto me = Call("GET", "/api/auth/me", {}, {{"Cookie", jar}});
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(Call("GET", "/api/auth/me", {}, {{"Cookie", "careops_session=" + session}}).status,
            200);
  // Unsafe methods: no header, a wrong one, or one without the matching cookie -> 403.
  auto missing = Call("POST", "/api/auth/logout", {}, {{"Cookie", jar}});
  EXPECT_EQ(missing.status, 403);
  EXPECT_EQ(missing.Json()["error"]["code"], "permission_denied");
  EXPECT_EQ(
      Call("POST", "/api/auth/logout", {}, {{"Cookie", jar}, {"X-CSRF-Token", "forged"}}).status,
      403);
  EXPECT_EQ(Call("POST", "/api/auth/logout", {},
                 {{"Cookie", "careops_session=" + session}, {"X-CSRF-Token", csrf}})
                .status,
            403);
  // Another session's CSRF pair does not fit this session.
  const auto other = SetCookies(Login(kAnn));
  EXPECT_EQ(
      Call("POST", "/api/auth/logout", {},
           {{"Cookie", "careops_session=" + session + "; careops_csrf=" + other.at("careops_csrf")},
            {"X-CSRF-Token", other.at("careops_csrf")}})
          .status,
      403);
  // The right header works and the session is gone afterwards.
  EXPECT_EQ(Call("POST", "/api/auth/logout", {}, {{"Cookie", jar}, {"X-CSRF-Token", csrf}}).status,
            204);
  EXPECT_EQ(Call("GET", "/api/auth/me", {}, {{"Cookie", jar}}).status, 401);
  // Bearer clients need no CSRF header.
  const std::string token = Token(kAnn);
  EXPECT_EQ(Call("POST", "/api/auth/logout", {}, Bearer(token)).status, 204);
}

TEST_F(AuthSessionTest, SessionsCanBeListedAndRevoked) {
  const std::string mine = Token(kAnn);
  const std::string phone_token = Token(kAnn);
  auto list = Call("GET", "/api/auth/sessions", {}, Bearer(mine));
  ASSERT_EQ(list.status, 200) << list.body;
  const auto sessions = list.Json()["sessions"];
  ASSERT_EQ(sessions.size(), 3u);  // registration, and two sign-ins
  std::int64_t current = 0, other = 0;
  for (const auto& s : sessions) {
    EXPECT_EQ(s["ip"], "127.0.0.1");
    for (const char* key : {"id", "created_at", "last_seen_at", "user_agent", "current"}) {
      EXPECT_TRUE(s.contains(key)) << key;
    }
    if (s["current"] == true) {
      current = s["id"];
    } else {
      other = s["id"];
    }
  }
  ASSERT_NE(current, 0);
  ASSERT_EQ(Register("bob@example.com", std::nullopt).status, 201);
  const std::string bob = Token("bob@example.com");
  EXPECT_EQ(Call("DELETE", "/api/auth/sessions/" + std::to_string(current), {}, Bearer(bob)).status,
            404);
  EXPECT_EQ(Call("DELETE", "/api/auth/sessions/" + std::to_string(other), {}, Bearer(mine)).status,
            204);
  EXPECT_EQ(Call("DELETE", "/api/auth/sessions/999999", {}, Bearer(mine)).status, 404);
  // Log out everywhere else.
  EXPECT_EQ(Call("DELETE", "/api/auth/sessions", {}, Bearer(mine)).status, 204);
  EXPECT_EQ(Call("GET", "/api/auth/me", {}, Bearer(phone_token)).status, 401);
  auto left = Call("GET", "/api/auth/sessions", {}, Bearer(mine)).Json()["sessions"];
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0]["current"], true);
  EXPECT_EQ(Call("GET", "/api/auth/me", {}, Bearer(bob)).status, 200);
}

TEST_F(AuthSessionTest, LoginIsThrottledPerAccountWithAGrowingRetryAfter) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Login(kAnn, "wrong password").status, 401) << i;
  auto locked = Login(kAnn);  // even the right password waits
  EXPECT_EQ(locked.status, 429);
  EXPECT_EQ(locked.Header("retry-after"), "60");
  EXPECT_EQ(locked.Json()["error"]["code"], "rate_limited");
  clock().Advance(60'000);
  EXPECT_EQ(Login(kAnn, "wrong password").status, 401);
  EXPECT_EQ(Login(kAnn).Header("retry-after"), "120");
  clock().Advance(120'000);
  EXPECT_EQ(Login(kAnn).status, 200);
}

TEST_F(AuthSessionTest, LoginIsThrottledPerIp) {
  // Twenty failures from one address, spread over accounts that do not exist.
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(Login("user" + std::to_string(i) + "@example.com").status, 401) << i;
  }
  auto locked = Login(kAnn);
  EXPECT_EQ(locked.status, 429);
  EXPECT_EQ(locked.Header("retry-after"), "60");
  clock().Advance(60'000);
  EXPECT_EQ(Login(kAnn).status, 200);
}

TEST_F(AuthSessionTest, AuditLogShowsOwnSecurityEvents) {
  ASSERT_EQ(Login(kAnn, "wrong password").status, 401);
  const std::string token = Token(kAnn);
  auto r = Call("GET", "/api/auth/audit", {}, Bearer(token));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto events = r.Json()["events"];
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0]["type"], "login_ok");
  EXPECT_EQ(events[1]["type"], "login_failed");
  EXPECT_EQ(events[1]["ip"], "127.0.0.1");
  for (const char* key : {"id", "created_at", "detail"}) EXPECT_TRUE(events[0].contains(key));
}

TEST_F(AuthSessionTest, ALoginFloodShedsLoadAndLeavesOtherRoutesServed) {
  const std::string token = Token(kAnn);
  std::vector<std::future<ClientResponse>> logins;
  for (int i = 0; i < 24; ++i) {
    logins.push_back(std::async(std::launch::async, [this] { return Login(kAnn); }));
  }
  // Signed-in routes keep answering while the hashing pool is saturated.
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(Call("GET", "/api/auth/me", {}, Bearer(token)).status, 200);
  }
  for (auto& login : logins) {
    const ClientResponse r = login.get();
    if (r.status == 503) {
      EXPECT_EQ(r.Header("retry-after"), "1");
      EXPECT_EQ(r.Json()["error"]["message"], "sign-in is busy, retry shortly");
    } else {
      EXPECT_EQ(r.status, 200) << r.body;
    }
  }
}

class AuthTwoFactorHttpTest : public AuthHttpTest {
 protected:
  void SetUp() override {
    StartServer();
    ASSERT_EQ(Register(kAnn).status, 201);
    ASSERT_EQ(VerifySms(kAnn, CodeOfMessage(1)).status, 200);
    // Until POST /api/auth/2fa exists, turn 2FA on in the database.
    Sql("UPDATE users SET two_factor_enabled = 1");
    clock().Advance(30'000);  // past the cooldown of the registration code
  }
};

TEST_F(AuthTwoFactorHttpTest, PasswordThenSmsCode) {
  auto first = Login(kAnn);
  ASSERT_EQ(first.status, 200) << first.body;
  const auto body = first.Json();
  EXPECT_EQ(body["mfa_required"], true);
  EXPECT_FALSE(body.contains("access_token"));
  EXPECT_TRUE(first.Header("set-cookie").empty()) << "no session before the second step";
  EXPECT_EQ(body["verification"]["channel"], "sms");
  EXPECT_EQ(body["verification"]["to"], "+1•••••••71");
  const std::string mfa_token = body["mfa_token"];
  const std::string code = CodeOfMessage(2);

  auto wrong =
      Post("/api/auth/login/verify", {{"mfa_token", mfa_token}, {"code", WrongCode(code)}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(wrong.Json()["error"]["field"], "code");
  EXPECT_EQ(Post("/api/auth/login/verify", {{"mfa_token", "made-up"}, {"code", code}}).status, 401);

  auto done = Post("/api/auth/login/verify", {{"mfa_token", mfa_token}, {"code", code}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Json()["token_type"], "bearer");
  EXPECT_FALSE(SetCookies(done).at("careops_session").empty());
  auto me = Call("GET", "/api/auth/me", {}, Bearer(done.Json()["access_token"]));
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.Json()["two_factor_enabled"], true);
  // Single use.
  EXPECT_EQ(Post("/api/auth/login/verify", {{"mfa_token", mfa_token}, {"code", code}}).status, 401);
}

TEST_F(AuthTwoFactorHttpTest, TheSecondStepExpires) {
  auto first = Login(kAnn);
  ASSERT_EQ(first.status, 200);
  const std::string code = CodeOfMessage(2);
  clock().Advance(10 * 60'000 + 1'000);
  EXPECT_EQ(
      Post("/api/auth/login/verify", {{"mfa_token", first.Json()["mfa_token"]}, {"code", code}})
          .status,
      401);
}

// Regression: signing in again inside the resend cooldown was 429 without an mfa_token, so
// neither the code already sent nor a recovery code could finish it.
TEST_F(AuthTwoFactorHttpTest, SignInInsideTheCooldownStillGivesAnMfaToken) {
  const std::int64_t first_at = clock().NowMillis();
  auto first = Login(kAnn);
  ASSERT_EQ(first.status, 200) << first.body;
  const std::string code = CodeOfMessage(2);
  clock().Advance(5'000);
  auto again = Login(kAnn);
  ASSERT_EQ(again.status, 200) << again.body;
  const auto body = again.Json();
  EXPECT_EQ(body["mfa_required"], true);
  EXPECT_NE(body["mfa_token"], first.Json()["mfa_token"]);
  EXPECT_EQ(body["verification"]["to"], "+1•••••••71");
  EXPECT_EQ(body["verification"]["expires_at"], first_at + 600'000);
  EXPECT_EQ(body["verification"]["resend_after"], first_at + 30'000);
  auto done = Post("/api/auth/login/verify", {{"mfa_token", body["mfa_token"]}, {"code", code}});
  ASSERT_EQ(done.status, 200) << done.body;
  // No SMS besides the registration's and the first sign-in's.
  auto audit = Call("GET", "/api/auth/audit", {}, Bearer(done.Json()["access_token"]));
  const auto events = audit.Json()["events"];
  int sent = 0;
  for (const auto& e : events) sent += e["type"] == "code_sent" ? 1 : 0;
  EXPECT_EQ(sent, 2) << audit.body;
}

}  // namespace
}  // namespace careops::testing
