#include "http/url.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace careops::http {
namespace {

using std::string_literals::operator""s;

struct TargetCase {
  std::string_view target;
  std::string raw_path;
  std::string path;
  std::string query;
};

TEST(ParseTargetTest, AcceptsOriginForm) {
  const std::vector<TargetCase> cases = {
      {"/", "/", "/", ""},
      {"/api/status", "/api/status", "/api/status", ""},
      {"/api/status?", "/api/status", "/api/status", ""},
      {"/a?x=1&y=2", "/a", "/a", "x=1&y=2"},
      {"/a?x=1?y", "/a", "/a", "x=1?y"},  // only the first '?' splits
      {"/a#frag", "/a", "/a", ""},
      {"/a?q=1#frag?x", "/a", "/a", "q=1"},
      {"/a%20b", "/a%20b", "/a b", ""},
      {"/a+b", "/a+b", "/a+b", ""},  // '+' is not a space in a path
      {"/caf%C3%A9", "/caf%C3%A9", "/caf\xC3\xA9", ""},
      {"/%e2%9c%93/%F0%9F%98%80", "/%e2%9c%93/%F0%9F%98%80", "/\xE2\x9C\x93/\xF0\x9F\x98\x80", ""},
      {"/files/a%2Fb", "/files/a%2Fb", "/files/a/b", ""},
      {"/%2e%2e/x", "/%2e%2e/x", "/../x", ""},  // decoded, not resolved: callers reject ".."
      {"//evil.example/x", "//evil.example/x", "//evil.example/x", ""},
      {"/q?a=%zz", "/q", "/q", "a=%zz"},  // the query is validated by ParseQuery
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.target);
    Result<Target> t = ParseTarget(c.target);
    ASSERT_TRUE(t.ok()) << t.error().message;
    EXPECT_EQ(t->raw_path, c.raw_path);
    EXPECT_EQ(t->path, c.path);
    EXPECT_EQ(t->query, c.query);
  }
}

struct BadTargetCase {
  std::string target;
  std::string field;
  std::string message_part;
};

TEST(ParseTargetTest, RefusesHostileOrMalformedTargets) {
  const std::vector<BadTargetCase> cases = {
      {"", "target", "empty"},
      {"*", "target", "starting with '/'"},
      {"http://example.com/a", "target", "starting with '/'"},
      {"example.com:443", "target", "starting with '/'"},
      {"a/b", "target", "starting with '/'"},
      {"/a b", "target", "control character or space"},
      {"/a\tb", "target", "control character or space"},
      {"/a\r\nX-Injected: 1", "target", "control character or space"},
      {"/a\0b"s, "target", "control character or space"},
      {"/a\x7F", "target", "control character or space"},
      {"/q?x=\n", "target", "control character or space"},
      {"/%zz", "path", "percent-escape"},
      {"/%4", "path", "percent-escape"},
      {"/%", "path", "percent-escape"},
      {"/a%g0", "path", "percent-escape"},
      {"/a%0", "path", "percent-escape"},
      {"/a%00b", "path", "NUL"},
      {"/a%0Ab", "path", "control character"},
      {"/a%0d%0aSet-Cookie:x", "path", "control character"},
      {"/a%7F", "path", "control character"},
      {"/" + std::string(kMaxPathBytes, 'a'), "path", "longer than"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.target.substr(0, 40));
    Result<Target> t = ParseTarget(c.target);
    ASSERT_FALSE(t.ok());
    EXPECT_EQ(t.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(t.error().field, c.field);
    EXPECT_NE(t.error().message.find(c.message_part), std::string::npos) << t.error().message;
  }
}

TEST(ParseTargetTest, PathLimitCountsRawBytesBeforeTheQuery) {
  const std::string longest = "/" + std::string(kMaxPathBytes - 1, 'a');
  EXPECT_TRUE(ParseTarget(longest).ok());
  EXPECT_TRUE(ParseTarget(longest + "?" + std::string(kMaxPathBytes, 'q')).ok());
  EXPECT_FALSE(ParseTarget(longest + "a").ok());
}

struct DecodeCase {
  std::string_view in;
  bool plus_as_space;
  std::optional<std::string> out;
};

TEST(PercentDecodeTest, Table) {
  const std::vector<DecodeCase> cases = {
      {"", false, ""},
      {"plain", false, "plain"},
      {"a%20b", false, "a b"},
      {"a+b", false, "a+b"},
      {"a+b", true, "a b"},
      {"a%2Bb", true, "a+b"},  // an encoded plus stays a plus
      {"%41%42%43", false, "ABC"},
      {"%e2%82%ac", false, "\xE2\x82\xAC"},  // lowercase hex
      {"%E2%82%AC", false, "\xE2\x82\xAC"},
      {"%00", false, "\0"s},  // any byte may result; callers decide
      {"%FF", false, "\xFF"},
      {"%25", false, "%"},
      {"%2525", false, "%25"},  // decoded once only
      {"%", false, std::nullopt},
      {"%4", false, std::nullopt},
      {"abc%", false, std::nullopt},
      {"abc%4", false, std::nullopt},
      {"%zz", false, std::nullopt},
      {"%4g", false, std::nullopt},
      {"%g4", false, std::nullopt},
      {"% 4", false, std::nullopt},
      {"%-1", false, std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(PercentDecode(c.in, c.plus_as_space), c.out);
  }
}

TEST(PercentEncodeTest, KeepsUnreservedAndEncodesEverythingElseUppercase) {
  EXPECT_EQ(PercentEncode(""), "");
  EXPECT_EQ(PercentEncode("AZaz09-._~"), "AZaz09-._~");
  EXPECT_EQ(PercentEncode("a b+c/d?e&f=g#h%"), "a%20b%2Bc%2Fd%3Fe%26f%3Dg%23h%25");
  EXPECT_EQ(PercentEncode("caf\xC3\xA9"), "caf%C3%A9");
  EXPECT_EQ(PercentEncode("\0\x7F\xFF"s), "%00%7F%FF");
}

TEST(PercentEncodeTest, RoundTripsEveryByte) {
  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  const std::string encoded = PercentEncode(all);
  EXPECT_EQ(PercentDecode(encoded, false), all);
  EXPECT_EQ(PercentDecode(encoded, true), all);  // no '+' survives encoding
}

struct QueryCase {
  std::string_view in;
  QueryParams out;
};

TEST(ParseQueryTest, Table) {
  const std::vector<QueryCase> cases = {
      {"", {}},
      {"&&&", {}},
      {"a=1", {{"a", "1"}}},
      {"a=1&b=2", {{"a", "1"}, {"b", "2"}}},
      {"a=1&&b=2&", {{"a", "1"}, {"b", "2"}}},
      {"flag", {{"flag", ""}}},
      {"flag&a=", {{"flag", ""}, {"a", ""}}},
      {"=v", {{"", "v"}}},
      {"a=1=2", {{"a", "1=2"}}},  // only the first '=' splits
      {"a=1&a=2", {{"a", "1"}, {"a", "2"}}},
      {"q=hello+world", {{"q", "hello world"}}},
      {"q=1%2B1%3D2", {{"q", "1+1=2"}}},
      {"my+key=x", {{"my key", "x"}}},
      {"a%26b=c%3Dd", {{"a&b", "c=d"}}},
      // A Twilio-style inbound SMS form body: UTF-8 and a newline in the text.
      {"From=%2B15551234567&Body=Caf%C3%A9+ok%3F%0Ayes&NumMedia=0",
       {{"From", "+15551234567"}, {"Body", "Caf\xC3\xA9 ok?\nyes"}, {"NumMedia", "0"}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.in);
    Result<QueryParams> params = ParseQuery(c.in);
    ASSERT_TRUE(params.ok()) << params.error().message;
    EXPECT_EQ(*params, c.out);
  }
}

TEST(ParseQueryTest, RefusesBadEscapesInNamesOrValues) {
  for (std::string_view in : {"a=%zz", "a=%4", "a=1&b=%", "%zz=1", "%=1", "ok=1&bad%2=2"}) {
    SCOPED_TRACE(in);
    Result<QueryParams> params = ParseQuery(in);
    ASSERT_FALSE(params.ok());
    EXPECT_EQ(params.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(params.error().field, "query");
  }
}

TEST(FindParamTest, ReturnsFirstMatchOnly) {
  const QueryParams params = {{"a", "1"}, {"b", ""}, {"a", "2"}};
  EXPECT_EQ(FindParam(params, "a"), "1");
  EXPECT_EQ(FindParam(params, "b"), "");
  EXPECT_EQ(FindParam(params, "c"), std::nullopt);
  EXPECT_EQ(FindParam(params, "A"), std::nullopt);  // names are case-sensitive
  EXPECT_EQ(FindParam({}, "a"), std::nullopt);
}

struct SplitCase {
  std::string_view in;
  std::vector<std::string_view> out;
};

TEST(SplitPathTest, Table) {
  const std::vector<SplitCase> cases = {
      {"", {}},
      {"/", {}},
      {"/a", {"a"}},
      {"/a/b", {"a", "b"}},
      {"/a/b/", {"a", "b", ""}},
      {"//", {"", ""}},
      {"/a//b", {"a", "", "b"}},
      {"/api/workspaces/12/members", {"api", "workspaces", "12", "members"}},
      {"a/b", {"a", "b"}},  // no leading '/': nothing to skip
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(SplitPath(c.in), c.out);
  }
}

TEST(SplitPathTest, EncodedSlashStaysInsideItsSegmentWhenSegmentsAreDecodedSeparately) {
  Result<Target> target = ParseTarget("/files/a%2Fb/caf%C3%A9");
  ASSERT_TRUE(target.ok());
  const std::vector<std::string_view> raw = SplitPath(target->raw_path);
  ASSERT_EQ(raw.size(), 3u);
  EXPECT_EQ(raw[1], "a%2Fb");
  EXPECT_EQ(PercentDecode(raw[1], false), "a/b");
  EXPECT_EQ(PercentDecode(raw[2], false), "caf\xC3\xA9");
  // Splitting the decoded path instead would have produced four segments.
  EXPECT_EQ(SplitPath(target->path).size(), 4u);
}

TEST(QueryParamTest, IntParamInKeepsToItsRangeAndNamesTheParameter) {
  const QueryParams q = {{"limit", "50"}, {"big", "501"}, {"word", "ten"}, {"empty", ""}};
  EXPECT_EQ(IntParamIn(q, "limit", 1, 500).value(), 50);
  EXPECT_FALSE(IntParamIn(q, "absent", 1, 500).value());
  EXPECT_FALSE(IntParamIn(q, "empty", 1, 500).value());
  auto big = IntParamIn(q, "big", 1, 500);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().field, "big");
  EXPECT_EQ(big.error().message, "big must be a number from 1 to 500");
  EXPECT_EQ(IntParamIn(q, "word", 1, 500).error().field, "word");
}

TEST(QueryParamTest, FlagParamReadsOneZeroTrueFalseOnly) {
  const QueryParams q = {{"a", "1"}, {"b", "true"}, {"c", "0"}, {"d", "false"}, {"e", "yes"}};
  EXPECT_TRUE(FlagParam(q, "a").value());
  EXPECT_TRUE(FlagParam(q, "b").value());
  EXPECT_FALSE(FlagParam(q, "c").value());
  EXPECT_FALSE(FlagParam(q, "d").value());
  EXPECT_FALSE(FlagParam(q, "absent").value());
  EXPECT_EQ(FlagParam(q, "e").error().field, "e");
}

}  // namespace
}  // namespace careops::http
