// Answers to a form: every field type, required and optional, and every problem named.

#include "forms/answer_rules.hpp"

#include <gtest/gtest.h>

#include <string>

namespace careops::forms {
namespace {

using nlohmann::json;

FormField Field(const std::string& key, FieldType type, bool required = false) {
  FormField f;
  f.key = key;
  f.label = "The " + key;
  f.type = type;
  f.required = required;
  if (type == FieldType::kSelect) f.options = {"Red", "Blue"};
  return f;
}

// The problem of answering `value` to one field of `type`, or "" when accepted.
std::string Problem(FieldType type, const json& value, bool required = false) {
  const std::vector<FormField> fields{Field("x", type, required)};
  json answers = json::object();
  if (!value.is_discarded()) answers["x"] = value;
  auto r = CheckAnswers(fields, answers, "US");
  if (r.ok()) return "";
  EXPECT_EQ(r.error().field, "x");
  EXPECT_EQ(r.error().problems.size(), 1u);
  return r.error().problems.empty() ? "?" : r.error().problems[0].message;
}

// The stored value of an accepted answer.
json Value(FieldType type, const json& value, bool required = false) {
  auto r = CheckAnswers({Field("x", type, required)}, json{{"x", value}}, "US");
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? (*r)[0]["value"] : json("refused");
}

const json kAbsent = json(json::value_t::discarded);

TEST(AnswerRulesTest, Text) {
  EXPECT_EQ(Value(FieldType::kText, "  Ann  "), "Ann");
  EXPECT_EQ(Value(FieldType::kText, ""), nullptr);
  EXPECT_NE(Problem(FieldType::kText, "a\nb"), "");
  EXPECT_NE(Problem(FieldType::kText, 5), "");
  EXPECT_EQ(Problem(FieldType::kText, std::string(2000, 'a')), "");
  EXPECT_EQ(Problem(FieldType::kText, std::string(2001, 'a')),
            "The x: must be at most 2000 characters");
  EXPECT_EQ(Problem(FieldType::kText, "é" + std::string(1999, 'a')), "");  // code points
  EXPECT_EQ(Problem(FieldType::kText, "  ", true), "The x: is required");
  EXPECT_EQ(Problem(FieldType::kText, kAbsent, true), "The x: is required");
  EXPECT_EQ(Problem(FieldType::kText, nullptr, true), "The x: is required");
}

TEST(AnswerRulesTest, LongText) {
  EXPECT_EQ(Value(FieldType::kLongText, "line one\nline two"), "line one\nline two");
  EXPECT_EQ(Problem(FieldType::kLongText, std::string(10'000, 'a')), "");
  EXPECT_NE(Problem(FieldType::kLongText, std::string(10'001, 'a')), "");
  EXPECT_NE(Problem(FieldType::kLongText, std::string("nul\x01")), "");
}

TEST(AnswerRulesTest, Email) {
  EXPECT_EQ(Value(FieldType::kEmail, " Ann@Example.COM "), "ann@example.com");
  EXPECT_EQ(Problem(FieldType::kEmail, "not an email"), "The x: is not a valid email address");
  EXPECT_NE(Problem(FieldType::kEmail, "a@b"), "");
  EXPECT_NE(Problem(FieldType::kEmail, true), "");
}

TEST(AnswerRulesTest, PhoneInE164WithTheWorkspaceRegion) {
  EXPECT_EQ(Value(FieldType::kPhone, "(415) 555-2671"), "+14155552671");
  EXPECT_EQ(Value(FieldType::kPhone, "+44 20 7946 0958"), "+442079460958");  // a landline too
  EXPECT_NE(Problem(FieldType::kPhone, "12"), "");
  EXPECT_NE(Problem(FieldType::kPhone, "call me"), "");
  EXPECT_NE(Problem(FieldType::kPhone, std::string(65, '1')), "");
  EXPECT_NE(Problem(FieldType::kPhone, 4155552671), "");
}

TEST(AnswerRulesTest, Number) {
  EXPECT_EQ(Value(FieldType::kNumber, 42), 42);
  EXPECT_EQ(Value(FieldType::kNumber, 1.5), 1.5);
  EXPECT_EQ(Value(FieldType::kNumber, " 42 "), 42);
  EXPECT_EQ(Value(FieldType::kNumber, "-3.25"), -3.25);
  EXPECT_EQ(Problem(FieldType::kNumber, "1,5"), "The x: must be a number");
  EXPECT_NE(Problem(FieldType::kNumber, "12abc"), "");
  EXPECT_NE(Problem(FieldType::kNumber, "inf"), "");
  EXPECT_NE(Problem(FieldType::kNumber, "nan"), "");
  EXPECT_NE(Problem(FieldType::kNumber, "1e999"), "");
  EXPECT_NE(Problem(FieldType::kNumber, json::array()), "");
  EXPECT_NE(Problem(FieldType::kNumber, true), "");
}

TEST(AnswerRulesTest, Date) {
  EXPECT_EQ(Value(FieldType::kDate, "1965-02-28"), "1965-02-28");  // before 1970 is fine
  EXPECT_EQ(Value(FieldType::kDate, "2024-02-29"), "2024-02-29");
  EXPECT_EQ(Problem(FieldType::kDate, "2023-02-29"), "The x: is not a real date");
  EXPECT_NE(Problem(FieldType::kDate, "2023-13-01"), "");
  EXPECT_NE(Problem(FieldType::kDate, "28/02/1965"), "");
  EXPECT_NE(Problem(FieldType::kDate, "1965-2-28"), "");
  EXPECT_NE(Problem(FieldType::kDate, "+965-02-28"), "");
  EXPECT_NE(Problem(FieldType::kDate, "0999-02-28"), "");
  EXPECT_NE(Problem(FieldType::kDate, 19650228), "");
}

TEST(AnswerRulesTest, CheckboxAndConsent) {
  EXPECT_EQ(Value(FieldType::kCheckbox, true), true);
  EXPECT_EQ(Value(FieldType::kCheckbox, false), false);
  EXPECT_EQ(Value(FieldType::kCheckbox, nullptr), false);
  EXPECT_NE(Problem(FieldType::kCheckbox, "yes"), "");
  EXPECT_EQ(Problem(FieldType::kCheckbox, false, true), "The x: must be ticked");
  EXPECT_EQ(Problem(FieldType::kCheckbox, kAbsent, true), "The x: must be ticked");
  EXPECT_EQ(Value(FieldType::kConsent, true, true), true);
  EXPECT_EQ(Problem(FieldType::kConsent, false, true), "The x: consent is required");
  EXPECT_EQ(Value(FieldType::kConsent, false), false);
  EXPECT_NE(Problem(FieldType::kConsent, 1, true), "");
}

TEST(AnswerRulesTest, Select) {
  EXPECT_EQ(Value(FieldType::kSelect, "Blue"), "Blue");
  EXPECT_EQ(Problem(FieldType::kSelect, "Green"), "The x: must be one of the options");
  EXPECT_NE(Problem(FieldType::kSelect, "blue"), "");
  EXPECT_NE(Problem(FieldType::kSelect, json::array({"Red"})), "");
  EXPECT_EQ(Problem(FieldType::kSelect, "", true), "The x: is required");
}

TEST(AnswerRulesTest, NamesEveryBadFieldAndUnknownKeys) {
  const std::vector<FormField> fields{
      Field("name", FieldType::kText, true), Field("email", FieldType::kEmail),
      Field("dob", FieldType::kDate), Field("gdpr", FieldType::kConsent, true)};
  const json answers = {
      {"name", ""}, {"email", "nope"}, {"dob", "1990-01-01"}, {"zzz", 1}, {"Not A Key!", 2}};
  auto r = CheckAnswers(fields, answers, "US");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field, "name");
  ASSERT_EQ(r.error().problems.size(), 5u);
  EXPECT_EQ(r.error().problems[0].field, "name");
  EXPECT_EQ(r.error().problems[1].field, "email");
  EXPECT_EQ(r.error().problems[2].field, "gdpr");
  // Unknown keys, in the order nlohmann keeps object members (sorted).
  EXPECT_EQ(r.error().problems[3].field, "answers");
  EXPECT_EQ(r.error().problems[4].field, "zzz");
  EXPECT_EQ(r.error().message, "5 answers need attention");
}

TEST(AnswerRulesTest, SnapshotKeepsLabelsTypesAndFormOrder) {
  const std::vector<FormField> fields{Field("b", FieldType::kText), Field("a", FieldType::kNumber)};
  auto r = CheckAnswers(fields, json{{"a", "7"}}, "US");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, json::parse(R"([{"key":"b","label":"The b","type":"text","value":null},
                                 {"key":"a","label":"The a","type":"number","value":7}])"));
}

TEST(AnswerRulesTest, AnswersMustBeASmallObject) {
  const std::vector<FormField> fields{Field("a", FieldType::kText)};
  for (const json& bad : {json::array(), json("a"), json(3)}) {
    auto r = CheckAnswers(fields, bad, "US");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "answers");
    EXPECT_TRUE(r.error().problems.empty());
  }
  json many = json::object();
  for (int i = 0; i <= 200; ++i) many["k" + std::to_string(i)] = 1;
  auto r = CheckAnswers(fields, many, "US");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "answers");
}

}  // namespace
}  // namespace careops::forms
