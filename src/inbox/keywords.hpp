#pragma once
// The SMS keywords carriers and Twilio act on (TWILIO.md, PRODUCT.md M6). A message is a
// keyword only when its whole body, trimmed and in any case, is one.

#include <optional>
#include <string_view>

#include "inbox/booking_replies.hpp"

namespace careops::inbox {

enum class Keyword {
  kNone,    // ordinary text: it lands in the conversation
  kOptOut,  // STOP, STOPALL, UNSUBSCRIBE, END, QUIT, CANCEL, OPTOUT, REVOKE
  kOptIn,   // START, UNSTOP, YES
  kHelp,    // HELP, INFO
};

Keyword ClassifyKeyword(std::string_view body);

// A reply to a booking message (docs/API.md, "SMS replies"), the whole body in any case:
// C, CONFIRM, Y, YES, 1 confirm; X, N, 2 cancel. YES is also an opt-in keyword: the caller
// opts an opted-out number back in instead. Never CANCEL or STOP (opt-out keywords).
std::optional<BookingReply> ClassifyBookingReply(std::string_view body);

}  // namespace careops::inbox
