#include "auth/credentials.hpp"

#include <gtest/gtest.h>

#include "core/crypto.hpp"
#include "core/random.hpp"

namespace careops::auth {
namespace {

TEST(AuthCredentialsTest, EmailsAreTrimmedAndLowerCased) {
  EXPECT_EQ(NormalizeEmail("  Ann.Lee@Example.COM \n").value(), "ann.lee@example.com");
  for (const char* bad : {"", "ann", "@example.com", "ann@", "ann@example", "a b@example.com",
                          "ann@@example.com", "ann@example.", "ann@ex\x01.com"}) {
    auto r = NormalizeEmail(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "email");
  }
  EXPECT_FALSE(NormalizeEmail(std::string(250, 'a') + "@example.com").ok());
}

TEST(AuthCredentialsTest, PasswordsNeedEightCharactersNotBytes) {
  EXPECT_TRUE(ValidateNewPassword("12345678").ok());
  EXPECT_FALSE(ValidateNewPassword("1234567").ok());
  EXPECT_EQ(ValidateNewPassword("short").error().field, "password");
  EXPECT_EQ(ValidateNewPassword("short", "new_password").error().field, "new_password");
  EXPECT_FALSE(ValidateNewPassword("ééééééé").ok());  // 7 characters in 14 bytes
  EXPECT_TRUE(ValidateNewPassword("éééééééé").ok());
  EXPECT_FALSE(ValidateNewPassword(std::string(1025, 'a')).ok());
}

TEST(AuthCredentialsTest, FullNamesAreTrimmedAndBounded) {
  EXPECT_EQ(NormalizeFullName("  Ann Lee ").value(), "Ann Lee");
  EXPECT_EQ(NormalizeFullName("   ").error().field, "full_name");
  EXPECT_FALSE(NormalizeFullName(std::string(201, 'a')).ok());
  EXPECT_FALSE(NormalizeFullName("Ann\nLee").ok());
}

TEST(AuthCredentialsTest, LimitKeysAreKeyedHashesPerKind) {
  InitCrypto();
  SecretKey key(std::string(64, 'k'));
  const std::string email_key = EmailLimitKey(key, "ann@example.com");
  EXPECT_TRUE(email_key.starts_with("email:"));
  EXPECT_EQ(email_key.find("ann"), std::string::npos);
  EXPECT_EQ(email_key, EmailLimitKey(key, "ann@example.com"));
  EXPECT_NE(email_key, EmailLimitKey(SecretKey(std::string(64, 'x')), "ann@example.com"));
  EXPECT_EQ(PhoneLimitKey(key, "+14155552671").find("4155552671"), std::string::npos);
  EXPECT_TRUE(IpLimitKey(key, "127.0.0.1").starts_with("ip:"));
}

}  // namespace
}  // namespace careops::auth
