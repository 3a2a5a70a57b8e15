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

std::optional<std::string> NationalDigitsToE164Prefix(std::string_view digits,
                                                      std::string_view region) {
  if (digits.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  const int country = util.GetCountryCodeForRegion(std::string(region));
  if (country == 0) return std::nullopt;
  std::string trunk;
  util.GetNddPrefixForRegion(std::string(region), /*strip_non_digits=*/true, &trunk);
  if (!trunk.empty() && digits.starts_with(trunk)) digits.remove_prefix(trunk.size());
  return "+" + std::to_string(country) + std::string(digits);
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
