#pragma once
// JSON of the forms domain (docs/API.md, "Forms"): forms, requests and the public form page on
// the wire, and the form fields read from a request body. Times are epoch milliseconds like
// every other *_at of the API; the booking's start on the public page is RFC 3339 UTC.
// Pure functions; thread-safe.

#include "core/clock.hpp"
#include "core/error.hpp"
#include "forms/form_rules.hpp"
#include "forms/model.hpp"
#include "forms/request_service.hpp"
#include "http/json.hpp"

namespace careops::forms {

http::Json FormJson(const Form& f);
// A request as staff see it: status derived at `now` ("overdue"), answers or null.
http::Json RequestJson(const FormRequest& r, Millis now);
// The public page's {"request", "form", "workspace", "booking"}.
http::Json OpenedFormJson(const OpenedForm& o, Millis now);
// What the customer sees of a request: {"id", "status", "due_at", "completed_at"}.
http::Json PublicRequestJson(const FormRequest& r, Millis now);

// The form fields of a JSON object (create or PATCH): 400 naming a field of the wrong type.
// Ranges and field definitions are checked later (ApplyFormInput).
Result<FormInput> ReadFormInput(const http::Json& body);

}  // namespace careops::forms
