#pragma once
// Text checks shared by the form rules and the answer rules. Pure; thread-safe. "Characters"
// are UTF-8 code points (JSON bodies are valid UTF-8).

#include <algorithm>
#include <cstddef>
#include <string_view>

#include "core/text.hpp"

namespace careops::forms {

using careops::CodePoints;

// No control characters; line breaks and tabs only when `multiline`.
inline bool PlainText(std::string_view s, bool multiline) { return !HasControlChars(s, multiline); }

// [a-z0-9_]{1,40}: a field's key.
inline bool IsFieldKey(std::string_view key) {
  return !key.empty() && key.size() <= 40 && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace careops::forms
