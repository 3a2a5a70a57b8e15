#pragma once
// Small text helpers shared by every feature. Pure functions; thread-safe. ASCII only: case
// folding leaves non-ASCII bytes (UTF-8) as they are.

#include <string>
#include <string_view>

namespace careops {

// `s` without leading and trailing spaces, tabs, CR and LF.
std::string_view TrimView(std::string_view s);
std::string Trim(std::string_view s);
// `s` with A-Z turned into a-z.
std::string AsciiLower(std::string_view s);

}  // namespace careops
