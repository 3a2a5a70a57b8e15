#pragma once
// All SQL of the messaging feature except the outbox insert (outbox.cpp). Stateless: every
// function runs on the connection it is given, so it is as thread-safe as that connection's
// owner makes it.
//
// Leases: the dispatcher claims rows by setting status 'sending', lease_until and lease_owner
// in one UPDATE … RETURNING. A row is claimable when it is queued/retrying, due and not
// leased, or when it is 'sending' under a lease that expired (its dispatcher died).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "messaging/model.hpp"

namespace careops::db {
class Connection;
}

namespace careops::messaging {

// What one send attempt did, and the state it leaves the message in.
struct AttemptOutcome {
  std::int64_t message_id = 0;
  int attempt = 0;
  Millis started_at = 0;
  Millis finished_at = 0;
  std::string outcome;  // accepted | transient | permanent | skipped
  std::string error_code;
  std::string error_message;
  std::string provider;      // "twilio", "smtp", "console", "none"
  std::string provider_id;   // empty: none
  std::string from_address;  // the sender identity used
  // kSent, kRetrying, kFailed, kSkipped or kRefused.
  MessageStatus status = MessageStatus::kRetrying;
  Millis next_attempt_at = 0;  // for kRetrying
};

enum class ReportResult { kUnknownMessage, kRecorded, kStatusChanged };

class MessageRepository {
 public:
  // Claims up to `limit` due rows of `channel` for `owner` until `lease_until`, in send order
  // (priority, then id). Each claim counts as an attempt (attempts + 1).
  static std::vector<ClaimedMessage> Claim(db::Connection& conn, Channel channel, int limit,
                                           Millis now, Millis lease_until,
                                           const std::string& owner);
  // Extends the lease of a row `owner` still holds; false when the lease was lost.
  static bool RenewLease(db::Connection& conn, std::int64_t id, const std::string& owner,
                         Millis lease_until);
  // Records the attempt and, when `owner` still holds the row, moves it to outcome.status
  // (clearing the lease). One transaction. Returns false when the lease had been lost.
  static bool RecordAttempt(db::Connection& conn, const std::string& owner,
                            const AttemptOutcome& outcome);
  // Gives back a claimed row that was not sent (attempts - 1, queued or retrying, no lease).
  // With id = nullopt, every row `owner` holds. Returns the rows released.
  static std::int64_t Release(db::Connection& conn, const std::string& owner,
                              std::optional<std::int64_t> id = std::nullopt);
  // The earliest time a row becomes claimable (due time or lease expiry); nullopt when none.
  static std::optional<Millis> NextClaimableAt(db::Connection& conn);
  // Messages waiting to be sent (queued, retrying or sending).
  static std::int64_t CountWaiting(db::Connection& conn);

  // Stores a message that came in. nullopt when one with the same provider_id is already
  // stored (a provider's redelivery).
  static std::optional<std::int64_t> RecordInbound(db::Connection& conn,
                                                   const InboundMessage& message, Millis now);

  // The newest `limit` messages of a conversation, oldest first, without their attempts and
  // events (one indexed query).
  static std::vector<MessageRecord> ListConversation(db::Connection& conn,
                                                     std::int64_t conversation_id, int limit);

  // The id of the message the provider calls `provider_id`.
  static std::optional<std::int64_t> IdOfProviderId(db::Connection& conn,
                                                    const std::string& provider_id);

  // A message with its attempts and delivery events, or nullopt.
  static std::optional<MessageRecord> Find(db::Connection& conn, std::int64_t id);
  // Applies a provider delivery report for `provider_id`: records the event, and moves the
  // status forward when StatusAfterReport allows (sets delivered_at, error_code/message).
  static ReportResult ApplyReport(db::Connection& conn, const std::string& provider_id,
                                  const std::string& reported_status, const std::string& error_code,
                                  const std::string& error_message, Millis now);
};

}  // namespace careops::messaging
