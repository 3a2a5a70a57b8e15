// Status rules: which changes staff may make, and when.

#include "booking/booking_rules.hpp"

#include <gtest/gtest.h>

namespace careops::booking {
namespace {

using S = BookingStatus;
constexpr Millis kStart = 1'000'000;

bool Allowed(S from, S to, Millis now) { return CheckStatusChange(from, to, kStart, now).ok(); }

TEST(BookingRulesTest, ThePathForward) {
  EXPECT_TRUE(Allowed(S::kPending, S::kConfirmed, kStart - 1));
  EXPECT_TRUE(Allowed(S::kPending, S::kCancelled, kStart - 1));
  EXPECT_TRUE(Allowed(S::kConfirmed, S::kCancelled, kStart - 1));
  EXPECT_TRUE(Allowed(S::kConfirmed, S::kCompleted, kStart));
  EXPECT_TRUE(Allowed(S::kConfirmed, S::kNoShow, kStart + 1));
  EXPECT_TRUE(Allowed(S::kConfirmed, S::kConfirmed, kStart - 1));  // nothing changes
}

TEST(BookingRulesTest, CompletedAndNoShowOnlyOnceStarted) {
  for (S to : {S::kCompleted, S::kNoShow}) {
    auto s = CheckStatusChange(S::kConfirmed, to, kStart, kStart - 1);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::kConflict);
    EXPECT_EQ(s.error().field, "status");
    EXPECT_NE(s.error().message.find("started"), std::string::npos);
  }
}

TEST(BookingRulesTest, FinalStatusesNeverChangeAndPendingIsNotSkipped) {
  for (S from : {S::kCancelled, S::kCompleted, S::kNoShow}) {
    for (S to : {S::kPending, S::kConfirmed, S::kCompleted, S::kNoShow, S::kCancelled}) {
      if (from == to) continue;
      auto s = CheckStatusChange(from, to, kStart, kStart + 1);
      ASSERT_FALSE(s.ok());
      EXPECT_EQ(s.error().field, "status");
    }
  }
  EXPECT_FALSE(Allowed(S::kPending, S::kCompleted, kStart + 1));
  EXPECT_FALSE(Allowed(S::kPending, S::kNoShow, kStart + 1));
  EXPECT_FALSE(Allowed(S::kConfirmed, S::kPending, kStart - 1));
}

TEST(BookingRulesTest, CustomersChangeOnlyUpcomingBookingsThatHoldTime) {
  Booking b;
  b.start_at = kStart;
  b.status = S::kConfirmed;
  EXPECT_TRUE(CustomerCanChange(b, kStart - 1));
  EXPECT_FALSE(CustomerCanChange(b, kStart));
  b.status = S::kPending;
  EXPECT_TRUE(CustomerCanChange(b, kStart - 1));
  b.status = S::kCancelled;
  EXPECT_FALSE(CustomerCanChange(b, kStart - 1));
}

}  // namespace
}  // namespace careops::booking
