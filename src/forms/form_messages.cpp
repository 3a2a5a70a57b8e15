#include "forms/form_messages.hpp"

#include "booking/booking_messages.hpp"

namespace careops::forms {
namespace {

// "please fill in “Intake” for your Haircut on Tue 3 Mar at 10:00"
std::string Ask(FormMessage message, const FormFacts& f) {
  const std::string what = "\"" + f.form + "\" for your " + f.service + " on " +
                           booking::LocalTimeText(f.start_at, f.time_zone);
  return message == FormMessage::kReminder ? "a reminder to fill in " + what
                                           : "please fill in " + what;
}

}  // namespace

const char* MessageKindName(FormMessage message) {
  return message == FormMessage::kReminder ? kKindFormReminder : kKindFormRequest;
}

FormText SmsText(FormMessage message, const FormFacts& f) {
  return {"", f.business + ": " + Ask(message, f) + ": " + f.link};
}

FormText EmailText(FormMessage message, const FormFacts& f) {
  std::string ask = Ask(message, f);
  ask[0] = static_cast<char>(ask[0] - 'a' + 'A');
  const std::string subject = message == FormMessage::kReminder
                                  ? f.business + ": reminder, please fill in " + f.form
                                  : f.business + ": please fill in " + f.form;
  return {subject, "Hello,\n\n" + ask + ".\n\nOpen " + f.link + "\n\n" + f.business + "\n"};
}

}  // namespace careops::forms
