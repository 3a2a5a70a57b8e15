#include "forms/form_json.hpp"

#include "booking/time_format.hpp"

namespace careops::forms {
namespace {

using http::Json;

Json Optional(const std::optional<Millis>& v) { return v ? Json(*v) : Json(nullptr); }

Error Wrong(const char* field, const char* what) {
  return Error::InvalidArgument(std::string(field) + " must be " + what, field);
}

// Whether `body` has `field` set to something other than null.
const Json* Present(const Json& body, const char* field) {
  const auto it = body.find(field);
  return it == body.end() || it->is_null() ? nullptr : &*it;
}

Result<std::optional<std::int64_t>> Int(const Json& body, const char* field) {
  const Json* v = Present(body, field);
  if (v == nullptr) return std::optional<std::int64_t>();
  if (!v->is_number_integer()) return Wrong(field, "an integer");
  if (v->is_number_unsigned() && v->get<std::uint64_t>() > INT64_MAX) {
    return Wrong(field, "an integer");
  }
  return std::optional<std::int64_t>(v->get<std::int64_t>());
}

}  // namespace

Json FormJson(const Form& f) {
  Json fields = Json::array();
  for (const FormField& field : f.fields) fields.push_back(FieldJson(field));
  return {{"id", f.id},
          {"name", f.name},
          {"description", f.description},
          {"fields", std::move(fields)},
          {"service_ids", f.service_ids},
          {"due_offset_minutes", f.due_offset_minutes},
          {"reminder_minutes_before_due",
           f.reminder_minutes_before_due ? Json(*f.reminder_minutes_before_due) : Json(nullptr)},
          {"is_active", f.is_active},
          {"created_at", f.created_at},
          {"updated_at", f.updated_at}};
}

Json RequestJson(const FormRequest& r, Millis now) {
  Json answers = nullptr;
  if (r.answers) answers = Json::parse(*r.answers, nullptr, /*allow_exceptions=*/false);
  if (answers.is_discarded()) answers = nullptr;
  return {{"id", r.id},
          {"form", {{"id", r.form_id}, {"name", r.form_name}}},
          {"booking_id", r.booking_id},
          {"contact", {{"id", r.contact_id}, {"name", r.contact_name}}},
          {"status", ShownStatus(r, now)},
          {"due_at", r.due_at},
          {"sent_at", Optional(r.sent_at)},
          {"reminded_at", Optional(r.reminded_at)},
          {"completed_at", Optional(r.completed_at)},
          {"answers", std::move(answers)},
          {"created_at", r.created_at}};
}

Json PublicRequestJson(const FormRequest& r, Millis now) {
  return {{"id", r.id},
          {"status", ShownStatus(r, now)},
          {"due_at", r.due_at},
          {"completed_at", Optional(r.completed_at)}};
}

Json OpenedFormJson(const OpenedForm& o, Millis now) {
  Json fields = Json::array();
  for (const FormField& field : o.form.fields) fields.push_back(FieldJson(field));
  return {
      {"request", PublicRequestJson(o.request, now)},
      {"form", {{"name", o.form.name}, {"description", o.form.description}, {"fields", fields}}},
      {"workspace",
       {{"name", o.workspace.name},
        {"slug", o.workspace.slug},
        {"timezone", o.workspace.timezone}}},
      {"booking",
       {{"start", booking::FormatInstant(o.booking.booking.start_at)},
        {"service", o.booking.service_name}}}};
}

Result<FormInput> ReadFormInput(const Json& body) {
  FormInput in;
  for (const char* field : {"name", "description"}) {
    if (const Json* v = Present(body, field)) {
      if (!v->is_string()) return Wrong(field, "text");
      (field[0] == 'n' ? in.name : in.description) = v->get<std::string>();
    }
  }
  if (const auto it = body.find("fields"); it != body.end()) {
    if (!it->is_array()) return Wrong("fields", "a list of field definitions");
    in.fields = *it;
  }
  auto due = Int(body, "due_offset_minutes");
  if (!due.ok()) return std::move(due).error();
  in.due_offset_minutes = *due;
  if (const auto it = body.find("reminder_minutes_before_due"); it != body.end()) {
    auto reminder = Int(body, "reminder_minutes_before_due");
    if (!reminder.ok()) return std::move(reminder).error();
    in.reminder_minutes_before_due = *reminder;
  }
  if (const Json* v = Present(body, "service_ids")) {
    if (!v->is_array()) return Wrong("service_ids", "a list of service ids");
    std::vector<std::int64_t> ids;
    for (const Json& id : *v) {
      if (!id.is_number_integer() || id.get<std::int64_t>() <= 0 ||
          (id.is_number_unsigned() && id.get<std::uint64_t>() > INT64_MAX)) {
        return Wrong("service_ids", "a list of service ids");
      }
      ids.push_back(id.get<std::int64_t>());
    }
    in.service_ids = std::move(ids);
  }
  if (const Json* v = Present(body, "is_active")) {
    if (!v->is_boolean()) return Wrong("is_active", "true or false");
    in.is_active = v->get<bool>();
  }
  return in;
}

}  // namespace careops::forms
