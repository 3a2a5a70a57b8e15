// Sign-in, throttling and the 2FA step against a temporary database (AuthFixture).

#include "auth/login_service.hpp"

#include <gtest/gtest.h>

#include "auth/auth_test_fixture.hpp"

namespace careops::auth {
namespace {

constexpr const char* kPassword = "correct horse battery";  // AuthFixture::Register's

class AuthLoginTest : public AuthFixture {
 protected:
  Result<LoginOutcome> Login(const std::string& email, const std::string& password,
                             const std::string& ip = "203.0.113.7") {
    return login_.Login(conn(), {email, password, {ip, "test"}});
  }
  static ErrorCode CodeOf(const Result<LoginOutcome>& r) {
    return r.ok() ? static_cast<ErrorCode>(-1) : r.error().code;
  }
};

TEST_F(AuthLoginTest, RightPasswordGivesASessionWrongOrUnknownGiveTheSame401) {
  Registered r = Register("ann@example.com");
  auto ok = Login("ANN@example.com ", kPassword);
  ASSERT_TRUE(ok.ok());
  ASSERT_TRUE(ok->session.has_value());
  EXPECT_FALSE(ok->mfa.has_value());
  EXPECT_EQ(sessions_.Resolve(conn(), ok->session->token)->user_id, r.user.id);

  auto wrong = Login("ann@example.com", "wrong password");
  auto unknown = Login("nobody@example.com", kPassword);
  auto malformed = Login("not an email", kPassword);
  for (const auto* failed : {&wrong, &unknown, &malformed}) {
    ASSERT_FALSE(failed->ok());
    EXPECT_EQ(failed->error().code, ErrorCode::kUnauthenticated);
    EXPECT_EQ(failed->error().message, "invalid email or password");
  }
  conn().Execute("UPDATE users SET is_active = 0");
  EXPECT_EQ(CodeOf(Login("ann@example.com", kPassword)), ErrorCode::kUnauthenticated);
}

TEST_F(AuthLoginTest, FiveFailuresPerAccountLockWithAGrowingRetryAfter) {
  Register("ann@example.com");
  for (int i = 0; i < 5; ++i) {
    // Different IPs: the account limit applies whatever the address.
    EXPECT_EQ(CodeOf(Login("ann@example.com", "wrong", "198.51.100." + std::to_string(i))),
              ErrorCode::kUnauthenticated);
  }
  auto locked = Login("ann@example.com", kPassword);
  ASSERT_EQ(CodeOf(locked), ErrorCode::kRateLimited);
  EXPECT_EQ(locked.error().retry_after_seconds, 60);
  clock_.Advance(kMinute);
  EXPECT_EQ(CodeOf(Login("ann@example.com", "wrong")), ErrorCode::kUnauthenticated);
  EXPECT_EQ(Login("ann@example.com", kPassword).error().retry_after_seconds, 120);
  // Unknown emails are counted the same way.
  for (int i = 0; i < 5; ++i) (void)Login("nobody@example.com", "wrong", "198.51.100.9");
  EXPECT_EQ(CodeOf(Login("nobody@example.com", "wrong", "198.51.100.9")), ErrorCode::kRateLimited);
  // After the lock, the right password signs in and forgets the failures.
  clock_.Advance(2 * kMinute);
  EXPECT_TRUE(Login("ann@example.com", kPassword).ok());
  EXPECT_EQ(CodeOf(Login("ann@example.com", "wrong")), ErrorCode::kUnauthenticated);
  EXPECT_TRUE(Login("ann@example.com", kPassword).ok());
}

TEST_F(AuthLoginTest, TwentyFailuresPerIpLockThatIpOnly) {
  Register("ann@example.com");
  for (int i = 0; i < 20; ++i) {
    (void)Login("user" + std::to_string(i) + "@example.com", "wrong", "198.51.100.1");
  }
  auto locked = Login("ann@example.com", kPassword, "198.51.100.1");
  ASSERT_EQ(CodeOf(locked), ErrorCode::kRateLimited);
  EXPECT_EQ(locked.error().retry_after_seconds, 60);
  EXPECT_TRUE(Login("ann@example.com", kPassword, "198.51.100.2").ok());
}

TEST_F(AuthLoginTest, FailuresAreAuditedForKnownAccounts) {
  Registered r = Register("ann@example.com");
  (void)Login("ann@example.com", "wrong");
  (void)Login("ann@example.com", kPassword);
  const auto events = accounts_.AuditLog(conn(), r.user.id);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].type, "login_ok");
  EXPECT_EQ(events[1].type, "login_failed");
  EXPECT_EQ(events[1].ip, "203.0.113.7");
  EXPECT_EQ(conn().QueryOne("SELECT COUNT(*) FROM audit_events")->Int(0), 2);
}

class AuthTwoFactorTest : public AuthLoginTest {
 protected:
  void SetUp() override {
    user_ = Register("ann@example.com", "+14155552671").user;
    EXPECT_TRUE(accounts_.VerifyPhone(conn(), "ann@example.com", LastCode(), "").ok());
    conn().Execute("UPDATE users SET two_factor_enabled = 1");
    clock_.Advance(kMinute);
  }
  MfaChallenge Challenge() {
    auto outcome = Login("ann@example.com", kPassword);
    EXPECT_TRUE(outcome.ok());
    EXPECT_FALSE(outcome->session.has_value());
    return outcome->mfa.value_or(MfaChallenge{});
  }
  Result<SessionTokens> Finish(const std::string& token, const std::string& code) {
    return login_.Finish(conn(), token, {SecondFactor::Kind::kSmsCode, code},
                         {"203.0.113.7", "test"});
  }
  User user_;
};

TEST_F(AuthTwoFactorTest, PasswordThenSmsCodeGivesASession) {
  const MfaChallenge challenge = Challenge();
  EXPECT_GE(challenge.mfa_token.size(), 43u);
  EXPECT_EQ(challenge.verification.to, "+1•••••••71");
  EXPECT_NE(LastMessageBody().find("sign-in code"), std::string::npos);
  auto session = Finish(challenge.mfa_token, LastCode());
  ASSERT_TRUE(session.ok());
  EXPECT_EQ(sessions_.Resolve(conn(), session->token)->user_id, user_.id);
  // The mfa_token is single use.
  EXPECT_EQ(Finish(challenge.mfa_token, LastCode()).error().code, ErrorCode::kUnauthenticated);
}

TEST_F(AuthTwoFactorTest, WrongCodesExpiryAndUnknownTokensFail) {
  const MfaChallenge challenge = Challenge();
  const std::string code = LastCode();
  const std::string wrong = code == "000000" ? "111111" : "000000";
  auto bad = Finish(challenge.mfa_token, wrong);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "invalid or expired code");
  EXPECT_EQ(Finish("made-up-token", code).error().code, ErrorCode::kUnauthenticated);
  clock_.Advance(10 * kMinute + kSecond);
  EXPECT_EQ(Finish(challenge.mfa_token, code).error().code, ErrorCode::kUnauthenticated);
}

TEST_F(AuthTwoFactorTest, WrongCodesCountAsFailedSignIns) {
  const MfaChallenge challenge = Challenge();
  const std::string code = LastCode();
  const std::string wrong = code == "000000" ? "111111" : "000000";
  for (int i = 0; i < 5; ++i) ASSERT_FALSE(Finish(challenge.mfa_token, wrong).ok());
  EXPECT_EQ(Finish(challenge.mfa_token, code).error().code, ErrorCode::kRateLimited);
  EXPECT_EQ(CodeOf(Login("ann@example.com", kPassword)), ErrorCode::kRateLimited);
}

// Regression: a second sign-in inside the resend cooldown was 429 with no mfa_token.
TEST_F(AuthTwoFactorTest, SignInInsideTheCooldownStillGivesAChallengeAndSendsNothing) {
  const Millis first_at = clock_.NowMillis();
  const MfaChallenge first = Challenge();
  const std::string code = LastCode();
  const auto messages = MessageCount();
  clock_.Advance(10 * kSecond);
  auto again = Login("ann@example.com", kPassword);
  ASSERT_TRUE(again.ok()) << again.error().message;
  ASSERT_TRUE(again->mfa.has_value());
  const MfaChallenge& second = *again->mfa;
  EXPECT_NE(second.mfa_token, first.mfa_token);
  EXPECT_EQ(MessageCount(), messages);  // no new SMS
  EXPECT_EQ(second.verification.to, "+1•••••••71");
  EXPECT_EQ(second.verification.expires_at, first_at + kCodeLifetime);  // the live code's
  EXPECT_EQ(second.verification.resend_after, first_at + kResendCooldown);
  EXPECT_EQ(accounts_.AuditLog(conn(), user_.id).at(0).type, "code_not_sent");
  // The code already sent finishes the new challenge.
  EXPECT_TRUE(Finish(second.mfa_token, code).ok());
}

// Regression: over the hourly cap the user never got an mfa_token, so recovery codes were
// unreachable.
TEST_F(AuthTwoFactorTest, SignInOverTheHourlyCapStillReachesTheRecoveryCodeStep) {
  auto recovery = settings_.EnableTwoFactor(conn(), user_.id, kPassword, "");
  ASSERT_TRUE(recovery.ok());
  // The registration's code and four sign-in codes, a minute apart: the hour's five sends.
  const Millis registered_at = clock_.NowMillis() - kMinute;
  for (int i = 0; i < 4; ++i) {
    (void)Challenge();
    clock_.Advance(kMinute);
  }
  clock_.Advance(10 * kMinute);  // the last code has died
  const auto messages = MessageCount();
  auto capped = Login("ann@example.com", kPassword);
  ASSERT_TRUE(capped.ok()) << capped.error().message;
  ASSERT_TRUE(capped->mfa.has_value());
  EXPECT_EQ(MessageCount(), messages);
  EXPECT_EQ(capped->mfa->verification.expires_at, clock_.NowMillis());  // no live code
  EXPECT_EQ(capped->mfa->verification.resend_after, registered_at + kHour);
  auto session = login_.Finish(conn(), capped->mfa->mfa_token,
                               {SecondFactor::Kind::kRecoveryCode, recovery->at(0)}, {});
  EXPECT_TRUE(session.ok());
}

}  // namespace
}  // namespace careops::auth
