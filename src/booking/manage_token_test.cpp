// Manage links: signed, expiring, and refused when altered or made with another key.

#include "booking/manage_token.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/crypto.hpp"
#include "core/random.hpp"

namespace careops::booking {
namespace {

constexpr Millis kStart = 1'772'532'000'000;  // 2026-03-03T10:00:00Z

class ManageTokenTest : public ::testing::Test {
 protected:
  void SetUp() override { InitCrypto(); }
  SecretKey key_{std::string(40, 'k')};
  ManageTokens tokens_{key_};
};

TEST_F(ManageTokenTest, NamesItsBookingUntilSevenDaysAfterTheStart) {
  const std::string token = tokens_.Make(42, kStart);
  EXPECT_TRUE(token.starts_with("42." + std::to_string(kStart + kManageLinkLifetime) + "."));
  EXPECT_EQ(token.find_first_not_of("0123456789abcdef."), std::string::npos) << token;
  auto id = tokens_.Verify(token, kStart);
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(*id, 42);
  EXPECT_TRUE(tokens_.Verify(token, kStart + kManageLinkLifetime - 1).ok());
}

TEST_F(ManageTokenTest, ExpiredIsGone) {
  const std::string token = tokens_.Make(42, kStart);
  auto id = tokens_.Verify(token, kStart + kManageLinkLifetime);
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.error().code, ErrorCode::kGone);
}

TEST_F(ManageTokenTest, AlteredOrForeignTokensAreNotFound) {
  const std::string token = tokens_.Make(42, kStart);
  const std::string signature = token.substr(token.rfind('.') + 1);
  SecretKey other_key(std::string(40, 'o'));
  const std::string expired_forgery =  // an old expiry with a made-up signature: still 404
      "42.1000." + signature;
  for (const std::string& bad :
       {std::string(), std::string("garbage"), std::string("42"), std::string("42.1.2"),
        "43" + token.substr(2),                                        // another booking
        token.substr(0, token.rfind('.') + 1) + std::string(32, '0'),  // another signature
        token.substr(0, token.size() - 1),                             // shortened
        token + "0",                                                   // lengthened
        "042" + token.substr(2),                                       // same number, re-spelled
        "-42" + token.substr(2), expired_forgery,
        ManageTokens(other_key).Make(42, kStart),  // another server's key
        std::string(500, '1')}) {
    auto id = tokens_.Verify(bad, kStart);
    ASSERT_FALSE(id.ok()) << bad;
    EXPECT_EQ(id.error().code, ErrorCode::kNotFound) << bad;
  }
}

TEST_F(ManageTokenTest, TheLinkCarriesTheTokenInTheFragment) {
  EXPECT_EQ(ManageLink("https://ops.example.com/", "1.2.ab"),
            "https://ops.example.com/b#token=1.2.ab");
  EXPECT_EQ(ManageLink("https://ops.example.com", "1.2.ab"),
            "https://ops.example.com/b#token=1.2.ab");
}

}  // namespace
}  // namespace careops::booking
