#include "forms/model.hpp"

#include <array>
#include <utility>

namespace careops::forms {
namespace {

constexpr std::array<std::pair<FieldType, const char*>, 9> kFieldTypes = {{
    {FieldType::kText, "text"},
    {FieldType::kLongText, "long_text"},
    {FieldType::kEmail, "email"},
    {FieldType::kPhone, "phone"},
    {FieldType::kNumber, "number"},
    {FieldType::kDate, "date"},
    {FieldType::kCheckbox, "checkbox"},
    {FieldType::kSelect, "select"},
    {FieldType::kConsent, "consent"},
}};

constexpr std::array<std::pair<RequestStatus, const char*>, 3> kStatuses = {{
    {RequestStatus::kPending, "pending"},
    {RequestStatus::kCompleted, "completed"},
    {RequestStatus::kCancelled, "cancelled"},
}};

}  // namespace

const char* FieldTypeName(FieldType type) {
  for (const auto& [t, name] : kFieldTypes) {
    if (t == type) return name;
  }
  return "text";
}

std::optional<FieldType> ParseFieldType(std::string_view name) {
  for (const auto& [t, n] : kFieldTypes) {
    if (name == n) return t;
  }
  return std::nullopt;
}

const char* RequestStatusName(RequestStatus status) {
  for (const auto& [s, name] : kStatuses) {
    if (s == status) return name;
  }
  return "pending";
}

std::optional<RequestStatus> ParseRequestStatus(std::string_view name) {
  for (const auto& [s, n] : kStatuses) {
    if (name == n) return s;
  }
  return std::nullopt;
}

const char* ShownStatus(const FormRequest& r, Millis now) {
  return IsOverdue(r, now) ? "overdue" : RequestStatusName(r.status);
}

}  // namespace careops::forms
