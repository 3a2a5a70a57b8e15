#pragma once
// Text checks shared by the form rules and the answer rules. Pure; thread-safe. "Characters"
// are UTF-8 code points (JSON bodies are valid UTF-8).

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace careops::forms {

inline std::size_t CodePoints(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// No control characters; line breaks and tabs only when `multiline`.
inline bool PlainText(std::string_view s, bool multiline) {
  return std::none_of(s.begin(), s.end(), [multiline](char c) {
    const auto b = static_cast<unsigned char>(c);
    if (multiline && (c == '\n' || c == '\r' || c == '\t')) return false;
    return b < 0x20 || b == 0x7F;
  });
}

// [a-z0-9_]{1,40}: a field's key.
inline bool IsFieldKey(std::string_view key) {
  return !key.empty() && key.size() <= 40 && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace careops::forms
