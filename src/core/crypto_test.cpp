#include "core/crypto.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/random.hpp"

namespace careops {
namespace {

class CryptoTest : public ::testing::Test {
 protected:
  void SetUp() override { InitCrypto(); }
};

TEST_F(CryptoTest, KeyedHashDependsOnKeyPurposeAndData) {
  SecretKey a(std::string(40, 'a')), b(std::string(40, 'b'));
  EXPECT_EQ(a.KeyedHash("code", "123456"), a.KeyedHash("code", "123456"));
  EXPECT_EQ(a.KeyedHash("code", "123456").size(), 64u);
  EXPECT_NE(a.KeyedHash("code", "123456"), a.KeyedHash("code", "123457"));
  EXPECT_NE(a.KeyedHash("code", "123456"), a.KeyedHash("session", "123456"));
  EXPECT_NE(a.KeyedHash("code", "123456"), b.KeyedHash("code", "123456"));
}

TEST_F(CryptoTest, SealOpensOnlyWithSameKeyAndPurpose) {
  SecretKey a(std::string(40, 'a')), b(std::string(40, 'b'));
  const std::string sealed = a.Seal("twilio", "auth-token-123");
  EXPECT_EQ(sealed.find("auth-token"), std::string::npos);
  EXPECT_EQ(a.Open("twilio", sealed), "auth-token-123");
  EXPECT_NE(a.Seal("twilio", "x"), a.Seal("twilio", "x")) << "nonces must differ";
  EXPECT_FALSE(b.Open("twilio", sealed));
  EXPECT_FALSE(a.Open("smtp", sealed));
  std::string tampered = sealed;
  tampered[tampered.size() / 2] = tampered[tampered.size() / 2] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(a.Open("twilio", tampered));
  EXPECT_FALSE(a.Open("twilio", "not base64!"));
  EXPECT_FALSE(a.Open("twilio", ""));
}

TEST_F(CryptoTest, ShortSecretRefused) { EXPECT_THROW(SecretKey("short"), std::invalid_argument); }

TEST_F(CryptoTest, RandomDigitsAreDigitsAndVary) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const std::string d = RandomDigits(6);
    ASSERT_EQ(d.size(), 6u);
    for (char c : d) ASSERT_TRUE(c >= '0' && c <= '9');
    seen.insert(d);
  }
  EXPECT_GT(seen.size(), 45u);
}

TEST_F(CryptoTest, ConstantTimeEquals) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "ab"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
}

TEST_F(CryptoTest, TwilioSignatureTestVector) {
  // TWILIO.md: the documented example, recomputed.
  const std::string data =
      "https://mycompany.com/myapp.php?foo=1&bar=2"
      "CallSidCA1234567890ABCDECaller+12349013030Digits1234From+12349013030To+18005551212";
  EXPECT_EQ(HmacSha1Base64("12345", data), "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
}

}  // namespace
}  // namespace careops
