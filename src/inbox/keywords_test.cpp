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

}  // namespace
}  // namespace careops::inbox
