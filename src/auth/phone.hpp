#pragma once
// Phone numbers through libphonenumber. Pure functions; thread-safe.

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace careops::auth {

// Parses `input` ("(415) 555-2671" needs `default_region`, an ISO 3166 code such as "US";
// "+44 7911 123456" does not) and returns it in E.164 ("+14155552671"). Only numbers that can
// receive SMS are accepted: MOBILE, and FIXED_LINE_OR_MOBILE (libphonenumber's answer for
// every US number). Anything else is InvalidArgument with field "phone_number".
Result<std::string> NormalizePhone(std::string_view input, std::string_view default_region);

// The start of the E.164 form of a partly typed national number, for prefix search: `digits`
// (only 0-9) read in `region`, its national trunk prefix dropped: "0791" in GB -> "+44791",
// "415" in US -> "+1415". nullopt for an unknown region or digits that are not all digits.
std::optional<std::string> NationalDigitsToE164Prefix(std::string_view digits,
                                                      std::string_view region);

// "+14155552671" -> "+1•••••••71": the country code, a fixed seven bullets (so the mask does
// not reveal the length) and the last two digits. For showing where a code went.
std::string MaskPhone(std::string_view e164);

}  // namespace careops::auth
