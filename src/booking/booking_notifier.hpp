#pragma once
// How the booking feature tells people what happened to a booking: an event in the contact's
// conversation for staff (inbox ConversationRepository::RecordEvent) and a message to the
// customer through the outbox, in that conversation and through the workspace's own channel.
// Both join the caller's open transaction; the caller wakes the outbox after its commit.
// Thread-safe (read-only after construction).

#include <cstdint>
#include <optional>
#include <string>

#include "booking/booking_messages.hpp"
#include "booking/booking_repository.hpp"
#include "booking/manage_token.hpp"

namespace careops {
class SecretKey;
}
namespace careops::db {
class Connection;
}
namespace careops::messaging {
class Outbox;
}
namespace careops::workspaces {
struct Workspace;
}

namespace careops::booking {

// Conversation event kinds (conversation_events.kind).
enum class BookingEvent {
  kCreated,            // "booking_created"
  kRequested,          // "booking_requested": awaiting approval
  kConfirmed,          // "booking_confirmed": approved by staff
  kCustomerConfirmed,  // "booking_customer_confirmed": the customer said yes (C, the link)
  kMoved,              // "booking_moved"
  kCancelled,          // "booking_cancelled"
  kCompleted,          // "booking_completed"
  kNoShow,             // "booking_no_show"
};
const char* EventKindName(BookingEvent event);

class BookingNotifier {
 public:
  // All must outlive the notifier. `public_base_url` is read at each message (it is final
  // only once the server listens).
  BookingNotifier(const SecretKey& key, const messaging::Outbox& outbox,
                  const std::string& public_base_url);

  const ManageTokens& tokens() const { return tokens_; }
  // A fresh manage link for `b` (expires 7 days after its current start).
  std::string ManageLinkFor(const Booking& b) const;
  // What the texts about `d` are made of.
  BookingFacts Facts(const workspaces::Workspace& w, const BookingDetails& d) const;

  // Writes `event` into the contact's conversation (opened when it has none; its id is then
  // set in d.conversation_id) and returns the conversation's id. `author_id`: the staff member
  // who made the change; nullopt for the customer or the system.
  std::int64_t RecordEvent(db::Connection& conn, const workspaces::Workspace& w, BookingDetails& d,
                           BookingEvent event, std::optional<std::int64_t> author_id,
                           Millis now) const;

  // Queues `message` about `d` to its contact in its conversation (opened when needed): by
  // SMS when the contact has a phone number that has not opted out, else by email when it has
  // an address that has not opted out, else not at all (nullopt). Nothing either (nullopt)
  // when the message's automation rule (RuleOf) is off for the workspace — read in the
  // caller's transaction, so a switch takes effect from the next change. Priority normal.
  // Returns the message's id.
  std::optional<std::int64_t> Send(db::Connection& conn, const workspaces::Workspace& w,
                                   BookingDetails& d, BookingMessage message, Millis now) const;

 private:
  const messaging::Outbox& outbox_;
  const std::string& public_base_url_;
  ManageTokens tokens_;
};

}  // namespace careops::booking
