// The field rules of contacts and the stored form of tags: pure functions.

#include "contacts/contact_rules.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "contacts/model.hpp"

namespace careops::contacts {
namespace {

using Tags = std::vector<std::string>;

TEST(ContactRulesTest, NameIsTrimmedTextOfAtMost200Characters) {
  EXPECT_EQ(NormalizeName("  Ann Lee \n").value(), "Ann Lee");
  EXPECT_EQ(NormalizeName("").value(), "");
  EXPECT_EQ(NormalizeName(std::string(200, 'a')).value().size(), 200u);
  // 200 two-byte characters are 400 bytes, and still 200 characters.
  std::string umlauts;
  for (int i = 0; i < 200; ++i) umlauts += "\xC3\xBC";
  EXPECT_TRUE(NormalizeName(umlauts).ok());
  EXPECT_EQ(NormalizeName(std::string(201, 'a')).error().field, "name");
  EXPECT_EQ(NormalizeName("Ann\x01Lee").error().field, "name");
  EXPECT_EQ(NormalizeName("M\xFCller").error().field, "name") << "Latin-1, not UTF-8";
  EXPECT_FALSE(NormalizeName("\xC0\xAF").ok()) << "overlong";
  EXPECT_FALSE(NormalizeName("\xED\xA0\x80").ok()) << "surrogate";
  EXPECT_FALSE(NormalizeName("\xE2\x82").ok()) << "truncated";
}

TEST(ContactRulesTest, EmailIsLowerCasedAndEmptyMeansNone) {
  EXPECT_EQ(NormalizeContactEmail("  Ann@Example.COM ").value(), "ann@example.com");
  EXPECT_EQ(NormalizeContactEmail("  ").value(), std::nullopt);
  auto bad = NormalizeContactEmail("not an email");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "email");
}

TEST(ContactRulesTest, PhoneBecomesE164InTheWorkspaceRegion) {
  EXPECT_EQ(NormalizeContactPhone("(415) 555-2671", "US").value(), "+14155552671");
  EXPECT_EQ(NormalizeContactPhone("07911 123456", "GB").value(), "+447911123456");
  EXPECT_EQ(NormalizeContactPhone("+1 415 555 2671", "GB").value(), "+14155552671");
  EXPECT_EQ(NormalizeContactPhone("", "US").value(), std::nullopt);
  auto landline = NormalizeContactPhone("+44 20 7946 0958", "US");
  ASSERT_FALSE(landline.ok());
  EXPECT_EQ(landline.error().field, "phone");
}

TEST(ContactRulesTest, TagsAreLowerCasedSortedAndUnique) {
  EXPECT_EQ(NormalizeTags({"VIP", " new ", "vip", "a_b-1"}).value(), (Tags{"a_b-1", "new", "vip"}));
  EXPECT_EQ(NormalizeTags({}).value(), Tags{});
  EXPECT_EQ(NormalizeTags({std::string(40, 'x')}).value().size(), 1u);
  for (const Tags& bad :
       {Tags{""}, Tags{"two words"}, Tags{"a,b"}, Tags{"é"}, Tags{std::string(41, 'x')}}) {
    auto r = NormalizeTags(bad);
    ASSERT_FALSE(r.ok()) << bad[0];
    EXPECT_EQ(r.error().field, "tags");
  }
  Tags twenty, twenty_one;
  for (int i = 0; i < 21; ++i) (i < 20 ? twenty : twenty_one).push_back("t" + std::to_string(i));
  twenty_one.insert(twenty_one.end(), twenty.begin(), twenty.end());
  EXPECT_TRUE(NormalizeTags(twenty).ok());
  EXPECT_FALSE(NormalizeTags(twenty_one).ok());
  twenty.push_back("T0");  // a duplicate does not count twice
  EXPECT_TRUE(NormalizeTags(twenty).ok());
}

TEST(ContactRulesTest, NotesKeepLineBreaksUpTo5000Characters) {
  EXPECT_EQ(NormalizeNotes("line 1\nline 2").value(), "line 1\nline 2");
  EXPECT_TRUE(NormalizeNotes(std::string(5000, 'n')).ok());
  EXPECT_EQ(NormalizeNotes(std::string(5001, 'n')).error().field, "notes");
  EXPECT_EQ(NormalizeNotes("\xFF").error().field, "notes");
}

TEST(ContactRulesTest, TagCellsSplitOnSemicolonsAndBars) {
  EXPECT_EQ(SplitTagList("vip; new|x"), (Tags{"vip", " new", "x"}));
  EXPECT_EQ(SplitTagList(" ; |"), Tags{});
  EXPECT_EQ(SplitTagList(""), Tags{});
}

TEST(ContactRulesTest, AContactNeedsAnEmailOrAPhone) {
  Contact c;
  EXPECT_EQ(RequireEmailOrPhone(c).error().field, "email");
  c.phone = "+14155552671";
  EXPECT_TRUE(RequireEmailOrPhone(c).ok());
}

TEST(ContactModelTest, TagsAreStoredCommaFramedAndReadBack) {
  EXPECT_EQ(EncodeTags({"vip", "new", "vip"}), ",new,vip,");
  EXPECT_EQ(EncodeTags({}), "");
  EXPECT_EQ(EncodeTags({""}), "");
  EXPECT_EQ(DecodeTags(",new,vip,"), (Tags{"new", "vip"}));
  EXPECT_EQ(DecodeTags(""), Tags{});
  EXPECT_EQ(DecodeTags(",,a,,"), Tags{"a"});
  EXPECT_EQ(DecodeTags(EncodeTags({"b", "a"})), (Tags{"a", "b"}));
}

}  // namespace
}  // namespace careops::contacts
