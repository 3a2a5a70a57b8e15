#pragma once
// The rules of the inbox (PRODUCT.md C2–C4, M6; docs/API.md "Public contact form and inbox"):
// inbound SMS with the carrier keywords, the public contact form with its welcome message,
// conversations and staff replies. Knows nothing of HTTP; member routes are checked by the
// router's MemberGuard. Thread-safe (const; uses the caller's connection; each call opens its
// own transaction: REQUIRES none open on `conn`).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "inbox/booking_replies.hpp"
#include "inbox/conversation_repository.hpp"
#include "inbox/model.hpp"
#include "messaging/model.hpp"

namespace careops {
class Clock;
}
namespace careops::db {
class Connection;
}
namespace careops::messaging {
class Outbox;
}
namespace careops::contacts {
class ContactService;
}

namespace careops::inbox {

// An SMS to a business, as Twilio's inbound webhook gives it.
struct InboundSms {
  std::string from;  // the customer, E.164
  std::string to;    // the business's number
  std::string body;
  std::string message_sid;
  std::string messaging_service_sid;  // "" when none
};

struct ContactForm {
  std::string name;
  std::string email;
  std::string phone;
  std::string message;
  std::string website;  // the honeypot: people leave it empty
};

// A conversation with its messages and its events, each oldest first (the newest 500 of each).
struct Thread {
  Conversation conversation;
  std::vector<messaging::MessageRecord> messages;
  std::vector<ConversationEvent> events;
};

// Submissions of the contact form per IP within kFormWindow, at most.
inline constexpr int kFormsPerWindow = 5;
inline constexpr Millis kFormWindow = 10 * 60 * 1000;

// Called after a change to a conversation of a workspace was committed (live updates).
using ConversationChanged = std::function<void(std::int64_t workspace_id, std::int64_t id)>;

class InboxService {
 public:
  // All must outlive the service.
  InboxService(const Clock& clock, const messaging::Outbox& outbox,
               const contacts::ContactService& contacts, ConversationChanged changed);

  // Installs the booking feature's handler of C / X replies. Start-up only (not thread-safe).
  void SetBookingReplies(BookingReplyHandler handler) { booking_replies_ = std::move(handler); }

  // Files an inbound SMS: routes it to a workspace (its own number or Messaging Service;
  // else, on the server's shared number, the workspace that last texted `from`), acts on
  // keywords (opt-out with one confirmation, opt-in, HELP answer; CANCEL also flags the
  // conversation) and stores it in the contact's conversation (an unknown number becomes a
  // contact). Returns the workspace it went to, or nullopt (unroutable, or a redelivery).
  std::optional<std::int64_t> ReceiveSms(db::Connection& conn, const InboundSms& sms) const;

  // The public contact form of the workspace `slug`. NotFound / Conflict (not open yet) from
  // OpenWorkspaceBySlug; InvalidArgument naming the field; RateLimited per `ip`. A filled
  // honeypot is accepted and dropped.
  Status SubmitContactForm(db::Connection& conn, std::string_view slug, const ContactForm& form,
                           std::string_view ip) const;

  std::vector<Conversation> List(db::Connection& conn, std::int64_t workspace_id,
                                 const ConversationFilter& filter) const;
  // NotFound for another workspace's conversation. Marks it read.
  Result<Thread> Open(db::Connection& conn, std::int64_t workspace_id, std::int64_t id) const;
  // status (open | pending | closed; closing resumes automation), assignee (must be an active
  // member; 0 = none) and automation_paused, each when given.
  Result<Conversation> Update(db::Connection& conn, std::int64_t workspace_id, std::int64_t id,
                              std::optional<std::string> status,
                              std::optional<std::int64_t> assignee_id,
                              std::optional<bool> automation_paused) const;
  // A staff reply through the outbox (and the workspace's channel); pauses automation for the
  // contact. Conflict when the contact has no phone / email for `channel` or opted out of it.
  Result<std::int64_t> Reply(db::Connection& conn, std::int64_t workspace_id, std::int64_t id,
                             std::int64_t author_id, messaging::Channel channel,
                             const std::string& body, const std::string& subject) const;

 private:
  void Changed(std::int64_t workspace_id, std::int64_t id) const;

  const Clock& clock_;
  const messaging::Outbox& outbox_;
  const contacts::ContactService& contacts_;
  ConversationChanged changed_;
  BookingReplyHandler booking_replies_;
};

// Whether `phone` opted out of SMS from `workspace_id` (the dispatcher's refusal check).
bool SmsOptedOut(db::Connection& conn, std::int64_t workspace_id, const std::string& phone);

}  // namespace careops::inbox
