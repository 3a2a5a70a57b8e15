#include "auth/phone.hpp"

#include <gtest/gtest.h>

namespace careops::auth {
namespace {

struct PhoneCase {
  const char* input;
  const char* region;
  const char* e164;  // nullptr: refused with field phone_number
};

TEST(PhoneTest, NormalizesMobileNumbersAndRefusesTheRest) {
  const PhoneCase cases[] = {
      {"(415) 555-2671", "US", "+14155552671"},  // national US format, default region
      {"415.555.2671", "US", "+14155552671"},
      {"+1 415 555 2671", "GB", "+14155552671"},   // international ignores the region
      {"+44 7911 123456", "US", "+447911123456"},  // UK mobile
      {"07911 123456", "GB", "+447911123456"},     // UK national format
      {"+44 20 7946 0958", "US", nullptr},         // London landline: cannot get SMS
      {"+1 800 555 0199", "US", nullptr},          // toll free
      {"hello", "US", nullptr},                    // garbage
      {"", "US", nullptr},
      {"+1 415 555", "US", nullptr},    // too short
      {"4155552671", "", nullptr},      // national without a region
      {"+99912345678", "US", nullptr},  // no such country code
  };
  for (const auto& c : cases) {
    auto result = NormalizePhone(c.input, c.region);
    if (c.e164 != nullptr) {
      ASSERT_TRUE(result.ok()) << c.input << ": " << result.error().message;
      EXPECT_EQ(*result, c.e164) << c.input;
    } else {
      ASSERT_FALSE(result.ok()) << c.input << " was accepted as " << *result;
      EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
      EXPECT_EQ(result.error().field, "phone_number") << c.input;
    }
  }
}

TEST(PhoneTest, RefusesOverlongInput) {
  EXPECT_FALSE(NormalizePhone(std::string(1000, '1'), "US").ok());
}

TEST(PhoneTest, MaskShowsCountryCodeAndLastTwoDigitsOnly) {
  EXPECT_EQ(MaskPhone("+14155552671"), "+1•••••••71");
  EXPECT_EQ(MaskPhone("+447911123456"), "+44•••••••56");
}

TEST(PhoneTest, NationalDigitsBecomeTheStartOfE164) {
  EXPECT_EQ(NationalDigitsToE164Prefix("415", "US"), "+1415");
  EXPECT_EQ(NationalDigitsToE164Prefix("1415", "US"), "+1415");   // trunk prefix 1 dropped
  EXPECT_EQ(NationalDigitsToE164Prefix("0791", "GB"), "+44791");  // trunk prefix 0 dropped
  EXPECT_EQ(NationalDigitsToE164Prefix("", "DE"), "+49");
  EXPECT_EQ(NationalDigitsToE164Prefix("41a", "US"), std::nullopt);
  EXPECT_EQ(NationalDigitsToE164Prefix("415", "ZZ"), std::nullopt);
}

}  // namespace
}  // namespace careops::auth
