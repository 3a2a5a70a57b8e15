#include "core/text.hpp"

#include <gtest/gtest.h>

namespace careops {
namespace {

TEST(TextTest, TrimRemovesSpacesTabsAndLineEndsAtBothEnds) {
  EXPECT_EQ(Trim("  a b \t\r\n"), "a b");
  EXPECT_EQ(Trim("\n\t "), "");
  EXPECT_EQ(TrimView(""), "");
  EXPECT_EQ(TrimView("x"), "x");
}

TEST(TextTest, AsciiLowerLeavesOtherBytesAlone) {
  EXPECT_EQ(AsciiLower("Ann@Example.COM"), "ann@example.com");
  EXPECT_EQ(AsciiLower("ÉMILE"), "Émile");  // É is two UTF-8 bytes, kept
}

}  // namespace
}  // namespace careops
