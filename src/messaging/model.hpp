#pragma once
// Messages: every SMS and email CareOps sends is a row in `messages` (the outbox) first.

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"

namespace careops::messaging {

enum class Channel { kSms, kEmail };

// Lower goes first: codes never wait behind confirmations, confirmations never behind bulk.
enum class Priority { kUrgent = 0, kNormal = 1, kBulk = 2 };

// queued -> sending -> sent -> delivered | undelivered | failed; queued -> skipped (provider
// "none"); sending -> retrying -> sending ... (transient failures); refused (opted out, later).
// Delivery updates never move a message backwards (delivered does not become sent).
enum class MessageStatus {
  kQueued,
  kSending,
  kRetrying,
  kSent,
  kDelivered,
  kUndelivered,
  kFailed,
  kSkipped
};

const char* StatusName(MessageStatus status);
std::optional<MessageStatus> ParseStatus(std::string_view name);

// What a service asks to send. Written by Outbox::Enqueue in the caller's transaction.
struct NewMessage {
  Channel channel = Channel::kSms;
  std::string to;       // E.164 for SMS, address for email
  std::string subject;  // email only
  std::string body;
  Priority priority = Priority::kNormal;
  std::string kind;  // what it is for: "verification_code", "password_reset", ...
  std::optional<std::int64_t> user_id;       // the account it belongs to (may read it)
  std::optional<std::int64_t> workspace_id;  // the workspace it belongs to (later issues)
  // The body carries a secret (a code, a reset link): stored sealed with the server key,
  // never returned by the API, never logged. Only the provider sees the plaintext.
  bool sensitive = false;
};

}  // namespace careops::messaging
