// Codes and their limits against a temporary database (AuthFixture).

#include "auth/code_service.hpp"

#include <gtest/gtest.h>

#include "auth/auth_test_fixture.hpp"
#include "auth/credentials.hpp"

namespace careops::auth {
namespace {

constexpr const char* kPhone = "+14155552671";

class CodeServiceTest : public AuthFixture {
 protected:
  void SetUp() override { user_id_ = InsertUser({"ann@example.com", "x", "Ann", kPhone}); }
  CodeRequest Request(CodePurpose purpose = CodePurpose::kVerifyPhone) {
    return {user_id_,
            purpose,
            kPhone,
            {EmailLimitKey(key_, "ann@example.com"), PhoneLimitKey(key_, kPhone)},
            "203.0.113.7"};
  }
  Result<Verification> Issue(CodePurpose purpose = CodePurpose::kVerifyPhone) {
    db::Transaction tx(conn());
    auto sent = codes_.Issue(conn(), Request(purpose));
    tx.Commit();
    return sent;
  }
  Result<VerificationCode> Verify(std::string_view code,
                                  CodePurpose purpose = CodePurpose::kVerifyPhone) {
    db::Transaction tx(conn());
    auto verified = codes_.Verify(conn(), user_id_, purpose, code, "203.0.113.7");
    tx.Commit();
    return verified;
  }
  static std::string Wrong(const std::string& code) {
    std::string wrong = code;
    wrong[0] = wrong[0] == '9' ? '0' : static_cast<char>(wrong[0] + 1);
    return wrong;
  }
  void ExpectInvalidCode(const Result<VerificationCode>& r) {
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().message, "invalid or expired code");
    EXPECT_EQ(r.error().field, "code");
  }
  std::int64_t user_id_ = 0;
};

TEST_F(CodeServiceTest, IssuedCodeIsSentSealedUrgentAndVerifiesOnce) {
  auto sent = Issue();
  ASSERT_TRUE(sent.ok());
  EXPECT_EQ(sent->to, "+1•••••••71");
  EXPECT_EQ(sent->expires_at, clock_.NowMillis() + 10 * kMinute);
  EXPECT_EQ(sent->resend_after, clock_.NowMillis() + 30 * kSecond);
  const std::string code = LastCode();
  ASSERT_EQ(code.size(), 6u);
  auto row =
      conn().QueryOne("SELECT to_address, priority, kind, user_id, sensitive, body FROM messages");
  EXPECT_EQ(row->Text(0), kPhone);
  EXPECT_EQ(row->Int(1), 0);  // Priority::kUrgent
  EXPECT_EQ(row->Text(2), "verification_code");
  EXPECT_EQ(row->Int(3), user_id_);
  EXPECT_EQ(row->Int(4), 1);
  EXPECT_EQ(row->Text(5).find(code), std::string::npos) << "the stored body must be sealed";
  EXPECT_EQ(conn().QueryOne("SELECT code_hash FROM verification_codes")->Text(0).size(), 64u);

  auto verified = Verify(code);
  ASSERT_TRUE(verified.ok());
  EXPECT_EQ(verified->target, kPhone);
  ExpectInvalidCode(Verify(code));  // single use
}

TEST_F(CodeServiceTest, FifthWrongTryKillsTheCode) {
  ASSERT_TRUE(Issue().ok());
  const std::string code = LastCode();
  for (int i = 0; i < 5; ++i) ExpectInvalidCode(Verify(Wrong(code)));
  ExpectInvalidCode(Verify(code));
  EXPECT_EQ(conn().QueryOne("SELECT attempts FROM verification_codes")->Int(0), 5);
}

TEST_F(CodeServiceTest, FourWrongTriesLeaveTheCodeAlive) {
  ASSERT_TRUE(Issue().ok());
  const std::string code = LastCode();
  for (int i = 0; i < 4; ++i) ExpectInvalidCode(Verify(Wrong(code)));
  EXPECT_TRUE(Verify(code).ok());
}

TEST_F(CodeServiceTest, CodesExpireAfterTenMinutes) {
  ASSERT_TRUE(Issue().ok());
  const std::string code = LastCode();
  clock_.Advance(10 * kMinute + kSecond);
  ExpectInvalidCode(Verify(code));
}

TEST_F(CodeServiceTest, GuessesAndMalformedCodesFail) {
  ASSERT_TRUE(Issue().ok());
  const std::string code = LastCode();
  for (std::string guess : {"000000", "123456", "999999", "", "12345", "1234567", "abcdef"}) {
    if (guess == code) continue;
    ExpectInvalidCode(Verify(guess));
  }
  EXPECT_EQ(conn().QueryOne("SELECT attempts FROM verification_codes")->Int(0), 5);
}

TEST_F(CodeServiceTest, OnlyTheNewestCodeCountsAndPurposesDoNotMix) {
  ASSERT_TRUE(Issue().ok());
  const std::string first = LastCode();
  clock_.Advance(31 * kSecond);
  ASSERT_TRUE(Issue().ok());
  const std::string second = LastCode();
  if (first != second) ExpectInvalidCode(Verify(first));
  ExpectInvalidCode(Verify(second, CodePurpose::kLogin2fa));
  EXPECT_TRUE(Verify(second).ok());
}

TEST_F(CodeServiceTest, ResendCooldownIsThirtySeconds) {
  ASSERT_TRUE(Issue().ok());
  clock_.Advance(10 * kSecond);
  auto early = Issue();
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, ErrorCode::kRateLimited);
  EXPECT_EQ(early.error().retry_after_seconds, 20);
  EXPECT_EQ(MessageCount(), 1);
  clock_.Advance(20 * kSecond);
  EXPECT_TRUE(Issue().ok());
}

TEST_F(CodeServiceTest, CooldownIsPerPurposeButTheHourlyCapSpansPurposes) {
  // A code for one purpose does not hold back a code for another 30 s later...
  ASSERT_TRUE(Issue(CodePurpose::kVerifyPhone).ok());
  clock_.Advance(kSecond);
  for (CodePurpose other :
       {CodePurpose::kLogin2fa, CodePurpose::kPasswordReset, CodePurpose::kChangePhone}) {
    auto sent = Issue(other);
    ASSERT_TRUE(sent.ok()) << PurposeName(other) << ": " << sent.error().message;
    clock_.Advance(kSecond);
  }
  // ...but a second code of the same purpose waits out that purpose's cooldown.
  auto again = Issue(CodePurpose::kVerifyPhone);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().retry_after_seconds, 26);
  clock_.Advance(26 * kSecond);
  ASSERT_TRUE(Issue(CodePurpose::kVerifyPhone).ok());  // the 5th send this hour
  // The hourly cap counts every purpose: a 6th send of any purpose is refused.
  clock_.Advance(kMinute);
  auto capped = Issue(CodePurpose::kLogin2fa);
  ASSERT_FALSE(capped.ok());
  EXPECT_EQ(capped.error().code, ErrorCode::kRateLimited);
  EXPECT_EQ(capped.error().retry_after_seconds, 3600 - 90);  // until the first send is 1 h old
  EXPECT_EQ(MessageCount(), 5);
}

TEST_F(CodeServiceTest, AtMostFiveSendsPerNumberPerHour) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(Issue().ok()) << i;
    clock_.Advance(kMinute);
  }
  auto capped = Issue();
  ASSERT_FALSE(capped.ok());
  EXPECT_EQ(capped.error().code, ErrorCode::kRateLimited);
  EXPECT_EQ(capped.error().retry_after_seconds, 55 * 60);  // until the first send is an hour old
  // Another account's code to the same number is capped too (the cap is per number).
  auto other_user = InsertUser({"bob@example.com", "x", "Bob", kPhone});
  db::Transaction tx(conn());
  auto other =
      codes_.Issue(conn(), {other_user,
                            CodePurpose::kVerifyPhone,
                            kPhone,
                            {EmailLimitKey(key_, "bob@example.com"), PhoneLimitKey(key_, kPhone)},
                            ""});
  EXPECT_FALSE(other.ok());
  tx.Commit();
  clock_.Advance(55 * kMinute);
  EXPECT_TRUE(Issue().ok());
}

TEST_F(CodeServiceTest, EveryPurposeWorksTheSameWay) {
  for (CodePurpose purpose :
       {CodePurpose::kLogin2fa, CodePurpose::kPasswordReset, CodePurpose::kChangePhone}) {
    clock_.Advance(kMinute);
    ASSERT_TRUE(Issue(purpose).ok());
    EXPECT_TRUE(Verify(LastCode(), purpose).ok()) << PurposeName(purpose);
  }
}

TEST_F(CodeServiceTest, SendsAndChecksAreAudited) {
  ASSERT_TRUE(Issue().ok());
  ExpectInvalidCode(Verify(Wrong(LastCode())));
  ASSERT_TRUE(Verify(LastCode()).ok());
  std::vector<std::string> types;
  for (const auto& row : conn().Query("SELECT type, detail FROM audit_events ORDER BY id")) {
    types.push_back(row.Text(0));
    EXPECT_EQ(row.Text(1).find(LastCode()), std::string::npos);
  }
  EXPECT_EQ(types, (std::vector<std::string>{"code_sent", "code_failed", "code_verified"}));
}

}  // namespace
}  // namespace careops::auth
