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

TEST(TextTest, CodePointsCountsUtf8Characters) {
  EXPECT_EQ(CodePoints(""), 0u);
  EXPECT_EQ(CodePoints("abc"), 3u);
  EXPECT_EQ(CodePoints("Zoë"), 3u);               // ë is two bytes
  EXPECT_EQ(CodePoints("\xF0\x9F\x98\x80"), 1u);  // one emoji, four bytes
}

TEST(TextTest, HasControlCharsAllowsLineBreaksOnlyWhenAsked) {
  EXPECT_FALSE(HasControlChars("plain text", false));
  EXPECT_TRUE(HasControlChars("two\nlines", false));
  EXPECT_FALSE(HasControlChars("two\r\nlines\tand a tab", true));
  EXPECT_TRUE(HasControlChars(std::string_view("nul\0", 4), true));
  EXPECT_TRUE(HasControlChars("del\x7F", true));
}

}  // namespace
}  // namespace careops
