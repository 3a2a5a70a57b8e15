#include "auth/phone.hpp"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

namespace careops::auth {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr std::size_t kMaxInputBytes = 64;
constexpr std::string_view kBullets = "•••••••";

Error Invalid(std::string message) {
  return Error::InvalidArgument(std::move(message), "phone_number");
}

}  // namespace

Result<std::string> NormalizePhone(std::string_view input, std::string_view default_region) {
  if (input.empty() || input.size() > kMaxInputBytes) {
    return Invalid("phone_number is not a valid phone number");
  }
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util.Parse(std::string(input), std::string(default_region), &number) !=
      PhoneNumberUtil::NO_PARSING_ERROR) {
    return Invalid("phone_number is not a valid phone number (use the international format, +1…)");
  }
  if (!util.IsValidNumber(number)) return Invalid("phone_number is not a valid phone number");
  const auto type = util.GetNumberType(number);
  if (type != PhoneNumberUtil::MOBILE && type != PhoneNumberUtil::FIXED_LINE_OR_MOBILE) {
    return Invalid("phone_number must be a mobile number that can receive SMS");
  }
  std::string e164;
  util.Format(number, PhoneNumberUtil::E164, &e164);
  return e164;
}

std::string MaskPhone(std::string_view e164) {
  const std::string_view last_two = e164.size() >= 2 ? e164.substr(e164.size() - 2) : e164;
  PhoneNumber number;
  std::string prefix;
  if (PhoneNumberUtil::GetInstance()->Parse(std::string(e164), "ZZ", &number) ==
      PhoneNumberUtil::NO_PARSING_ERROR) {
    prefix = "+" + std::to_string(number.country_code());
  } else {
    prefix = std::string(e164.substr(0, std::min<std::size_t>(2, e164.size())));
  }
  return prefix + std::string(kBullets) + std::string(last_two);
}

}  // namespace careops::auth
