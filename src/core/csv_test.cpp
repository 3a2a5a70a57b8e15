#include "core/csv.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace careops::csv {
namespace {

using Fields = std::vector<std::string>;

std::vector<Record> ReadAll(std::string_view text) {
  Reader reader(text);
  std::vector<Record> out;
  Record record;
  while (reader.Next(record)) out.push_back(record);
  return out;
}

TEST(CsvReaderTest, ReadsPlainRecordsWithTheirLines) {
  auto records = ReadAll("name,email\nAnn,ann@example.com\nBob,bob@example.com\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields, (Fields{"name", "email"}));
  EXPECT_EQ(records[1].fields, (Fields{"Ann", "ann@example.com"}));
  EXPECT_EQ(records[2].line, 3u);
  for (const auto& r : records) EXPECT_TRUE(r.error.empty());
}

TEST(CsvReaderTest, AcceptsCrlfLfAndLoneCrAndNoFinalLineBreak) {
  auto records = ReadAll("a,b\r\nc,d\ne,f\rg,h");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].fields, (Fields{"a", "b"}));
  EXPECT_EQ(records[1].fields, (Fields{"c", "d"}));
  EXPECT_EQ(records[2].fields, (Fields{"e", "f"}));
  EXPECT_EQ(records[3].fields, (Fields{"g", "h"}));
  EXPECT_EQ(records[3].line, 4u);
}

TEST(CsvReaderTest, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  auto records = ReadAll("\"Lee, Ann\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nnext,\"\",x\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{"Lee, Ann", "say \"hi\"", "two\nlines"}));
  EXPECT_EQ(records[1].fields, (Fields{"next", "", "x"}));
  EXPECT_EQ(records[1].line, 3u) << "the line break inside quotes counts as a physical line";
}

TEST(CsvReaderTest, CrlfInsideQuotesIsKeptAndCountedOnce) {
  auto records = ReadAll("\"a\r\nb\r\nc\",d\r\ne,f\r\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{"a\r\nb\r\nc", "d"}));
  EXPECT_EQ(records[1].line, 4u);
}

TEST(CsvReaderTest, EmptyFieldsAndTrailingComma) {
  auto records = ReadAll(",a,\n,\nb,");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields, (Fields{"", "a", ""}));
  EXPECT_EQ(records[1].fields, (Fields{"", ""}));
  EXPECT_EQ(records[2].fields, (Fields{"b", ""}));
}

TEST(CsvReaderTest, SkipsTheByteOrderMarkAndEmptyLines) {
  auto records = ReadAll("\xEF\xBB\xBFname\n\n\r\nAnn\n\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{"name"}));
  EXPECT_EQ(records[1].fields, (Fields{"Ann"}));
  EXPECT_EQ(records[1].line, 4u);
  EXPECT_TRUE(ReadAll("").empty());
  EXPECT_TRUE(ReadAll("\xEF\xBB\xBF").empty());
  EXPECT_TRUE(ReadAll("\n\r\n\r").empty());
}

TEST(CsvReaderTest, AQuoteInsideAnUnquotedFieldIsText) {
  auto records = ReadAll("5\" screen,a\"b\"\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_TRUE(records[0].error.empty());
  EXPECT_EQ(records[0].fields, (Fields{"5\" screen", "a\"b\""}));
}

TEST(CsvReaderTest, AnUnclosedQuoteCostsOnlyItsLine) {
  auto records = ReadAll("h1,h2\nok,1\n\"broken,2\nfine,3\nalso,4\n");
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[2].line, 3u);
  EXPECT_EQ(records[2].error, "a quoted field is not closed");
  EXPECT_EQ(records[3].fields, (Fields{"fine", "3"}));
  EXPECT_EQ(records[3].line, 4u);
  EXPECT_TRUE(records[3].error.empty());
  EXPECT_EQ(records[4].line, 5u);
}

TEST(CsvReaderTest, AnUnclosedQuoteOnTheLastLine) {
  auto records = ReadAll("a\n\"never closed");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_FALSE(records[1].error.empty());
}

TEST(CsvReaderTest, TextAfterAClosingQuoteIsAnErrorAndTheLineIsSkipped) {
  auto records = ReadAll("\"ab\"c,d\nnext,1\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].line, 1u);
  EXPECT_EQ(records[0].error, "unexpected text after a closing quote");
  EXPECT_EQ(records[1].fields, (Fields{"next", "1"}));
  EXPECT_EQ(records[1].line, 2u);
}

TEST(CsvReaderTest, AStrayQuoteClosedOnALaterLineCostsOnlyItsLine) {
  // The quote opened on line 2 "closes" at the quote before Carl on line 3.
  auto records = ReadAll("h1,h2\n\"stray,1\ncarl,\"Carl, Jr.\"\nnext,2\n");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_EQ(records[1].error, "a quoted field is not closed");
  EXPECT_EQ(records[2].line, 3u);
  EXPECT_TRUE(records[2].error.empty());
  EXPECT_EQ(records[2].fields, (Fields{"carl", "Carl, Jr."}));
  EXPECT_EQ(records[3].line, 4u);
}

TEST(CsvReaderTest, ReadsTheRecordStorageAgain) {
  Reader reader("a,b,c\nd\n");
  Record record;
  ASSERT_TRUE(reader.Next(record));
  ASSERT_TRUE(reader.Next(record));
  EXPECT_EQ(record.fields, (Fields{"d"}));
  EXPECT_FALSE(reader.Next(record));
  EXPECT_FALSE(reader.Next(record)) << "stays at the end";
}

TEST(CsvWriterTest, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(EscapeCell("plain"), "plain");
  EXPECT_EQ(EscapeCell(""), "");
  EXPECT_EQ(EscapeCell("Lee, Ann"), "\"Lee, Ann\"");
  EXPECT_EQ(EscapeCell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(EscapeCell("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(EscapeCell(" padded"), "\" padded\"");
}

TEST(CsvWriterTest, FormulaLikeCellsGetAnApostrophe) {
  EXPECT_EQ(EscapeCell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(EscapeCell("+14155552671"), "'+14155552671");
  EXPECT_EQ(EscapeCell("-2+3"), "'-2+3");
  EXPECT_EQ(EscapeCell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(EscapeCell("\tcmd"), "'\tcmd");
  EXPECT_EQ(EscapeCell("a=b"), "a=b") << "only the first character counts";
}

TEST(CsvWriterTest, RowsEndWithCrlfAndReadBack) {
  Writer writer;
  writer.Row({"name", "notes"});
  const std::vector<std::string> cells = {"Lee, Ann", "line 1\nline \"2\""};
  writer.Row(cells);
  EXPECT_EQ(writer.text(), "name,notes\r\n\"Lee, Ann\",\"line 1\nline \"\"2\"\"\"\r\n");
  auto records = ReadAll(writer.text());
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields, cells);
}

}  // namespace
}  // namespace careops::csv
