#pragma once
// The records of intake forms (PRODUCT.md F1–F3; migrations/sqlite/0008_forms.sql; docs/API.md,
// "Forms"). Times are UTC milliseconds.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"

namespace careops::forms {

enum class FieldType {
  kText,      // one line, at most 2,000 characters
  kLongText,  // several lines, at most 10,000 characters
  kEmail,     // an address, stored lower-cased
  kPhone,     // a number, stored in E.164 (a national number read in the workspace's region)
  kNumber,    // a finite decimal number
  kDate,      // "YYYY-MM-DD"
  kCheckbox,  // true / false; a required one must be ticked
  kSelect,    // one of the field's options
  kConsent,   // true / false; a required one must be given
};
// "text", "long_text", "email", "phone", "number", "date", "checkbox", "select", "consent".
const char* FieldTypeName(FieldType type);
std::optional<FieldType> ParseFieldType(std::string_view name);

struct FormField {
  std::string key;  // [a-z0-9_]{1,40}, unique in its form
  std::string label;
  FieldType type = FieldType::kText;
  bool required = false;
  std::vector<std::string> options;  // select only
  std::string help;                  // a hint shown under the field
};

struct Form {
  std::int64_t id = 0;
  std::int64_t workspace_id = 0;
  std::string name;
  std::string description;
  std::vector<FormField> fields;
  std::vector<std::int64_t> service_ids;                  // ascending
  int due_offset_minutes = 0;                             // due at the booking's start + this
  std::optional<int> reminder_minutes_before_due = 1440;  // nullopt: no reminder
  bool is_active = true;
  Millis created_at = 0;
  Millis updated_at = 0;
};

enum class RequestStatus { kPending, kCompleted, kCancelled };
const char* RequestStatusName(RequestStatus status);  // "pending", "completed", "cancelled"
std::optional<RequestStatus> ParseRequestStatus(std::string_view name);

// One form sent for one booking, with the names lists show.
struct FormRequest {
  std::int64_t id = 0;
  std::int64_t workspace_id = 0;
  std::int64_t form_id = 0;
  std::int64_t booking_id = 0;
  std::int64_t contact_id = 0;
  RequestStatus status = RequestStatus::kPending;
  Millis due_at = 0;
  std::optional<Millis> sent_at;
  std::optional<Millis> reminded_at;
  std::optional<Millis> completed_at;
  // JSON array [{"key", "label", "type", "value"}], as submitted; nullopt until completed.
  std::optional<std::string> answers;
  Millis created_at = 0;
  Millis updated_at = 0;
  std::string form_name;
  std::string contact_name;
};

// A pending request is overdue from its due time on (derived, never stored).
inline bool IsOverdue(const FormRequest& r, Millis now) {
  return r.status == RequestStatus::kPending && r.due_at <= now;
}
// The status the API shows: "overdue" for an overdue pending request, else the stored one.
const char* ShownStatus(const FormRequest& r, Millis now);

}  // namespace careops::forms
