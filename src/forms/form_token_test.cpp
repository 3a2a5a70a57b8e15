// Form links: signed, URL-safe, and refused when altered or made with another key.

#include "forms/form_token.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/crypto.hpp"
#include "core/random.hpp"

namespace careops::forms {
namespace {

class FormTokenTest : public ::testing::Test {
 protected:
  void SetUp() override { InitCrypto(); }
  SecretKey key_{std::string(40, 'k')};
  FormTokens tokens_{key_};
};

TEST_F(FormTokenTest, NamesItsRequest) {
  const std::string token = tokens_.Make(42);
  EXPECT_TRUE(token.starts_with("42."));
  EXPECT_EQ(token.size(), 3u + 32u);
  EXPECT_EQ(token.find_first_not_of("0123456789abcdef."), std::string::npos) << token;
  auto id = tokens_.Verify(token);
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(*id, 42);
}

TEST_F(FormTokenTest, AlteredOrForeignTokensAreUnknown) {
  const std::string token = tokens_.Make(42);
  std::string other_id = token;
  other_id[1] = '3';  // "43.<signature of 42>"
  std::string flipped = token;
  flipped.back() = flipped.back() == 'a' ? 'b' : 'a';
  SecretKey other_key{std::string(40, 'o')};
  const std::string foreign = FormTokens(other_key).Make(42);
  for (const std::string& bad :
       {other_id, flipped, foreign, std::string(), std::string("42"), std::string("42."),
        std::string(".") + token.substr(3), "042" + token.substr(2), "-42" + token.substr(2),
        token + "0", std::string(200, '1'),
        std::string("99999999999999999999.") + token.substr(3)}) {
    auto id = tokens_.Verify(bad);
    ASSERT_FALSE(id.ok()) << bad;
    EXPECT_EQ(id.error().code, ErrorCode::kNotFound) << bad;
  }
}

TEST_F(FormTokenTest, LinkCarriesTheTokenInTheFragment) {
  EXPECT_EQ(FormLink("https://care.example/", "7.abc"), "https://care.example/f#token=7.abc");
  EXPECT_EQ(FormLink("http://127.0.0.1:8080", "7.abc"), "http://127.0.0.1:8080/f#token=7.abc");
}

}  // namespace
}  // namespace careops::forms
