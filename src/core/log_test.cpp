#include "core/log.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace careops::log {
namespace {

TEST(LogFormatTest, TextQuotesValuesThatNeedIt) {
  EXPECT_EQ(FormatEvent(Format::kText, "http", {{"status", "200"}, {"target", "/a b"}}),
            "http status=200 target=\"/a b\"");
}

TEST(LogFormatTest, JsonIsValidAndEscaped) {
  const std::string members =
      FormatEvent(Format::kJson, "say \"hi\"", {{"path", "/x\n\x01"}, {"k", "v"}});
  auto j = nlohmann::json::parse("{" + members + "}");
  EXPECT_EQ(j["msg"], "say \"hi\"");
  EXPECT_EQ(j["path"], "/x\n\x01");
  EXPECT_EQ(j["k"], "v");
}

}  // namespace
}  // namespace careops::log
