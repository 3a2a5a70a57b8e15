#include "auth/throttle.hpp"

#include <gtest/gtest.h>

#include "auth/auth_test_fixture.hpp"

namespace careops::auth {
namespace {

class AuthThrottleTest : public AuthFixture {
 protected:
  Throttle throttle_{{"test", 5, 15 * kMinute, kMinute, kHour}, clock_};
};

TEST_F(AuthThrottleTest, LocksAtTheLimitAndDoublesWithFurtherFailures) {
  for (int i = 0; i < 4; ++i) throttle_.RecordFailure(conn(), "k");
  EXPECT_EQ(throttle_.LockedFor(conn(), "k"), 0);
  throttle_.RecordFailure(conn(), "k");
  EXPECT_EQ(throttle_.LockedFor(conn(), "k"), kMinute);
  clock_.Advance(kMinute);
  EXPECT_EQ(throttle_.LockedFor(conn(), "k"), 0);
  throttle_.RecordFailure(conn(), "k");
  EXPECT_EQ(throttle_.LockedFor(conn(), "k"), 2 * kMinute);
  clock_.Advance(2 * kMinute);
  throttle_.RecordFailure(conn(), "k");
  EXPECT_EQ(throttle_.LockedFor(conn(), "k"), 4 * kMinute);
  EXPECT_EQ(throttle_.LockedFor(conn(), "other"), 0);
}

TEST_F(AuthThrottleTest, LocksAreCappedAndQuietTimeAfterTheLockForgets) {
  for (int i = 0; i < 20; ++i) throttle_.RecordFailure(conn(), "k");
  EXPECT_EQ(throttle_.LockedFor(conn(), "k"), kHour);
  // A lock longer than the forget period must not reset the count when it ends.
  clock_.Advance(kHour);
  throttle_.RecordFailure(conn(), "k");
  EXPECT_EQ(throttle_.LockedFor(conn(), "k"), kHour);
  clock_.Advance(kHour + 15 * kMinute);
  throttle_.RecordFailure(conn(), "k");
  EXPECT_EQ(throttle_.LockedFor(conn(), "k"), 0);
}

TEST_F(AuthThrottleTest, ResetForgetsAndRetryAfterRoundsUp) {
  for (int i = 0; i < 5; ++i) throttle_.RecordFailure(conn(), "k");
  throttle_.Reset(conn(), "k");
  EXPECT_EQ(throttle_.LockedFor(conn(), "k"), 0);
  EXPECT_EQ(Throttled(1, "x").retry_after_seconds, 1);
  EXPECT_EQ(Throttled(1001, "x").retry_after_seconds, 2);
  EXPECT_EQ(Throttled(60000, "x").code, ErrorCode::kRateLimited);
}

}  // namespace
}  // namespace careops::auth
