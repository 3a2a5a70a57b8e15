#pragma once
// What CareOps tells a customer about a form to fill in, by SMS and by email (docs/API.md,
// "Forms"). Pure functions: the caller picks the channel and queues the text through the
// outbox. Times are shown in the workspace's time zone ("Tue 3 Mar at 10:00"). Every message
// carries the form's link; no text asks for a reply.

#include <string>

#include "core/clock.hpp"

namespace careops::forms {

enum class FormMessage {
  kRequest,   // the link, after a booking (outbox kind "form_request")
  kReminder,  // the one reminder before the due time (kind "form_reminder")
};

inline constexpr const char* kKindFormRequest = "form_request";
inline constexpr const char* kKindFormReminder = "form_reminder";
const char* MessageKindName(FormMessage message);

struct FormFacts {
  std::string business;   // the workspace's name
  std::string form;       // the form's name
  std::string service;    // the booked service's name
  std::string time_zone;  // the workspace's IANA zone
  Millis start_at = 0;    // the booking's start
  std::string link;       // {PUBLIC_BASE_URL}/f#token=…
};

struct FormText {
  std::string subject;  // email only ("" for SMS)
  std::string body;
};

FormText SmsText(FormMessage message, const FormFacts& facts);
FormText EmailText(FormMessage message, const FormFacts& facts);

}  // namespace careops::forms
