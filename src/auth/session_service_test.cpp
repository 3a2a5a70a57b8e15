#include "auth/session_service.hpp"

#include <gtest/gtest.h>

#include "auth/auth_test_fixture.hpp"

namespace careops::auth {
namespace {

class SessionServiceTest : public AuthFixture {
 protected:
  void SetUp() override { user_id_ = InsertUser({"ann@example.com", "x", "Ann", {}}); }
  SessionTokens Create() { return sessions_.Create(conn(), user_id_, {"198.51.100.1", "curl"}); }
  std::int64_t user_id_ = 0;
};

TEST_F(SessionServiceTest, TokensAreRandomAndStoredOnlyAsKeyedHashes) {
  const SessionTokens a = Create();
  const SessionTokens b = Create();
  EXPECT_GE(a.token.size(), 43u);  // 32 bytes, base64url
  EXPECT_NE(a.token, b.token);
  EXPECT_NE(a.token, a.csrf_token);
  EXPECT_EQ(a.expires_at, clock_.NowMillis() + 30 * kDay);
  for (const auto& row : conn().Query("SELECT token_hash, csrf_hash FROM sessions")) {
    for (const std::string& secret : {a.token, a.csrf_token, b.token, b.csrf_token}) {
      EXPECT_NE(row.Text(0), secret);
      EXPECT_NE(row.Text(1), secret);
    }
  }
  auto resolved = sessions_.Resolve(conn(), a.token);
  ASSERT_TRUE(resolved.ok());
  EXPECT_EQ(resolved->id, a.session_id);
  EXPECT_EQ(resolved->user_id, user_id_);
  EXPECT_TRUE(sessions_.CsrfMatches(*resolved, a.csrf_token));
  EXPECT_FALSE(sessions_.CsrfMatches(*resolved, b.csrf_token));
  EXPECT_FALSE(sessions_.CsrfMatches(*resolved, ""));
}

TEST_F(SessionServiceTest, UnknownRevokedExpiredAndInactiveAreRefused) {
  const SessionTokens a = Create();
  EXPECT_EQ(sessions_.Resolve(conn(), "not-a-token").error().code, ErrorCode::kUnauthenticated);
  EXPECT_FALSE(sessions_.Resolve(conn(), "").ok());

  conn().Execute("UPDATE users SET is_active = 0");
  EXPECT_FALSE(sessions_.Resolve(conn(), a.token).ok());
  conn().Execute("UPDATE users SET is_active = 1");
  EXPECT_TRUE(sessions_.Resolve(conn(), a.token).ok());

  clock_.Advance(30 * kDay);
  EXPECT_FALSE(sessions_.Resolve(conn(), a.token).ok());

  const SessionTokens b = Create();
  ASSERT_TRUE(sessions_.Revoke(conn(), user_id_, b.session_id, "", "test").ok());
  EXPECT_FALSE(sessions_.Resolve(conn(), b.token).ok());
  EXPECT_EQ(sessions_.Revoke(conn(), user_id_, b.session_id, "", "test").error().code,
            ErrorCode::kNotFound);
}

TEST_F(SessionServiceTest, LastSeenIsWrittenAtMostOnceAMinute) {
  const SessionTokens a = Create();
  const Millis start = clock_.NowMillis();
  auto last_seen = [&] {
    return conn()
        .QueryOne("SELECT last_seen_at FROM sessions WHERE id = ?", {a.session_id})
        ->Int(0);
  };
  clock_.Advance(59 * kSecond);
  ASSERT_TRUE(sessions_.Resolve(conn(), a.token).ok());
  EXPECT_EQ(last_seen(), start);
  clock_.Advance(kSecond);
  ASSERT_TRUE(sessions_.Resolve(conn(), a.token).ok());
  EXPECT_EQ(last_seen(), start + kMinute);
}

TEST_F(SessionServiceTest, RevokeOnlyOwnSessionsAndAllButCurrent) {
  const SessionTokens a = Create(), b = Create(), c = Create();
  auto other = InsertUser({"bob@example.com", "x", "Bob", {}});
  EXPECT_EQ(sessions_.Revoke(conn(), other, a.session_id, "", "test").error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(sessions_.List(conn(), user_id_).size(), 3u);
  EXPECT_EQ(sessions_.RevokeAllExcept(conn(), user_id_, b.session_id, "", "test"), 2);
  const auto left = sessions_.List(conn(), user_id_);
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].id, b.session_id);
  EXPECT_EQ(left[0].ip, "198.51.100.1");
  EXPECT_EQ(left[0].user_agent, "curl");
  EXPECT_FALSE(sessions_.Resolve(conn(), c.token).ok());
  EXPECT_EQ(sessions_.RevokeAllExcept(conn(), user_id_, 0, "", "password changed"), 1);
  EXPECT_TRUE(sessions_.List(conn(), user_id_).empty());
}

}  // namespace
}  // namespace careops::auth
