#include "core/text.hpp"

#include <algorithm>

namespace careops {

std::string_view TrimView(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

std::string Trim(std::string_view s) { return std::string(TrimView(s)); }

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::size_t CodePoints(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool HasControlChars(std::string_view s, bool allow_line_breaks) {
  return std::any_of(s.begin(), s.end(), [allow_line_breaks](char c) {
    const auto b = static_cast<unsigned char>(c);
    if (allow_line_breaks && (c == '\n' || c == '\r' || c == '\t')) return false;
    return b < 0x20 || b == 0x7F;
  });
}

}  // namespace careops
