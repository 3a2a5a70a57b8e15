#pragma once
// What a customer's answers to a form must be (docs/API.md, "Forms": POST
// /api/public/forms/submit). Pure functions; thread-safe.
//
// Answers come as a JSON object {key: value}. Empty means absent: null, "" or only spaces.
//   text       a string, trimmed, one line, at most 2,000 characters
//   long_text  a string, at most 10,000 characters, line breaks kept
//   email      an address (local@domain.tld), stored lower-cased
//   phone      a valid number, stored in E.164; a national number is read in `region`
//   number     a JSON number or a string holding one (finite; "1,5" is refused)
//   date       "YYYY-MM-DD", a real calendar date in years 1000-9999
//   checkbox   true or false (absent: false); a required checkbox must be true
//   select     exactly one of the field's options
//   consent    true or false (absent: false); a required consent must be true
// A required field may not be absent; a key the form does not have is refused.

#include <cstddef>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "forms/model.hpp"

namespace careops::forms {

inline constexpr std::size_t kMaxTextAnswerChars = 2000;
inline constexpr std::size_t kMaxLongTextAnswerChars = 10'000;
inline constexpr std::size_t kMaxAnswerKeys = 200;

// The stored snapshot of valid `answers` to `fields`: a JSON array in the form's order of
// {"key", "label", "type", "value"} (value normalised; null for an unanswered optional field).
// Otherwise InvalidArgument whose `problems` name every bad field (in the form's order, then
// unknown keys in the order sent), with `field` the first of them. InvalidArgument naming
// "answers" (without problems) when `answers` is not an object or holds more than 200 keys.
Result<nlohmann::json> CheckAnswers(const std::vector<FormField>& fields,
                                    const nlohmann::json& answers, std::string_view region);

}  // namespace careops::forms
