#include "forms/answer_rules.hpp"

#include <date/date.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <charconv>
#include <cmath>
#include <optional>
#include <string>

#include "auth/credentials.hpp"
#include "core/text.hpp"
#include "forms/text_checks.hpp"

namespace careops::forms {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxPhoneBytes = 64;
constexpr std::size_t kMaxNumberBytes = 40;

// A value or the reason it is refused.
struct Checked {
  json value;
  std::optional<std::string> problem;
};

Checked Fail(std::string message) { return {nullptr, std::move(message)}; }

bool IsEmpty(const json& v) {
  return v.is_null() || (v.is_string() && TrimView(v.get_ref<const std::string&>()).empty());
}

Checked CheckText(const json& v, std::size_t max_chars, bool multiline) {
  if (!v.is_string()) return Fail("must be text");
  std::string text = multiline ? v.get<std::string>() : Trim(v.get_ref<const std::string&>());
  if (!PlainText(text, multiline)) {
    return Fail(multiline ? "must not contain control characters"
                          : "must be one line without control characters");
  }
  if (CodePoints(text) > max_chars) {
    return Fail("must be at most " + std::to_string(max_chars) + " characters");
  }
  return {std::move(text), std::nullopt};
}

Checked CheckEmail(const json& v) {
  if (!v.is_string()) return Fail("must be an email address");
  auto email = auth::NormalizeEmail(v.get_ref<const std::string&>());
  if (!email.ok()) return Fail("is not a valid email address");
  return {std::move(email).value(), std::nullopt};
}

Checked CheckPhone(const json& v, std::string_view region) {
  using i18n::phonenumbers::PhoneNumber;
  using i18n::phonenumbers::PhoneNumberUtil;
  if (!v.is_string()) return Fail("must be a phone number");
  const std::string input = Trim(v.get_ref<const std::string&>());
  Checked invalid = Fail("is not a valid phone number (use the international format, +1…)");
  if (input.size() > kMaxPhoneBytes) return invalid;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util.Parse(input, std::string(region), &number) != PhoneNumberUtil::NO_PARSING_ERROR ||
      !util.IsValidNumber(number)) {
    return invalid;
  }
  std::string e164;
  util.Format(number, PhoneNumberUtil::E164, &e164);
  return {std::move(e164), std::nullopt};
}

Checked CheckNumber(const json& v) {
  Checked invalid = Fail("must be a number");
  if (v.is_number_integer()) return {v, std::nullopt};
  if (v.is_number_float()) {
    if (!std::isfinite(v.get<double>())) return invalid;
    return {v, std::nullopt};
  }
  if (!v.is_string()) return invalid;
  const std::string text = Trim(v.get_ref<const std::string&>());
  if (text.empty() || text.size() > kMaxNumberBytes) return invalid;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  std::int64_t whole = 0;
  if (auto [p, ec] = std::from_chars(begin, end, whole); ec == std::errc() && p == end) {
    return {whole, std::nullopt};
  }
  double real = 0;
  if (auto [p, ec] = std::from_chars(begin, end, real, std::chars_format::fixed);
      ec == std::errc() && p == end && std::isfinite(real)) {
    return {real, std::nullopt};
  }
  return invalid;
}

Checked CheckDate(const json& v) {
  Checked invalid = Fail("must be a date as YYYY-MM-DD");
  if (!v.is_string()) return invalid;
  const std::string text = Trim(v.get_ref<const std::string&>());
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return invalid;
  int parts[3] = {0, 0, 0};
  const std::pair<std::size_t, std::size_t> spans[3] = {{0, 4}, {5, 2}, {8, 2}};
  for (int i = 0; i < 3; ++i) {
    const char* b = text.data() + spans[i].first;
    const char* e = b + spans[i].second;
    for (const char* c = b; c != e; ++c) {
      if (*c < '0' || *c > '9') return invalid;
    }
    std::from_chars(b, e, parts[i]);
  }
  if (parts[0] < 1000) return invalid;
  const date::year_month_day ymd{date::year{parts[0]}, date::month{static_cast<unsigned>(parts[1])},
                                 date::day{static_cast<unsigned>(parts[2])}};
  if (!ymd.ok()) return Fail("is not a real date");
  return {text, std::nullopt};
}

Checked CheckTick(const json& v, bool required, bool consent) {
  if (!v.is_null() && !v.is_boolean()) return Fail("must be true or false");
  const bool ticked = v.is_boolean() && v.get<bool>();
  if (required && !ticked) {
    return Fail(consent ? "consent is required" : "must be ticked");
  }
  return {ticked, std::nullopt};
}

Checked CheckOne(const FormField& f, const json& v, std::string_view region) {
  if (f.type == FieldType::kCheckbox || f.type == FieldType::kConsent) {
    return CheckTick(v, f.required, f.type == FieldType::kConsent);
  }
  if (IsEmpty(v)) {
    if (f.required) return Fail("is required");
    return {nullptr, std::nullopt};
  }
  switch (f.type) {
    case FieldType::kText:
      return CheckText(v, kMaxTextAnswerChars, false);
    case FieldType::kLongText:
      return CheckText(v, kMaxLongTextAnswerChars, true);
    case FieldType::kEmail:
      return CheckEmail(v);
    case FieldType::kPhone:
      return CheckPhone(v, region);
    case FieldType::kNumber:
      return CheckNumber(v);
    case FieldType::kDate:
      return CheckDate(v);
    case FieldType::kSelect: {
      if (!v.is_string()) return Fail("must be one of the options");
      for (const std::string& o : f.options) {
        if (v.get_ref<const std::string&>() == o) return {o, std::nullopt};
      }
      return Fail("must be one of the options");
    }
    case FieldType::kCheckbox:
    case FieldType::kConsent:
      break;
  }
  return Fail("cannot be answered");
}

}  // namespace

Result<json> CheckAnswers(const std::vector<FormField>& fields, const json& answers,
                          std::string_view region) {
  if (!answers.is_object()) {
    return Error::InvalidArgument("answers must be an object of {key: value}", "answers");
  }
  if (answers.size() > kMaxAnswerKeys) {
    return Error::InvalidArgument("answers holds too many keys", "answers");
  }
  std::vector<Problem> problems;
  json snapshot = json::array();
  for (const FormField& f : fields) {
    const auto it = answers.find(f.key);
    const Checked c = CheckOne(f, it == answers.end() ? json(nullptr) : *it, region);
    if (c.problem) {
      problems.push_back({f.key, f.label + ": " + *c.problem});
      continue;
    }
    snapshot.push_back(
        {{"key", f.key}, {"label", f.label}, {"type", FieldTypeName(f.type)}, {"value", c.value}});
  }
  for (const auto& item : answers.items()) {
    const std::string& key = item.key();
    const bool known = std::any_of(fields.begin(), fields.end(),
                                   [&key](const FormField& f) { return f.key == key; });
    if (known) continue;
    // An unknown key is named as sent only when it could be a key; anything else as "answers".
    problems.push_back(
        {IsFieldKey(key) ? key : std::string("answers"), "this form has no field with that key"});
  }
  if (problems.empty()) return snapshot;
  Error error = Error::InvalidArgument(
      problems.size() == 1 ? "one answer needs attention"
                           : std::to_string(problems.size()) + " answers need attention",
      problems.front().field);
  error.problems = std::move(problems);
  return error;
}

}  // namespace careops::forms
