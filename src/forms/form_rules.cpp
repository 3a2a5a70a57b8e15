#include "forms/form_rules.hpp"

#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "forms/text_checks.hpp"

namespace careops::forms {
namespace {

using nlohmann::json;

Error Bad(const std::string& field, const std::string& what) {
  return Error::InvalidArgument(field + " " + what, field);
}

// Trimmed one-line text (or kept multiline text) of min..max characters.
Result<std::string> Text(std::string_view input, const std::string& field, std::size_t min_chars,
                         std::size_t max_chars, bool multiline = false) {
  std::string text = multiline ? std::string(input) : Trim(input);
  if (!PlainText(text, multiline)) return Bad(field, "must not contain control characters");
  const std::size_t n = CodePoints(text);
  if (n < min_chars) return Bad(field, "is required");
  if (n > max_chars) {
    return Bad(field, "must be at most " + std::to_string(max_chars) + " characters");
  }
  return text;
}

// A string member of a field definition; absent or null -> "".
Result<std::string> Member(const json& def, const char* name, const std::string& field) {
  const auto it = def.find(name);
  if (it == def.end() || it->is_null()) return std::string();
  if (!it->is_string()) return Bad(field, "must be text");
  return it->get<std::string>();
}

Result<std::vector<std::string>> Options(const json& def, const std::string& prefix,
                                         FieldType type) {
  const std::string field = prefix + ".options";
  const auto it = def.find("options");
  const bool given = it != def.end() && !it->is_null() && !(it->is_array() && it->empty());
  if (type != FieldType::kSelect) {
    if (given) return Bad(field, "are only for select fields");
    return std::vector<std::string>{};
  }
  if (it == def.end() || it->is_null()) return Bad(field, "are required for a select field");
  if (!it->is_array()) return Bad(field, "must be a list of texts");
  if (it->empty()) return Bad(field, "are required for a select field");
  if (it->size() > kMaxOptions) return Bad(field, "must be at most 50");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const std::string at = field + "[" + std::to_string(i) + "]";
    if (!(*it)[i].is_string()) return Bad(at, "must be text");
    auto text = Text((*it)[i].get<std::string>(), at, 1, kMaxOptionChars);
    if (!text.ok()) return std::move(text).error();
    if (std::find(out.begin(), out.end(), *text) != out.end()) {
      return Bad(at, "repeats an option");
    }
    out.push_back(std::move(text).value());
  }
  return out;
}

Result<FormField> ReadField(const json& def, std::size_t index) {
  const std::string prefix = "fields[" + std::to_string(index) + "]";
  if (!def.is_object()) return Bad(prefix, "must be an object");
  FormField f;
  auto key = Member(def, "key", prefix + ".key");
  if (!key.ok()) return std::move(key).error();
  if (!IsFieldKey(*key)) {
    return Bad(prefix + ".key", "must be 1-40 of a-z, 0-9 and _");
  }
  f.key = std::move(key).value();
  auto label = Member(def, "label", prefix + ".label");
  if (!label.ok()) return std::move(label).error();
  auto label_text = Text(*label, prefix + ".label", 1, kMaxLabelChars);
  if (!label_text.ok()) return std::move(label_text).error();
  f.label = std::move(label_text).value();
  auto type = Member(def, "type", prefix + ".type");
  if (!type.ok()) return std::move(type).error();
  const auto parsed = ParseFieldType(*type);
  if (!parsed) {
    return Bad(prefix + ".type",
               "must be one of text, long_text, email, phone, number, date, checkbox, select, "
               "consent");
  }
  f.type = *parsed;
  if (const auto it = def.find("required"); it != def.end() && !it->is_null()) {
    if (!it->is_boolean()) return Bad(prefix + ".required", "must be true or false");
    f.required = it->get<bool>();
  }
  auto options = Options(def, prefix, f.type);
  if (!options.ok()) return std::move(options).error();
  f.options = std::move(options).value();
  auto help = Member(def, "help", prefix + ".help");
  if (!help.ok()) return std::move(help).error();
  auto help_text = Text(*help, prefix + ".help", 0, kMaxHelpChars);
  if (!help_text.ok()) return std::move(help_text).error();
  f.help = std::move(help_text).value();
  return f;
}

Status Range(std::int64_t value, std::int64_t lo, std::int64_t hi, const char* field) {
  if (value < lo || value > hi) {
    return Bad(field, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
  }
  return Ok();
}

}  // namespace

Result<std::vector<FormField>> ReadFieldDefinitions(const json& fields) {
  if (!fields.is_array()) return Bad("fields", "must be a list of field definitions");
  if (fields.empty()) return Bad("fields", "must hold at least one field");
  if (fields.size() > kMaxFields) return Bad("fields", "must be at most 50");
  std::vector<FormField> out;
  std::set<std::string> keys;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    auto f = ReadField(fields[i], i);
    if (!f.ok()) return std::move(f).error();
    if (!keys.insert(f->key).second) {
      return Bad("fields[" + std::to_string(i) + "].key", "repeats the key \"" + f->key + "\"");
    }
    out.push_back(std::move(f).value());
  }
  return out;
}

Status ApplyFormInput(Form& form, const FormInput& input) {
  if (input.name) {
    auto name = Text(*input.name, "name", 1, kMaxFormNameChars);
    if (!name.ok()) return std::move(name).error();
    form.name = std::move(name).value();
  }
  if (input.description) {
    auto d = Text(*input.description, "description", 0, kMaxFormDescriptionChars, true);
    if (!d.ok()) return std::move(d).error();
    form.description = std::move(d).value();
  }
  if (input.fields) {
    auto fields = ReadFieldDefinitions(*input.fields);
    if (!fields.ok()) return std::move(fields).error();
    form.fields = std::move(fields).value();
  }
  if (input.due_offset_minutes) {
    if (Status s = Range(*input.due_offset_minutes, -kMaxDueOffsetMinutes, kMaxDueOffsetMinutes,
                         "due_offset_minutes");
        !s.ok()) {
      return s;
    }
    form.due_offset_minutes = static_cast<int>(*input.due_offset_minutes);
  }
  if (input.reminder_minutes_before_due) {
    const auto& r = *input.reminder_minutes_before_due;
    if (r) {
      if (Status s =
              Range(*r, kMinReminderMinutes, kMaxReminderMinutes, "reminder_minutes_before_due");
          !s.ok()) {
        return s;
      }
      form.reminder_minutes_before_due = static_cast<int>(*r);
    } else {
      form.reminder_minutes_before_due.reset();
    }
  }
  if (input.service_ids) {
    std::vector<std::int64_t> ids = *input.service_ids;
    if (ids.size() > kMaxLinkedServices) return Bad("service_ids", "must be at most 100");
    for (std::int64_t id : ids) {
      if (id <= 0) return Bad("service_ids", "must be positive ids");
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    form.service_ids = std::move(ids);
  }
  if (input.is_active) form.is_active = *input.is_active;
  if (form.fields.empty()) return Bad("fields", "must hold at least one field");
  if (form.name.empty()) return Bad("name", "is required");
  return Ok();
}

nlohmann::json FieldJson(const FormField& f) {
  return {{"key", f.key},           {"label", f.label},     {"type", FieldTypeName(f.type)},
          {"required", f.required}, {"options", f.options}, {"help", f.help}};
}

std::string FieldsToJson(const std::vector<FormField>& fields) {
  json list = json::array();
  for (const FormField& f : fields) list.push_back(FieldJson(f));
  return list.dump();
}

std::vector<FormField> FieldsFromJson(const std::string& text) {
  std::vector<FormField> out;
  for (const json& j : json::parse(text)) {
    FormField f;
    f.key = j.at("key").get<std::string>();
    f.label = j.at("label").get<std::string>();
    f.type = ParseFieldType(j.at("type").get<std::string>()).value_or(FieldType::kText);
    f.required = j.value("required", false);
    f.options = j.value("options", std::vector<std::string>{});
    f.help = j.value("help", std::string());
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace careops::forms
