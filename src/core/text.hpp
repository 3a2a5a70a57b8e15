#pragma once
// Small text helpers shared by every feature. Pure functions; thread-safe. ASCII only: case
// folding leaves non-ASCII bytes (UTF-8) as they are.

#include <cstddef>
#include <string>
#include <string_view>

namespace careops {

// `s` without leading and trailing spaces, tabs, CR and LF.
std::string_view TrimView(std::string_view s);
std::string Trim(std::string_view s);
// `s` with A-Z turned into a-z.
std::string AsciiLower(std::string_view s);
// The number of UTF-8 code points in `s` (what the API calls characters; bytes that do not
// continue a sequence are counted).
std::size_t CodePoints(std::string_view s);
// Whether `s` holds an ASCII control character (below 0x20, or DEL); with
// `allow_line_breaks`, LF, CR and tab are allowed.
bool HasControlChars(std::string_view s, bool allow_line_breaks);

}  // namespace careops
