#pragma once
// What a form may hold (docs/API.md, "Forms"). Pure functions; thread-safe. Errors are
// InvalidArgument naming the API field, down to the field definition at fault:
// "fields[2].key", "fields[0].options[1]", … Whether the service ids are the workspace's
// active services is the caller's check (it needs the database).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "forms/model.hpp"

namespace careops::forms {

inline constexpr std::size_t kMaxFormNameChars = 200;
inline constexpr std::size_t kMaxFormDescriptionChars = 2000;
inline constexpr std::size_t kMaxFields = 50;
inline constexpr std::size_t kMaxLabelChars = 200;
inline constexpr std::size_t kMaxHelpChars = 500;
inline constexpr std::size_t kMaxOptions = 50;
inline constexpr std::size_t kMaxOptionChars = 200;
inline constexpr std::size_t kMaxLinkedServices = 100;
inline constexpr std::int64_t kMaxDueOffsetMinutes = 43'200;  // 30 days either way
inline constexpr std::int64_t kMinReminderMinutes = 5;
inline constexpr std::int64_t kMaxReminderMinutes = 20'160;  // 14 days

// What a caller may set. Absent fields take the defaults of Form on create (name and fields
// are required there) and stay as they are on update.
struct FormInput {
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<nlohmann::json> fields;  // the API's list of field definitions, unchecked
  std::optional<std::int64_t> due_offset_minutes;
  std::optional<std::optional<std::int64_t>> reminder_minutes_before_due;  // present null: none
  std::optional<std::vector<std::int64_t>> service_ids;
  std::optional<bool> is_active;
};

// The field definitions of `fields` (a JSON array of {"key", "label", "type", "required",
// "options", "help"}): 1–50 of them, keys [a-z0-9_]{1,40} and unique, labels 1–200 characters
// (trimmed, one line), options (1–50 distinct texts of 1–200 characters) for select fields
// only, help at most 500 characters.
Result<std::vector<FormField>> ReadFieldDefinitions(const nlohmann::json& fields);

// Writes the present `input` into `form`, each checked and normalised (name trimmed, service
// ids ascending without duplicates). On error `form` may be partly written.
Status ApplyFormInput(Form& form, const FormInput& input);

// The stored form of field definitions (forms.fields) and back. FieldsFromJson trusts what
// FieldsToJson wrote (a corrupt row throws nlohmann::json::exception: a bug).
std::string FieldsToJson(const std::vector<FormField>& fields);
std::vector<FormField> FieldsFromJson(const std::string& text);
// One field definition as the API shows it.
nlohmann::json FieldJson(const FormField& f);

}  // namespace careops::forms
