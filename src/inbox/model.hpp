#pragma once
// The inbox (PRODUCT.md C3, C4): one conversation per contact, holding every message to and
// from them. Times are UTC milliseconds.

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"

namespace careops::inbox {

struct Conversation {
  std::int64_t id = 0;
  std::int64_t workspace_id = 0;
  std::int64_t contact_id = 0;
  std::string status = "open";  // open | pending | closed
  std::optional<std::int64_t> assignee_id;
  Millis last_activity_at = 0;
  int unread_count = 0;
  bool waiting_for_reply = false;  // the customer wrote last
  bool automation_paused = false;  // staff replied: automated follow-ups wait
  std::string flag;                // a note for staff
  std::string preview;             // the start of the last message
  Millis created_at = 0;
  // From the contact, for listings.
  std::string contact_name;
  std::string contact_email;
  std::string contact_phone;
  bool contact_sms_opted_out = false;
};

// Something that happened in a conversation besides a message (a booking made, moved,
// cancelled…): shown in the thread in time order with the messages.
struct ConversationEvent {
  std::int64_t id = 0;
  std::int64_t conversation_id = 0;
  std::string kind;  // "booking_created", "booking_cancelled", …
  std::string body;  // the sentence staff read
  std::optional<std::int64_t> booking_id;
  std::optional<std::int64_t> author_id;  // the staff member; nullopt: customer or system
  Millis created_at = 0;
};

// Message kinds of the inbox.
inline constexpr const char* kKindInboundSms = "inbound_sms";
inline constexpr const char* kKindReply = "reply";
inline constexpr const char* kKindOptOutConfirmation = "opt_out_confirmation";
inline constexpr const char* kKindOptInConfirmation = "opt_in_confirmation";
inline constexpr const char* kKindHelp = "help_answer";
inline constexpr const char* kKindBookingReplyAnswer = "booking_reply_answer";  // after C / X

// The conversation's flag after a CANCEL reply (PRODUCT.md M6).
inline constexpr const char* kCancelFlag = "replied CANCEL: opted out of SMS, booking unchanged";

}  // namespace careops::inbox
