#pragma once
// The SMS keywords carriers and Twilio act on (TWILIO.md, PRODUCT.md M6). A message is a
// keyword only when its whole body, trimmed and in any case, is one.

#include <string_view>

namespace careops::inbox {

enum class Keyword {
  kNone,    // ordinary text: it lands in the conversation
  kOptOut,  // STOP, STOPALL, UNSUBSCRIBE, END, QUIT, CANCEL, OPTOUT, REVOKE
  kOptIn,   // START, UNSTOP, YES
  kHelp,    // HELP, INFO
};

Keyword ClassifyKeyword(std::string_view body);

}  // namespace careops::inbox
