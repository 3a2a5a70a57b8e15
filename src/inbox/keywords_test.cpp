#include "inbox/keywords.hpp"

#include <gtest/gtest.h>

namespace careops::inbox {
namespace {

TEST(KeywordsTest, WholeBodyKeywordsInAnyCase) {
  for (const char* body : {"STOP", "stop", " Stop. ", "STOPALL", "unsubscribe", "END", "quit",
                           "CANCEL", "optout", "REVOKE"}) {
    EXPECT_EQ(ClassifyKeyword(body), Keyword::kOptOut) << body;
  }
  for (const char* body : {"START", "unstop", "Yes!"}) {
    EXPECT_EQ(ClassifyKeyword(body), Keyword::kOptIn) << body;
  }
  EXPECT_EQ(ClassifyKeyword("help"), Keyword::kHelp);
  EXPECT_EQ(ClassifyKeyword("INFO"), Keyword::kHelp);
}

TEST(KeywordsTest, KeywordsInsideTextAreOrdinaryText) {
  for (const char* body : {"please stop by at 3", "Can I cancel my booking?", "", "   ",
                           "STOP STOP", "C", "X", "stopping"}) {
    EXPECT_EQ(ClassifyKeyword(body), Keyword::kNone) << body;
  }
}

TEST(KeywordsTest, BookingRepliesConfirmAndCancel) {
  for (const char* body : {"C", "c", " confirm ", "Y", "yes", "YES!", "1"}) {
    EXPECT_EQ(ClassifyBookingReply(body), BookingReply::kConfirm) << body;
  }
  for (const char* body : {"X", "x.", "N", "n", "2"}) {
    EXPECT_EQ(ClassifyBookingReply(body), BookingReply::kCancel) << body;
  }
  // The opt-out keywords never touch a booking; neither does text around a letter.
  for (const char* body : {"CANCEL", "STOP", "cancel please", "C X", "no", "3", "", "  "}) {
    EXPECT_EQ(ClassifyBookingReply(body), std::nullopt) << body;
  }
}

}  // namespace
}  // namespace careops::inbox
