#pragma once
// What CareOps tells a customer about a booking, by SMS and by email (docs/API.md, "Public
// booking", "SMS replies", "Reminders"). Pure functions: the caller picks the channel and
// queues the text through the outbox.
//
// Contracts relied on elsewhere:
// - Times are shown in the workspace's time zone ("Tue 3 Mar at 10:00").
// - Confirmations, pending notices, moves and reminders by SMS end with "Reply C to confirm or
//   X to cancel". No text ever asks the customer to reply CANCEL, STOP or any
//   other carrier opt-out keyword: those unsubscribe the number instead (TWILIO.md).
// - Every message that lets the customer change the booking carries its manage link.

#include <string>
#include <string_view>

#include "automation/rules.hpp"
#include "core/clock.hpp"

namespace careops::booking {

enum class BookingMessage {
  kConfirmation,     // booked (or approved): confirmed
  kPending,          // booked, awaiting the business's approval
  kMoved,            // new time or staff member
  kCancelled,        // cancelled (by staff, or by the customer through the link)
  kReminder,         // a reminder job
  kConfirmedAnswer,  // the answer to an SMS "C"
  kCancelledAnswer,  // the answer to an SMS "X"
};

// The outbox kind of a message: "booking_confirmation", "booking_pending", "booking_moved",
// "booking_cancelled", "booking_reminder", "booking_reply_answer".
const char* MessageKindName(BookingMessage message);

// The automation rule a message belongs to (automation/rules.hpp): confirmation and pending ->
// kBookingConfirmation; moved, cancelled and the C / X answers -> kBookingUpdates; reminder ->
// kBookingReminder. When the rule is off the message is not sent (the change itself happens).
automation::Rule RuleOf(BookingMessage message);

// What a text is made of.
struct BookingFacts {
  std::string business;   // the workspace's name
  std::string service;    // the service's name
  std::string time_zone;  // the workspace's IANA zone
  Millis start_at = 0;
  bool pending = false;         // awaiting approval (the confirmation answer says so)
  std::string location;         // an address or an online link; "" for none
  std::string manage_link;      // {PUBLIC_BASE_URL}/b#token=…
  std::string book_again_link;  // {PUBLIC_BASE_URL}/w/{slug}/book
};

struct BookingText {
  std::string subject;  // email only ("" for SMS)
  std::string body;
};

BookingText SmsText(BookingMessage message, const BookingFacts& facts);
BookingText EmailText(BookingMessage message, const BookingFacts& facts);

// "Tue 3 Mar at 10:00": `at` as local wall time in `time_zone` (UTC when the zone is unknown).
std::string LocalTimeText(Millis at, std::string_view time_zone);

}  // namespace careops::booking
