#include "booking/booking_messages.hpp"

#include <date/tz.h>

#include <array>
#include <chrono>
#include <cstdio>

namespace careops::booking {
namespace {

constexpr const char* kReplyPrompt = "Reply C to confirm or X to cancel.";

// "your Haircut on Tue 3 Mar at 10:00"
std::string Appointment(const BookingFacts& f) {
  return "your " + f.service + " on " + LocalTimeText(f.start_at, f.time_zone);
}

// The sentence that says what happened, without the business's name.
std::string Sentence(BookingMessage message, const BookingFacts& f) {
  const std::string when = LocalTimeText(f.start_at, f.time_zone);
  switch (message) {
    case BookingMessage::kConfirmation:
      return "your " + f.service + " is booked for " + when + ".";
    case BookingMessage::kPending:
      return "we received your request for " + f.service + " on " + when +
             " and will confirm it shortly.";
    case BookingMessage::kMoved:
      return "your " + f.service + " is moved to " + when + ".";
    case BookingMessage::kCancelled:
      return Appointment(f) + " is cancelled.";
    case BookingMessage::kReminder:
      return "a reminder of " + Appointment(f) + ".";
    case BookingMessage::kConfirmedAnswer:
      return f.pending ? "thank you for confirming " + Appointment(f) +
                             ". We will let you know once it is approved."
                       : "thank you, " + Appointment(f) + " is confirmed.";
    case BookingMessage::kCancelledAnswer:
      return Appointment(f) + " is cancelled, as you asked.";
  }
  return {};
}

bool OffersChange(BookingMessage m) {
  return m == BookingMessage::kConfirmation || m == BookingMessage::kPending ||
         m == BookingMessage::kMoved || m == BookingMessage::kReminder ||
         m == BookingMessage::kConfirmedAnswer;
}

bool OffersBookAgain(BookingMessage m) {
  return m == BookingMessage::kCancelled || m == BookingMessage::kCancelledAnswer;
}

// Whether the SMS invites a C / X reply (a pending booking's C records the customer's
// confirmation; the booking still waits for approval).
bool InvitesReply(BookingMessage m) {
  return m == BookingMessage::kConfirmation || m == BookingMessage::kPending ||
         m == BookingMessage::kMoved || m == BookingMessage::kReminder;
}

std::string Subject(BookingMessage message, const BookingFacts& f) {
  const std::string when = LocalTimeText(f.start_at, f.time_zone);
  switch (message) {
    case BookingMessage::kConfirmation:
      return f.service + " booked: " + when;
    case BookingMessage::kPending:
      return f.service + " requested: " + when;
    case BookingMessage::kMoved:
      return f.service + " moved: " + when;
    case BookingMessage::kCancelled:
    case BookingMessage::kCancelledAnswer:
      return f.service + " cancelled: " + when;
    case BookingMessage::kReminder:
      return "Reminder: " + f.service + " " + when;
    case BookingMessage::kConfirmedAnswer:
      return f.service + " confirmed: " + when;
  }
  return {};
}

std::string Capitalized(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

}  // namespace

const char* MessageKindName(BookingMessage message) {
  switch (message) {
    case BookingMessage::kConfirmation:
      return "booking_confirmation";
    case BookingMessage::kPending:
      return "booking_pending";
    case BookingMessage::kMoved:
      return "booking_moved";
    case BookingMessage::kCancelled:
      return "booking_cancelled";
    case BookingMessage::kReminder:
      return "booking_reminder";
    case BookingMessage::kConfirmedAnswer:
    case BookingMessage::kCancelledAnswer:
      return "booking_reply_answer";
  }
  return "booking";
}

automation::Rule RuleOf(BookingMessage message) {
  switch (message) {
    case BookingMessage::kConfirmation:
    case BookingMessage::kPending:
      return automation::Rule::kBookingConfirmation;
    case BookingMessage::kReminder:
      return automation::Rule::kBookingReminder;
    case BookingMessage::kMoved:
    case BookingMessage::kCancelled:
    case BookingMessage::kConfirmedAnswer:
    case BookingMessage::kCancelledAnswer:
      return automation::Rule::kBookingUpdates;
  }
  return automation::Rule::kBookingUpdates;
}

BookingText SmsText(BookingMessage message, const BookingFacts& f) {
  std::string body = f.business + ": " + Sentence(message, f);
  if (OffersChange(message) && !f.manage_link.empty()) {
    body += " Change or cancel: " + f.manage_link;
  }
  if (OffersBookAgain(message) && !f.book_again_link.empty()) {
    body += " Book again: " + f.book_again_link;
  }
  if (InvitesReply(message)) body += std::string(" ") + kReplyPrompt;
  return {"", body};
}

BookingText EmailText(BookingMessage message, const BookingFacts& f) {
  std::string body = "Hello,\n\n" + Capitalized(Sentence(message, f)) + "\n";
  if (!f.location.empty() && !OffersBookAgain(message)) body += "\nWhere: " + f.location + "\n";
  if (OffersChange(message) && !f.manage_link.empty()) {
    body += "\nTo change or cancel it, open " + f.manage_link + "\n";
  }
  if (OffersBookAgain(message) && !f.book_again_link.empty()) {
    body += "\nTo book again, open " + f.book_again_link + "\n";
  }
  body += "\n" + f.business + "\n";
  return {f.business + ": " + Subject(message, f), body};
}

std::string LocalTimeText(Millis at, std::string_view time_zone) {
  using namespace std::chrono;
  const sys_seconds instant{duration_cast<seconds>(milliseconds{at})};
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(time_zone);
  } catch (const std::exception&) {  // unknown zone: UTC below
  }
  const auto local =
      zone != nullptr ? zone->to_local(instant) : date::local_seconds{instant.time_since_epoch()};
  const auto day = floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<seconds> time{local - day};
  static constexpr std::array<const char*, 7> kWeekdays = {"Mon", "Tue", "Wed", "Thu",
                                                           "Fri", "Sat", "Sun"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const unsigned weekday = date::weekday{day}.iso_encoding() - 1;
  char clock[6];
  std::snprintf(clock, sizeof clock, "%02d:%02d", static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()));
  return std::string(kWeekdays[weekday]) + " " + std::to_string(unsigned{ymd.day()}) + " " +
         kMonths[unsigned{ymd.month()} - 1] + " at " + clock;
}

}  // namespace careops::booking
