// Password change, phone change and two-factor settings against a temporary database.

#include "auth/account_service.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "auth/auth_test_fixture.hpp"

namespace careops::auth {
namespace {

constexpr const char* kPassword = "correct horse battery";  // AuthFixture::Register's
constexpr const char* kPhone = "+14155552671";
constexpr const char* kNewPhone = "+14155550123";
using Route = std::tuple<std::string, std::string, std::string>;

class AuthAccountTest : public AuthFixture {
 protected:
  void SetUp() override {
    Registered r = Register("ann@example.com", kPhone);
    user_id_ = r.user.id;
    session_ = r.session;
    ASSERT_TRUE(accounts_.VerifyPhone(conn(), "ann@example.com", LastCode(), "").ok());
    clock_.Advance(kMinute);
  }
  std::vector<std::string> AuditTypes() {
    std::vector<std::string> types;
    for (const auto& e : accounts_.AuditLog(conn(), user_id_)) types.push_back(e.type);
    return types;
  }
  std::int64_t user_id_ = 0;
  SessionTokens session_;
};

TEST_F(AuthAccountTest, ChangePasswordRevokesEverySessionAndTellsTheUser) {
  auto wrong = settings_.ChangePassword(conn(), user_id_, "not it", "a brand new password", "");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().field, "current_password");
  EXPECT_EQ(settings_.ChangePassword(conn(), user_id_, kPassword, "short", "").error().field,
            "new_password");
  ASSERT_TRUE(
      settings_.ChangePassword(conn(), user_id_, kPassword, "a brand new password", "").ok());
  EXPECT_FALSE(sessions_.Resolve(conn(), session_.token).ok());
  EXPECT_EQ(LastMessageRoute(), (Route{"sms", kPhone, "security_notice"}));
  EXPECT_NE(LastMessageBody().find("your password was changed"), std::string::npos);
  EXPECT_FALSE(login_.Login(conn(), {"ann@example.com", kPassword, {}}).ok());
  EXPECT_TRUE(login_.Login(conn(), {"ann@example.com", "a brand new password", {}}).ok());
  const auto types = AuditTypes();
  EXPECT_NE(std::find(types.begin(), types.end(), "password_changed"), types.end());
  EXPECT_NE(std::find(types.begin(), types.end(), "session_revoked"), types.end());
}

TEST_F(AuthAccountTest, WrongPasswordsCountAsFailedSignIns) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(settings_.DisableTwoFactor(conn(), user_id_, "wrong", "").error().code,
              ErrorCode::kInvalidArgument);
  }
  EXPECT_EQ(settings_.DisableTwoFactor(conn(), user_id_, kPassword, "").error().code,
            ErrorCode::kRateLimited);
  EXPECT_EQ(login_.Login(conn(), {"ann@example.com", kPassword, {}}).error().code,
            ErrorCode::kRateLimited);
}

TEST_F(AuthAccountTest, PhoneChangesOnceTheNewNumberIsVerifiedAndTheOldOneIsTold) {
  EXPECT_EQ(settings_.StartPhoneChange(conn(), user_id_, "garbage", kPassword, "").error().field,
            "phone_number");
  EXPECT_EQ(settings_.StartPhoneChange(conn(), user_id_, kNewPhone, "wrong", "").error().field,
            "password");
  EXPECT_EQ(settings_.StartPhoneChange(conn(), user_id_, kPhone, kPassword, "").error().code,
            ErrorCode::kConflict);
  auto sent = settings_.StartPhoneChange(conn(), user_id_, "(415) 555-0123", kPassword, "");
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  EXPECT_EQ(sent->to, "+1•••••••23");
  EXPECT_EQ(LastMessageRoute(), (Route{"sms", kNewPhone, "verification_code"}));
  const std::string code = LastCode();
  EXPECT_EQ(accounts_.Me(conn(), user_id_)->phone_number, kPhone);  // not before verification

  EXPECT_EQ(
      settings_.FinishPhoneChange(conn(), user_id_, code == "000000" ? "111111" : "000000", "")
          .error()
          .message,
      "invalid or expired code");
  auto changed = settings_.FinishPhoneChange(conn(), user_id_, code, "");
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(changed->phone_number, kNewPhone);
  EXPECT_TRUE(changed->is_phone_verified);
  EXPECT_EQ(LastMessageRoute(), (Route{"sms", kPhone, "security_notice"}));
  EXPECT_NE(LastMessageBody().find("+1•••••••23"), std::string::npos);
  EXPECT_EQ(AuditTypes().front(), "phone_changed");
}

// Regression: the 30 s cooldown of a code just sent to the old number (here a password reset
// code) refused the change to a new number.
TEST_F(AuthAccountTest, PhoneChangeIsNotHeldByACodeJustSentToTheOldNumber) {
  ASSERT_TRUE(resets_.Request(conn(), "ann@example.com", "").ok());
  EXPECT_EQ(LastMessageRoute(), (Route{"sms", kPhone, "verification_code"}));
  clock_.Advance(kSecond);
  auto sent = settings_.StartPhoneChange(conn(), user_id_, kNewPhone, kPassword, "");
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  EXPECT_EQ(LastMessageRoute(), (Route{"sms", kNewPhone, "verification_code"}));
}

// Moving on from a number just changed to (or correcting a mistyped one) is not refused:
// the cooldown of change_phone codes is per number; the email's hourly cap still holds.
TEST_F(AuthAccountTest, PhoneChangeRightAfterAnotherChangeIsHeldOnlyPerNumber) {
  constexpr const char* kThirdPhone = "+14155550199";
  ASSERT_TRUE(settings_.StartPhoneChange(conn(), user_id_, kNewPhone, kPassword, "").ok());
  ASSERT_TRUE(settings_.FinishPhoneChange(conn(), user_id_, LastCode(), "").ok());
  clock_.Advance(kSecond);
  auto next = settings_.StartPhoneChange(conn(), user_id_, kThirdPhone, kPassword, "");
  ASSERT_TRUE(next.ok()) << next.error().message;
  auto same_number = settings_.StartPhoneChange(conn(), user_id_, kThirdPhone, kPassword, "");
  ASSERT_FALSE(same_number.ok());
  EXPECT_EQ(same_number.error().code, ErrorCode::kRateLimited);
  // The registration's code and two changes so far; two more numbers reach the cap.
  EXPECT_TRUE(settings_.StartPhoneChange(conn(), user_id_, "+14155550100", kPassword, "").ok());
  EXPECT_TRUE(settings_.StartPhoneChange(conn(), user_id_, "+14155550101", kPassword, "").ok());
  auto capped = settings_.StartPhoneChange(conn(), user_id_, "+14155550102", kPassword, "");
  ASSERT_FALSE(capped.ok());
  EXPECT_EQ(capped.error().code, ErrorCode::kRateLimited);
}

TEST_F(AuthAccountTest, TwoFactorGivesTenSingleUseRecoveryCodes) {
  auto codes = settings_.EnableTwoFactor(conn(), user_id_, kPassword, "");
  ASSERT_TRUE(codes.ok());
  ASSERT_EQ(codes->size(), 10u);
  EXPECT_EQ(std::set<std::string>(codes->begin(), codes->end()).size(), 10u);
  for (const std::string& c : *codes) {
    EXPECT_EQ(c.size(), 9u);
    EXPECT_EQ(c[4], '-');
  }
  // Stored as hashes: no code appears in the table, with or without its dash. (Four
  // characters alone would match a 64-digit hex hash by chance in about one run in ten.)
  for (const auto& row : conn().Query("SELECT code_hash FROM recovery_codes")) {
    for (const std::string& c : *codes) {
      EXPECT_EQ(row.Text(0).find(c), std::string::npos);
      EXPECT_EQ(row.Text(0).find(c.substr(0, 4) + c.substr(5)), std::string::npos);
    }
  }
  EXPECT_TRUE(accounts_.Me(conn(), user_id_)->two_factor_enabled);
  EXPECT_NE(LastMessageBody().find("two-factor sign-in was turned on"), std::string::npos);

  auto outcome = login_.Login(conn(), {"ann@example.com", kPassword, {}});
  ASSERT_TRUE(outcome.ok());
  ASSERT_TRUE(outcome->mfa.has_value());
  const std::string token = outcome->mfa->mfa_token;
  using Kind = SecondFactor::Kind;
  auto bad = login_.Finish(conn(), token, {Kind::kRecoveryCode, "zzzz-zzzz"}, {});
  EXPECT_EQ(bad.error().field, "recovery_code");
  // Case and dashes do not matter.
  std::string typed = codes->at(3);
  typed.erase(4, 1);
  for (char& ch : typed) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  ASSERT_TRUE(login_.Finish(conn(), token, {Kind::kRecoveryCode, typed}, {}).ok());
  // Used once, gone.
  clock_.Advance(kMinute);
  auto again = login_.Login(conn(), {"ann@example.com", kPassword, {}});
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(
      login_.Finish(conn(), again->mfa->mfa_token, {Kind::kRecoveryCode, codes->at(3)}, {}).ok());
  EXPECT_TRUE(
      login_.Finish(conn(), again->mfa->mfa_token, {Kind::kRecoveryCode, codes->at(4)}, {}).ok());
}

TEST_F(AuthAccountTest, TwoFactorNeedsAVerifiedPhoneAndCanBeTurnedOff) {
  ASSERT_TRUE(settings_.EnableTwoFactor(conn(), user_id_, kPassword, "").ok());
  ASSERT_TRUE(settings_.DisableTwoFactor(conn(), user_id_, kPassword, "").ok());
  EXPECT_FALSE(accounts_.Me(conn(), user_id_)->two_factor_enabled);
  EXPECT_EQ(conn().QueryOne("SELECT COUNT(*) FROM recovery_codes")->Int(0), 0);
  EXPECT_TRUE(login_.Login(conn(), {"ann@example.com", kPassword, {}})->session.has_value());

  Registered bob = Register("bob@example.com");
  auto refused = settings_.EnableTwoFactor(conn(), bob.user.id, kPassword, "");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kUnprocessable);
}

}  // namespace
}  // namespace careops::auth
