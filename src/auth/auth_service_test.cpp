// Registration and phone verification against a temporary database (AuthFixture).

#include "auth/auth_service.hpp"

#include <gtest/gtest.h>

#include "auth/auth_test_fixture.hpp"

namespace careops::auth {
namespace {

constexpr const char* kPhone = "+14155552671";

class AuthServiceTest : public AuthFixture {
 protected:
  Status VerifyPhone(std::string_view email, std::string_view code) {
    return accounts_.VerifyPhone(conn(), email, code, "203.0.113.7");
  }
  Result<Verification> Resend(std::string_view email) {
    return accounts_.ResendPhoneCode(conn(), email, "203.0.113.7");
  }
  static std::string Describe(const Status& s) {
    if (s.ok()) return "ok";
    return std::string(ErrorCodeName(s.error().code)) + "|" + s.error().message + "|" +
           s.error().field.value_or("") + "|" + std::to_string(s.error().retry_after_seconds);
  }
  template <typename T>
  static std::string Describe(const Result<T>& r) {
    if (!r.ok()) return Describe(Status(r.error()));
    return "ok";
  }
};

TEST_F(AuthServiceTest, RegisterWithPhoneSendsACodeAndSignsIn) {
  Registered r = Register("  Ann@Example.com ", "(415) 555-2671");
  EXPECT_EQ(r.user.email, "ann@example.com");
  EXPECT_EQ(r.user.phone_number, kPhone);
  EXPECT_FALSE(r.user.is_phone_verified);
  EXPECT_TRUE(r.user.password_hash.starts_with("$argon2id$"));
  ASSERT_TRUE(r.verification.has_value());
  EXPECT_EQ(r.verification->to, "+1•••••••71");
  EXPECT_TRUE(sessions_.Resolve(conn(), r.session.token).ok());
  EXPECT_EQ(MessageCount(), 1);
  EXPECT_EQ(wakes_.load(), 1);

  ASSERT_TRUE(VerifyPhone("ann@example.com", LastCode()).ok());
  EXPECT_TRUE(accounts_.Me(conn(), r.user.id)->is_phone_verified);
}

TEST_F(AuthServiceTest, RegisterWithoutPhoneSendsNothing) {
  Registered r = Register("ann@example.com");
  EXPECT_FALSE(r.verification.has_value());
  EXPECT_FALSE(r.user.phone_number.has_value());
  EXPECT_EQ(MessageCount(), 0);
  EXPECT_EQ(wakes_.load(), 0);
}

TEST_F(AuthServiceTest, RegisterValidatesEachField) {
  struct Case {
    RegisterRequest request;
    ErrorCode code;
    const char* field;
  };
  Register("taken@example.com");
  const Case cases[] = {
      {{"nope", "correct horse", "Ann", {}, {}}, ErrorCode::kInvalidArgument, "email"},
      {{"ann@example.com", "short", "Ann", {}, {}}, ErrorCode::kInvalidArgument, "password"},
      {{"ann@example.com", "correct horse", " ", {}, {}}, ErrorCode::kInvalidArgument, "full_name"},
      {{"ann@example.com", "correct horse", "Ann", "+44 20 7946 0958", {}},
       ErrorCode::kInvalidArgument,
       "phone_number"},
      {{"ann@example.com", "correct horse", "Ann", "garbage", {}},
       ErrorCode::kInvalidArgument,
       "phone_number"},
      {{"TAKEN@example.com", "correct horse", "Ann", {}, {}}, ErrorCode::kConflict, "email"},
  };
  for (const auto& c : cases) {
    auto r = accounts_.Register(conn(), c.request);
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.error().code, c.code) << c.field;
    EXPECT_EQ(r.error().field, c.field);
  }
  EXPECT_EQ(conn().QueryOne("SELECT COUNT(*) FROM users")->Int(0), 1);
  // A blank phone is the same as none.
  auto blank = accounts_.Register(conn(), {"blank@example.com", "correct horse", "B", " ", {}});
  ASSERT_TRUE(blank.ok());
  EXPECT_FALSE(blank->user.phone_number.has_value());
}

TEST_F(AuthServiceTest, RegisterRefusedWhenTheNumberIsCappedCreatesNothing) {
  Register("ann@example.com", kPhone);
  auto second = accounts_.Register(conn(), {"bob@example.com", "correct horse", "Bob", kPhone, {}});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::kRateLimited);
  EXPECT_EQ(conn().QueryOne("SELECT COUNT(*) FROM users")->Int(0), 1);
}

TEST_F(AuthServiceTest, UnknownEmailsGetTheSameAnswersAsKnownOnes) {
  Register("ann@example.com", kPhone);
  const std::string code = LastCode();
  const std::string wrong = code == "111111" ? "222222" : "111111";
  // Verify: the same 400 for a known account with a wrong code and for nobody.
  EXPECT_EQ(Describe(VerifyPhone("ann@example.com", wrong)),
            Describe(VerifyPhone("nobody@example.com", wrong)));
  // Resend: within the cooldown of registration the known account is limited; after it both
  // answer alike, then both are limited alike.
  clock_.Advance(31 * kSecond);
  auto known = Resend("ann@example.com");
  auto unknown = Resend("nobody@example.com");
  ASSERT_TRUE(known.ok());
  ASSERT_TRUE(unknown.ok());
  EXPECT_EQ(known->to, unknown->to);
  EXPECT_EQ(known->expires_at, unknown->expires_at);
  EXPECT_EQ(known->resend_after, unknown->resend_after);
  clock_.Advance(5 * kSecond);
  EXPECT_EQ(Describe(Resend("ann@example.com")), Describe(Resend("nobody@example.com")));
  EXPECT_EQ(Describe(Resend("ann@example.com")).substr(0, 12), "rate_limited");
  // Only the real account got messages: the registration code and one resend.
  EXPECT_EQ(MessageCount(), 2);
}

TEST_F(AuthServiceTest, ResendForAVerifiedPhoneSendsNothingButAnswersAlike) {
  Register("ann@example.com", kPhone);
  ASSERT_TRUE(VerifyPhone("ann@example.com", LastCode()).ok());
  clock_.Advance(31 * kSecond);
  EXPECT_TRUE(Resend("ann@example.com").ok());
  EXPECT_EQ(MessageCount(), 1);
  EXPECT_FALSE(VerifyPhone("ann@example.com", LastCode()).ok());
}

// Regression: the cooldown of a code of another purpose held back a verify_phone resend.
TEST_F(AuthServiceTest, ResendIsNotHeldByARecentCodeOfAnotherPurpose) {
  Register("ann@example.com", kPhone);
  clock_.Advance(31 * kSecond);
  for (const char* email : {"ann@example.com", "nobody@example.com"}) {
    ASSERT_TRUE(resets_.Request(conn(), email, "").ok());  // an email link / nothing
  }
  clock_.Advance(kSecond);
  EXPECT_EQ(Describe(Resend("ann@example.com")), "ok");
  EXPECT_EQ(Describe(Resend("nobody@example.com")), "ok");
  EXPECT_EQ(LastMessageRoute(), (std::tuple<std::string, std::string, std::string>{
                                    "sms", kPhone, "verification_code"}));
}

TEST_F(AuthServiceTest, ClientsThatKeepTryingAreRefusedWith429) {
  Register("ann@example.com", kPhone);
  const std::string code = LastCode();
  const std::string wrong = code == "111111" ? "222222" : "111111";
  for (const char* email : {"ann@example.com", "nobody@example.com"}) {
    for (int i = 0; i < kCodeCheckPolicy.max_failures; ++i) {
      Status s = VerifyPhone(email, wrong);
      ASSERT_EQ(s.error().code, ErrorCode::kInvalidArgument) << email << " try " << i;
    }
    Status refused = VerifyPhone(email, code);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kRateLimited) << email;
    EXPECT_EQ(refused.error().retry_after_seconds, 60);
  }
  // Once the lock ends, a new code (the old one died at its 5th wrong try) works.
  clock_.Advance(kMinute);
  ASSERT_TRUE(Resend("ann@example.com").ok());
  EXPECT_TRUE(VerifyPhone("ann@example.com", LastCode()).ok());
}

TEST_F(AuthServiceTest, AuditLogListsOwnEventsNewestFirst) {
  Registered r = Register("ann@example.com", kPhone);
  ASSERT_TRUE(VerifyPhone("ann@example.com", LastCode()).ok());
  const auto events = accounts_.AuditLog(conn(), r.user.id);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].type, "code_verified");
  EXPECT_EQ(events[1].type, "code_sent");
  EXPECT_EQ(events[1].ip, "203.0.113.7");
}

}  // namespace
}  // namespace careops::auth
