// Field definitions: every rule of docs/API.md "Forms", with the error naming the exact field.

#include "forms/form_rules.hpp"

#include <gtest/gtest.h>

#include <string>

namespace careops::forms {
namespace {

using nlohmann::json;

json Field(const std::string& key, const std::string& type = "text") {
  return {{"key", key}, {"label", "Label " + key}, {"type", type}};
}

// The field an error names, or "" when `fields` is accepted.
std::string Refused(const json& fields) {
  auto r = ReadFieldDefinitions(fields);
  if (r.ok()) return "";
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  return r.error().field.value_or("(none)");
}
// A list of definitions (a braced list of one object would be that object in nlohmann::json).
std::string Refused(std::initializer_list<json> items) {
  return Refused(json(std::vector<json>(items)));
}

TEST(FormRulesTest, ReadsEveryTypeInOrder) {
  json select = Field("colour", "select");
  select["options"] = {" Red ", "Blue"};
  select["required"] = true;
  select["help"] = "Pick one";
  const json fields = {Field("name"),
                       Field("notes", "long_text"),
                       Field("email", "email"),
                       Field("phone", "phone"),
                       Field("age", "number"),
                       Field("dob", "date"),
                       Field("agree", "checkbox"),
                       select,
                       Field("gdpr", "consent")};
  auto r = ReadFieldDefinitions(fields);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 9u);
  EXPECT_EQ((*r)[0].key, "name");
  EXPECT_EQ((*r)[1].type, FieldType::kLongText);
  EXPECT_EQ((*r)[8].type, FieldType::kConsent);
  EXPECT_EQ((*r)[7].options, (std::vector<std::string>{"Red", "Blue"}));
  EXPECT_TRUE((*r)[7].required);
  EXPECT_EQ((*r)[7].help, "Pick one");
  EXPECT_FALSE((*r)[0].required);
  // What is stored reads back the same.
  const auto back = FieldsFromJson(FieldsToJson(*r));
  ASSERT_EQ(back.size(), 9u);
  EXPECT_EQ(back[7].options, (*r)[7].options);
  EXPECT_EQ(back[5].type, FieldType::kDate);
  EXPECT_EQ(back[7].label, "Label colour");
}

TEST(FormRulesTest, NamesTheFieldAtFault) {
  EXPECT_EQ(Refused(json::object()), "fields");
  EXPECT_EQ(Refused(json::array()), "fields");
  EXPECT_EQ(Refused(json::array({Field("a"), 7})), "fields[1]");
  EXPECT_EQ(Refused({Field("a"), Field("b"), Field("Bad Key")}), "fields[2].key");
  EXPECT_EQ(Refused({Field("a"), Field("")}), "fields[1].key");
  EXPECT_EQ(Refused({Field(std::string(41, 'k'))}), "fields[0].key");
  EXPECT_EQ(Refused({Field("a"), Field("a")}), "fields[1].key");
  EXPECT_EQ(Refused({Field("a", "colour")}), "fields[0].type");
  json no_label = Field("a");
  no_label["label"] = "   ";
  EXPECT_EQ(Refused({no_label}), "fields[0].label");
  json long_label = Field("a");
  long_label["label"] = std::string(201, 'x');
  EXPECT_EQ(Refused({long_label}), "fields[0].label");
  json control = Field("a");
  control["label"] = "two\nlines";
  EXPECT_EQ(Refused({control}), "fields[0].label");
  json numeric_key = Field("a");
  numeric_key["key"] = 5;
  EXPECT_EQ(Refused({numeric_key}), "fields[0].key");
  json required = Field("a");
  required["required"] = "yes";
  EXPECT_EQ(Refused({required}), "fields[0].required");
  json help = Field("a");
  help["help"] = std::string(501, 'h');
  EXPECT_EQ(Refused({help}), "fields[0].help");
  json too_many = json::array();
  for (int i = 0; i <= 50; ++i) too_many.push_back(Field("f" + std::to_string(i)));
  EXPECT_EQ(Refused(too_many), "fields");
  too_many.erase(too_many.size() - 1);
  EXPECT_EQ(Refused(too_many), "");
}

TEST(FormRulesTest, OptionsOnlyForSelectFields) {
  json select = Field("s", "select");
  EXPECT_EQ(Refused({Field("a"), select}), "fields[1].options");
  select["options"] = json::array();
  EXPECT_EQ(Refused({select}), "fields[0].options");
  select["options"] = "Red";
  EXPECT_EQ(Refused({select}), "fields[0].options");
  select["options"] = {"Red", "Red"};
  EXPECT_EQ(Refused({select}), "fields[0].options[1]");
  select["options"] = {"Red", ""};
  EXPECT_EQ(Refused({select}), "fields[0].options[1]");
  select["options"] = {"Red", 3};
  EXPECT_EQ(Refused({select}), "fields[0].options[1]");
  select["options"] = {"Red", std::string(201, 'o')};
  EXPECT_EQ(Refused({select}), "fields[0].options[1]");
  json many = json::array();
  for (int i = 0; i <= 50; ++i) many.push_back("o" + std::to_string(i));
  select["options"] = many;
  EXPECT_EQ(Refused({select}), "fields[0].options");
  json text = Field("t");
  text["options"] = {"Red"};
  EXPECT_EQ(Refused({text}), "fields[0].options");
  text["options"] = json::array();  // an empty list on a text field is no option at all
  EXPECT_EQ(Refused({text}), "");
}

TEST(FormRulesTest, AppliesNameTimesAndServices) {
  Form f;
  FormInput in;
  in.name = "  Intake  ";
  in.fields = json::array({Field("a")});
  in.due_offset_minutes = -60;
  in.reminder_minutes_before_due = std::optional<std::int64_t>(30);
  in.service_ids = std::vector<std::int64_t>{9, 3, 9};
  ASSERT_TRUE(ApplyFormInput(f, in).ok());
  EXPECT_EQ(f.name, "Intake");
  EXPECT_EQ(f.due_offset_minutes, -60);
  EXPECT_EQ(f.reminder_minutes_before_due, 30);
  EXPECT_EQ(f.service_ids, (std::vector<std::int64_t>{3, 9}));

  FormInput none;
  none.reminder_minutes_before_due = std::optional<std::int64_t>();
  ASSERT_TRUE(ApplyFormInput(f, none).ok());
  EXPECT_FALSE(f.reminder_minutes_before_due.has_value());

  const auto refused = [&f](const FormInput& bad) {
    Form copy = f;
    Status s = ApplyFormInput(copy, bad);
    return s.ok() ? std::string() : s.error().field.value_or("(none)");
  };
  FormInput bad;
  bad.due_offset_minutes = 43'201;
  EXPECT_EQ(refused(bad), "due_offset_minutes");
  bad = {};
  bad.reminder_minutes_before_due = std::optional<std::int64_t>(4);
  EXPECT_EQ(refused(bad), "reminder_minutes_before_due");
  bad.reminder_minutes_before_due = std::optional<std::int64_t>(20'161);
  EXPECT_EQ(refused(bad), "reminder_minutes_before_due");
  bad = {};
  bad.name = " ";
  EXPECT_EQ(refused(bad), "name");
  bad = {};
  bad.service_ids = std::vector<std::int64_t>{0};
  EXPECT_EQ(refused(bad), "service_ids");
  bad = {};
  bad.description = std::string(2001, 'd');
  EXPECT_EQ(refused(bad), "description");
  bad.description = "line one\nline two";
  EXPECT_EQ(refused(bad), "");
}

}  // namespace
}  // namespace careops::forms
