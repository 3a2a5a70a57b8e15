// Password reset by SMS code or email link against a temporary database.

#include "auth/password_reset_service.hpp"

#include <gtest/gtest.h>

#include "auth/auth_test_fixture.hpp"
#include "auth/credentials.hpp"

namespace careops::auth {
namespace {

constexpr const char* kPassword = "correct horse battery";  // AuthFixture::Register's
constexpr const char* kNewPassword = "a brand new password";
using Route = std::tuple<std::string, std::string, std::string>;

class AuthPasswordResetTest : public AuthFixture {
 protected:
  Status Confirm(const std::string& email, const std::string& code) {
    return resets_.Confirm(conn(), email, code, kNewPassword, "");
  }
  // The token of the newest reset email's link.
  std::string LinkToken() {
    const std::string body = LastMessageBody();
    const std::string marker = "https://ops.example.com/reset-password#token=";
    const auto at = body.find(marker);
    if (at == std::string::npos) return {};
    return body.substr(at + marker.size(), body.find('\n', at) - at - marker.size());
  }
};

TEST_F(AuthPasswordResetTest, VerifiedPhoneGetsAnSmsCode) {
  Registered r = Register("ann@example.com", "+14155552671");
  ASSERT_TRUE(accounts_.VerifyPhone(conn(), "ann@example.com", LastCode(), "").ok());
  clock_.Advance(kMinute);
  ASSERT_TRUE(resets_.Request(conn(), "ann@example.com", "").ok());
  EXPECT_EQ(LastMessageRoute(), (Route{"sms", "+14155552671", "verification_code"}));
  EXPECT_NE(LastMessageBody().find("password reset code"), std::string::npos);
  const std::string code = LastCode();
  EXPECT_EQ(Confirm("ann@example.com", code == "000000" ? "111111" : "000000").error().message,
            "invalid or expired code");
  ASSERT_TRUE(Confirm("ann@example.com", code).ok());
  EXPECT_FALSE(sessions_.Resolve(conn(), r.session.token).ok());
  EXPECT_EQ(LastMessageRoute(), (Route{"sms", "+14155552671", "security_notice"}));
  EXPECT_FALSE(login_.Login(conn(), {"ann@example.com", kPassword, {}}).ok());
  EXPECT_TRUE(login_.Login(conn(), {"ann@example.com", kNewPassword, {}}).ok());
  bool audited = false;
  for (const auto& e : accounts_.AuditLog(conn(), r.user.id)) audited |= e.type == "password_reset";
  EXPECT_TRUE(audited);
}

TEST_F(AuthPasswordResetTest, WithoutAVerifiedPhoneAnEmailLinkIsSentAndWorksOnce) {
  Register("ann@example.com", "+14155552671");  // phone given but never verified
  clock_.Advance(kMinute);
  ASSERT_TRUE(resets_.Request(conn(), "ann@example.com", "").ok());
  EXPECT_EQ(LastMessageRoute(), (Route{"email", "ann@example.com", "password_reset"}));
  const std::string token = LinkToken();
  ASSERT_GE(token.size(), 43u);
  EXPECT_EQ(conn().QueryOne("SELECT sensitive FROM messages ORDER BY id DESC")->Int(0), 1);
  EXPECT_FALSE(Confirm("bob@example.com", token).ok());  // another email: no
  ASSERT_TRUE(Confirm("ann@example.com", token).ok());
  EXPECT_EQ(LastMessageRoute(), (Route{"email", "ann@example.com", "security_notice"}));
  EXPECT_EQ(Confirm("ann@example.com", token).error().message, "invalid or expired code");
}

TEST_F(AuthPasswordResetTest, LinksExpireAndOnlyTheNewestWorks) {
  Register("ann@example.com");
  ASSERT_TRUE(resets_.Request(conn(), "ann@example.com", "").ok());
  const std::string first = LinkToken();
  clock_.Advance(kMinute);
  ASSERT_TRUE(resets_.Request(conn(), "ann@example.com", "").ok());
  const std::string second = LinkToken();
  EXPECT_FALSE(Confirm("ann@example.com", first).ok());
  clock_.Advance(30 * kMinute);
  EXPECT_FALSE(Confirm("ann@example.com", second).ok());
}

TEST_F(AuthPasswordResetTest, UnknownEmailsAreAnsweredAlike) {
  Register("ann@example.com");
  const auto messages = MessageCount();
  for (int i = 0; i < 3; ++i) {  // inside the cooldown too
    EXPECT_TRUE(resets_.Request(conn(), "ann@example.com", "").ok()) << i;
    EXPECT_TRUE(resets_.Request(conn(), "nobody@example.com", "").ok()) << i;
  }
  EXPECT_EQ(MessageCount(), messages + 1);
  EXPECT_EQ(Confirm("ann@example.com", "123456").error().message,
            Confirm("nobody@example.com", "123456").error().message);
  EXPECT_EQ(resets_.Confirm(conn(), "ann@example.com", "x", "short", "").error().field,
            "new_password");
}

// Regression: a known email inside the send cooldown was answered 429, an unknown one Ok.
TEST_F(AuthPasswordResetTest, RequestInsideTheCooldownIsAcceptedSendsNothingAndIsAudited) {
  Registered r = Register("ann@example.com", "+14155552671");
  ASSERT_TRUE(accounts_.VerifyPhone(conn(), "ann@example.com", LastCode(), "").ok());
  clock_.Advance(kMinute);
  ASSERT_TRUE(resets_.Request(conn(), "ann@example.com", "").ok());
  const std::string code = LastCode();
  const auto messages = MessageCount();
  clock_.Advance(10 * kSecond);
  Status known = resets_.Request(conn(), "ann@example.com", "");
  EXPECT_TRUE(known.ok()) << known.error().message;
  EXPECT_EQ(MessageCount(), messages);  // nothing sent
  const auto events = accounts_.AuditLog(conn(), r.user.id);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].type, "code_not_sent");
  EXPECT_EQ(events[0].detail, "password_reset to +1•••••••71: send limits");
  // Past the hourly cap too.
  for (int i = 0; i < 6; ++i) {
    clock_.Advance(31 * kSecond);
    EXPECT_TRUE(resets_.Request(conn(), "ann@example.com", "").ok()) << i;
  }
  EXPECT_EQ(MessageCount(), messages + 3);  // 5 sends an hour: registration's and 4 resets
  // The code that went out still works.
  EXPECT_FALSE(Confirm("ann@example.com", code).ok());  // replaced by newer ones
  EXPECT_TRUE(Confirm("ann@example.com", LastCode()).ok());
}

TEST_F(AuthPasswordResetTest, EmailLinkInsideTheCooldownIsAcceptedSendsNothingAndIsAudited) {
  Registered r = Register("ann@example.com");
  ASSERT_TRUE(resets_.Request(conn(), "ann@example.com", "").ok());
  const std::string token = LinkToken();
  const auto messages = MessageCount();
  clock_.Advance(10 * kSecond);
  EXPECT_TRUE(resets_.Request(conn(), "ann@example.com", "").ok());
  EXPECT_EQ(MessageCount(), messages);
  EXPECT_EQ(accounts_.AuditLog(conn(), r.user.id).at(0).type, "code_not_sent");
  EXPECT_TRUE(Confirm("ann@example.com", token).ok());  // the link sent stays valid
}

// Every email is counted alike under its own key, also when the account's number is capped,
// so later answers sharing that key (resend-sms) cannot tell known from unknown.
TEST_F(AuthPasswordResetTest, KnownAndUnknownEmailsAreCountedAlikeWhenTheNumberIsCapped) {
  constexpr const char* kPhone = "+14155552671";
  Register("ann@example.com", kPhone);
  ASSERT_TRUE(accounts_.VerifyPhone(conn(), "ann@example.com", LastCode(), "").ok());
  clock_.Advance(kHour);  // the registration's send no longer counts
  {
    // The number meets its hourly cap through other accounts' codes.
    db::Transaction tx(conn());
    for (int i = 0; i < 5; ++i) {
      conn().Execute("INSERT INTO code_sends (limit_key, sent_at) VALUES (?, ?)",
                     {PhoneLimitKey(key_, kPhone), clock_.NowMillis()});
    }
    tx.Commit();
  }
  for (int i = 0; i < 4; ++i) {
    clock_.Advance(kMinute);
    ASSERT_TRUE(resets_.Request(conn(), "ann@example.com", "").ok());
    ASSERT_TRUE(resets_.Request(conn(), "nobody@example.com", "").ok());
  }
  clock_.Advance(kMinute);
  auto known = accounts_.ResendPhoneCode(conn(), "ann@example.com", "");
  auto unknown = accounts_.ResendPhoneCode(conn(), "nobody@example.com", "");
  ASSERT_TRUE(known.ok());
  ASSERT_TRUE(unknown.ok());
  EXPECT_EQ(known->resend_after, unknown->resend_after);
  clock_.Advance(kMinute);
  auto known_capped = accounts_.ResendPhoneCode(conn(), "ann@example.com", "");
  auto unknown_capped = accounts_.ResendPhoneCode(conn(), "nobody@example.com", "");
  ASSERT_FALSE(unknown_capped.ok());
  ASSERT_FALSE(known_capped.ok());
  EXPECT_EQ(known_capped.error().retry_after_seconds, unknown_capped.error().retry_after_seconds);
}

TEST_F(AuthPasswordResetTest, CodeChecksAndSignInsAreCountedApart) {
  Register("ann@example.com");
  // Nine failed code checks do not lock the account's sign-in, and vice versa.
  for (int i = 0; i < 9; ++i) ASSERT_FALSE(Confirm("ann@example.com", "123456").ok());
  EXPECT_TRUE(login_.Login(conn(), {"ann@example.com", kPassword, {}}).ok());
  for (int i = 0; i < 4; ++i) (void)login_.Login(conn(), {"ann@example.com", "wrong", {}});
  EXPECT_EQ(Confirm("ann@example.com", "123456").error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace careops::auth
