#pragma once
// How the inbox hands SMS replies about bookings to the booking feature without depending on
// it (docs/API.md, "SMS replies"): C, CONFIRM, Y, YES, 1 confirm and X, N, 2 cancel the
// sender's next upcoming booking. The composition root installs the handler
// (InboxService::SetBookingReplies); without one, such replies are ordinary messages.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/clock.hpp"

namespace careops::db {
class Connection;
}

namespace careops::inbox {

enum class BookingReply { kConfirm, kCancel };

struct BookingReplyOutcome {
  // The SMS answering the customer; empty when the booking_updates automation rule is off
  // (the booking still changes; no answer is sent).
  std::string answer;
  std::function<void()> after_commit;  // e.g. publish the booking's change; may be empty
};

// Runs inside the transaction that stores the inbound SMS (on `conn`; must not commit). Acts
// on the contact's next upcoming pending or confirmed booking in the workspace and returns the
// answer, or nullopt when the contact has none (the SMS then stays an ordinary message).
using BookingReplyHandler = std::function<std::optional<BookingReplyOutcome>(
    db::Connection& conn, std::int64_t workspace_id, std::int64_t contact_id,
    std::int64_t conversation_id, BookingReply reply, Millis now)>;

}  // namespace careops::inbox
