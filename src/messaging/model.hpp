#pragma once
// Messages: every SMS and email CareOps sends is a row in `messages` (the outbox) first.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"

namespace careops::db {
class Connection;
}

namespace careops::messaging {

enum class Channel { kSms, kEmail };

// Lower goes first: codes never wait behind confirmations, confirmations never behind bulk.
enum class Priority { kUrgent = 0, kNormal = 1, kBulk = 2 };

// queued -> sending -> sent -> delivered | undelivered | failed; queued -> skipped (provider
// "none"); sending -> retrying -> sending ... (transient failures); sending -> refused (the
// recipient opted out: never sent). Inbound messages are `received`.
// Delivery updates never move a message backwards (delivered does not become sent).
enum class MessageStatus {
  kQueued,
  kSending,
  kRetrying,
  kSent,
  kDelivered,
  kUndelivered,
  kFailed,
  kSkipped,
  kRefused,
  kReceived,
};

const char* StatusName(MessageStatus status);
std::optional<MessageStatus> ParseStatus(std::string_view name);
const char* ChannelName(Channel channel);  // "sms" | "email"

// The status a provider delivery report moves a message to, or nullopt to leave it as it is.
// Only a message the provider accepted (kSent) moves, and only forward: delivered (also
// "read"), undelivered and failed are final; queued/accepted/sending/sent change nothing.
std::optional<MessageStatus> StatusAfterReport(MessageStatus current, std::string_view reported);

// What a service asks to send. Written by Outbox::Enqueue in the caller's transaction.
struct NewMessage {
  Channel channel = Channel::kSms;
  std::string to;       // E.164 for SMS, address for email
  std::string subject;  // email only
  std::string body;
  Priority priority = Priority::kNormal;
  std::string kind;  // what it is for: "verification_code", "password_reset", ...
  std::optional<std::int64_t> user_id;          // the account it belongs to (may read it)
  std::optional<std::int64_t> workspace_id;     // the workspace it belongs to (later issues)
  std::optional<std::int64_t> conversation_id;  // the conversation it is part of (inbox)
  std::optional<std::int64_t> author_id;        // the staff member who wrote it (replies)
  // The body carries a secret (a code, a reset link): stored sealed with the server key,
  // never returned by the API, never logged. Only the provider sees the plaintext.
  bool sensitive = false;
};

// A message that came in (an SMS to the business, a contact-form message): stored with
// direction 'inbound' and status 'received'; never sent.
struct InboundMessage {
  std::int64_t workspace_id = 0;
  std::optional<std::int64_t> conversation_id;
  Channel channel = Channel::kSms;
  std::string kind;  // "inbound_sms", "contact_form"
  std::string from;  // the customer's number or address
  std::string to;    // the business's number or address ("" for the contact form)
  std::string subject;
  std::string body;
  std::string provider_id;  // Twilio's MessageSid; "" when none
};

// Told, after the change committed, that message `id`'s status changed (a send attempt, a
// delivery report): live views refresh. Runs on the thread that made the change.
using MessageChanged = std::function<void(db::Connection& conn, std::int64_t id)>;

// A row the dispatcher has claimed (status sending, leased to it). `body` is as stored:
// sealed when `sensitive`.
struct ClaimedMessage {
  std::int64_t id = 0;
  Channel channel = Channel::kSms;
  std::string kind;
  Priority priority = Priority::kNormal;
  std::string to;
  std::string subject;
  std::string body;
  bool sensitive = false;
  int attempt = 0;                           // this attempt's number, from 1
  std::optional<std::int64_t> workspace_id;  // sent through its own channel when it has one
};

struct MessageAttempt {
  int attempt = 0;
  Millis started_at = 0;
  Millis finished_at = 0;
  std::string outcome;  // accepted | transient | permanent | skipped
  std::optional<std::string> error_code;
  std::optional<std::string> error_message;
};

struct MessageEvent {
  std::string status;  // as the provider reported it
  std::optional<std::string> error_code;
  Millis received_at = 0;
};

// A message as the message log shows it. `body` is as stored (sealed when sensitive).
struct MessageRecord {
  std::int64_t id = 0;
  Channel channel = Channel::kSms;
  std::string kind;
  std::string to;
  std::string subject;
  std::string body;
  bool sensitive = false;
  std::optional<std::int64_t> user_id;
  std::string direction = "outbound";  // outbound | inbound
  std::optional<std::int64_t> author_id;
  std::string status;
  std::optional<std::string> error_code;
  std::optional<std::string> error_message;
  Millis created_at = 0;
  std::optional<Millis> sent_at;
  std::optional<Millis> delivered_at;
  std::vector<MessageAttempt> attempts;
  std::vector<MessageEvent> events;
};

}  // namespace careops::messaging
