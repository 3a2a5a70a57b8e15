#include "inbox/inbox_service.hpp"

#include <algorithm>

#include "auth/phone.hpp"
#include "auth/throttle_repository.hpp"
#include "automation/rules.hpp"
#include "contacts/contact_repository.hpp"
#include "contacts/contact_rules.hpp"
#include "contacts/contact_service.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"
#include "db/database.hpp"
#include "inbox/keywords.hpp"
#include "inbox/templates.hpp"
#include "messaging/message_repository.hpp"
#include "messaging/outbox.hpp"
#include "workspaces/public_workspace.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::inbox {
namespace {

using contacts::Contact;
using contacts::ContactRepository;
using messaging::Channel;

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxFormMessage = 5'000;
constexpr std::size_t kMaxSms = 1'600;
constexpr std::size_t kMaxEmail = 20'000;
constexpr int kThreadLimit = 500;

// The workspace an inbound SMS is for: the one whose own number or Messaging Service it was
// sent to; else (the server's shared number) the one that last sent an SMS to `from`.
std::optional<std::int64_t> RouteInbound(db::Connection& conn, const InboundSms& sms) {
  if (auto own = conn.QueryOne(
          "SELECT workspace_id FROM workspace_channels WHERE channel = 'sms' AND mode = 'own' "
          "AND (sender = ? OR (? <> '' AND messaging_service_sid = ?)) "
          "ORDER BY updated_at DESC LIMIT 1",
          {sms.to, sms.messaging_service_sid, sms.messaging_service_sid})) {
    return own->Int(0);
  }
  if (auto last = conn.QueryOne(
          "SELECT workspace_id FROM messages WHERE channel = 'sms' AND to_address = ? "
          "AND direction = 'outbound' AND workspace_id IS NOT NULL ORDER BY id DESC LIMIT 1",
          {sms.from})) {
    return last->Int(0);
  }
  return std::nullopt;
}

// "Sunny Clinic: call +1 415 555 0100 or write to hello@sunny.example. Reply STOP to opt out."
std::string HelpText(const workspaces::Workspace& w) {
  std::string contact;
  if (!w.contact_phone.empty()) contact = "call " + w.contact_phone;
  if (!w.contact_email.empty()) {
    contact += (contact.empty() ? "write to " : " or write to ") + w.contact_email;
  }
  return w.name + (contact.empty() ? "" : ": " + contact) + ". Reply STOP to opt out.";
}

// Queues `m` as a message of `conversation` (its workspace's channel) and records it as the
// conversation's latest activity (a staff message answers the customer). Returns the message id.
std::int64_t SendInConversation(db::Connection& conn, const messaging::Outbox& outbox,
                                const Conversation& conversation, messaging::NewMessage m,
                                bool by_staff, Millis now) {
  m.workspace_id = conversation.workspace_id;
  m.conversation_id = conversation.id;
  const std::int64_t id = outbox.Enqueue(conn, m);
  ConversationRepository(conn).RecordOutbound(conversation.id, m.body, by_staff, now);
  return id;
}

}  // namespace

bool SmsOptedOut(db::Connection& conn, std::int64_t workspace_id, const std::string& phone) {
  return conn
      .QueryOne(
          "SELECT 1 FROM contacts WHERE workspace_id = ? AND phone = ? "
          "AND sms_opted_out_at IS NOT NULL",
          {workspace_id, phone})
      .has_value();
}

InboxService::InboxService(const Clock& clock, const messaging::Outbox& outbox,
                           const contacts::ContactService& contacts, ConversationChanged changed)
    : clock_(clock), outbox_(outbox), contacts_(contacts), changed_(std::move(changed)) {}

void InboxService::Changed(std::int64_t workspace_id, std::int64_t id) const {
  if (changed_) changed_(workspace_id, id);
}

std::optional<std::int64_t> InboxService::ReceiveSms(db::Connection& conn,
                                                     const InboundSms& sms) const {
  const Millis now = clock_.NowMillis();
  db::Transaction tx(conn);
  const auto workspace_id = RouteInbound(conn, sms);
  if (!workspace_id) return std::nullopt;
  const auto workspace = workspaces::WorkspaceRepository(conn).FindById(*workspace_id);
  if (!workspace) return std::nullopt;

  auto found = contacts_.FindOrCreate(conn, *workspace_id, "", std::nullopt, sms.from,
                                      contacts::kSourceInboundSms);
  if (!found.ok()) return std::nullopt;  // not a number a contact can have
  const Contact& contact = *found;
  ConversationRepository conversations(conn);
  const Conversation conversation = conversations.Open(*workspace_id, contact.id, now);
  messaging::InboundMessage in;
  in.workspace_id = *workspace_id;
  in.conversation_id = conversation.id;
  in.kind = kKindInboundSms;
  in.from = sms.from;
  in.to = sms.to;
  in.body = sms.body;
  in.provider_id = sms.message_sid;
  if (!messaging::MessageRepository::RecordInbound(conn, in, now)) return std::nullopt;
  conversations.RecordInbound(conversation.id, sms.body, now);

  // The answer a keyword (or a reply to a booking) asks for, if any.
  std::optional<std::pair<const char*, std::string>> answer;
  std::optional<BookingReplyOutcome> booking;
  switch (ClassifyKeyword(sms.body)) {
    case Keyword::kOptOut:
      if (!contact.sms_opted_out_at) {
        answer = {kKindOptOutConfirmation,
                  "You are unsubscribed from " + workspace->name +
                      " messages. No more messages will be sent. Reply START to resubscribe."};
      }
      ContactRepository(conn).SetSmsOptOut(*workspace_id, sms.from, now, now);
      if (ClassifyKeyword(sms.body) == Keyword::kOptOut &&
          AsciiLower(TrimView(sms.body)).starts_with("cancel")) {
        conversations.SetFlag(conversation.id, kCancelFlag);
      }
      break;
    case Keyword::kOptIn:
      if (contact.sms_opted_out_at) {
        ContactRepository(conn).SetSmsOptOut(*workspace_id, sms.from, std::nullopt, now);
        answer = {kKindOptInConfirmation, "You are resubscribed to " + workspace->name +
                                              " messages. Reply STOP to unsubscribe."};
        break;
      }
      [[fallthrough]];  // YES from a subscribed number confirms a booking
    case Keyword::kNone:
      if (const auto reply = ClassifyBookingReply(sms.body); reply && booking_replies_) {
        booking = booking_replies_(conn, *workspace_id, contact.id, conversation.id, *reply, now);
        if (booking && !booking->answer.empty()) {
          answer = {kKindBookingReplyAnswer, booking->answer};
        }
      }
      break;
    case Keyword::kHelp:
      answer = {kKindHelp, HelpText(*workspace)};
      break;
  }
  if (answer) {
    messaging::NewMessage m;
    m.channel = Channel::kSms;
    m.to = sms.from;
    m.body = answer->second;
    m.priority = messaging::Priority::kUrgent;
    m.kind = answer->first;
    SendInConversation(conn, outbox_, conversation, std::move(m), /*by_staff=*/false, now);
  }
  tx.Commit();
  // Listeners hear of the conversation before its answer can be sent.
  Changed(*workspace_id, conversation.id);
  if (booking && booking->after_commit) booking->after_commit();
  if (answer) outbox_.Wake();
  return workspace_id;
}

Status InboxService::SubmitContactForm(db::Connection& conn, std::string_view slug,
                                       const ContactForm& form, std::string_view ip) const {
  auto workspace = workspaces::OpenWorkspaceBySlug(conn, slug);
  if (!workspace.ok()) return std::move(workspace).error();
  if (!form.website.empty()) return Ok();  // a bot filled the hidden field

  const std::string name = Trim(form.name);
  if (name.empty() || name.size() > kMaxName) {
    return Error::InvalidArgument("name must be 1 to 200 characters", "name");
  }
  const std::string message = Trim(form.message);
  if (message.empty() || message.size() > kMaxFormMessage) {
    return Error::InvalidArgument("message must be 1 to 5,000 characters", "message");
  }
  auto email = contacts::NormalizeContactEmail(form.email);
  if (!email.ok()) return std::move(email).error();
  std::optional<std::string> phone;
  if (const std::string p = Trim(form.phone); !p.empty()) {
    auto parsed = auth::NormalizePhone(p, workspace->default_region);
    if (!parsed.ok()) {
      return Error::InvalidArgument("phone must be a mobile number such as +14155552671", "phone");
    }
    phone = std::move(parsed).value();
  }
  if (!*email && !phone) {
    return Error::InvalidArgument("give an email address or a phone number", "email");
  }

  const Millis now = clock_.NowMillis();
  db::Transaction tx(conn);
  const int count = auth::ThrottleRepository(conn).RecordFailure("contact_form:" + std::string(ip),
                                                                 now, now - kFormWindow);
  if (count > kFormsPerWindow) {
    tx.Commit();  // the count stands
    return Error::RateLimited(static_cast<int>(kFormWindow / 1000),
                              "too many messages from here; try again in a few minutes");
  }
  auto found = contacts_.FindOrCreate(
      conn, workspace->id, name, email ? std::optional<std::string_view>(*email) : std::nullopt,
      phone ? std::optional<std::string_view>(*phone) : std::nullopt, contacts::kSourceContactForm);
  if (!found.ok()) return std::move(found).error();
  const Contact& contact = *found;
  ConversationRepository conversations(conn);
  const Conversation conversation = conversations.Open(workspace->id, contact.id, now);
  messaging::InboundMessage in;
  in.workspace_id = workspace->id;
  in.conversation_id = conversation.id;
  in.channel = phone ? Channel::kSms : Channel::kEmail;
  in.kind = "contact_form";
  in.from = phone ? *phone : **email;
  in.body = message;
  messaging::MessageRepository::RecordInbound(conn, in, now);
  conversations.RecordInbound(conversation.id, message, now);

  // The welcome: SMS when there is a phone that has not opted out, else email.
  const bool by_sms = phone && !SmsOptedOut(conn, workspace->id, *phone);
  if ((by_sms || *email) &&
      automation::IsEnabled(conn, workspace->id, automation::Rule::kWelcome)) {
    auto tmpl = GetTemplate(conn, workspace->id, by_sms ? kWelcomeSms : kWelcomeEmail);
    messaging::NewMessage m;
    m.channel = by_sms ? Channel::kSms : Channel::kEmail;
    m.to = by_sms ? *phone : **email;
    m.subject = Render(tmpl->subject, workspace->name, name);
    m.body = Render(tmpl->body, workspace->name, name);
    m.kind = "welcome";
    SendInConversation(conn, outbox_, conversation, std::move(m), /*by_staff=*/false, now);
  }
  tx.Commit();
  Changed(workspace->id, conversation.id);
  outbox_.Wake();
  return Ok();
}

std::vector<Conversation> InboxService::List(db::Connection& conn, std::int64_t workspace_id,
                                             const ConversationFilter& filter) const {
  return ConversationRepository(conn).List(workspace_id, filter);
}

Result<Thread> InboxService::Open(db::Connection& conn, std::int64_t workspace_id,
                                  std::int64_t id) const {
  ConversationRepository conversations(conn);
  auto conversation = conversations.Find(workspace_id, id);
  if (!conversation) return Error::NotFound("no such conversation");
  Thread thread;
  thread.messages = messaging::MessageRepository::ListConversation(conn, id, kThreadLimit);
  thread.events = conversations.Events(id, kThreadLimit);
  if (conversation->unread_count > 0) {
    conversations.MarkRead(id);
    conversation->unread_count = 0;
  }
  thread.conversation = std::move(*conversation);
  return thread;
}

Result<Conversation> InboxService::Update(db::Connection& conn, std::int64_t workspace_id,
                                          std::int64_t id, std::optional<std::string> status,
                                          std::optional<std::int64_t> assignee_id,
                                          std::optional<bool> automation_paused) const {
  db::Transaction tx(conn);
  ConversationRepository conversations(conn);
  auto c = conversations.Find(workspace_id, id);
  if (!c) return Error::NotFound("no such conversation");
  if (status) {
    if (*status != "open" && *status != "pending" && *status != "closed") {
      return Error::InvalidArgument("status must be open, pending or closed", "status");
    }
    c->status = *status;
    if (*status == "closed") c->automation_paused = false;
  }
  if (assignee_id) {
    if (*assignee_id == 0) {
      c->assignee_id.reset();
    } else if (const auto member =
                   workspaces::WorkspaceRepository(conn).FindMember(workspace_id, *assignee_id);
               !member || !member->active) {
      return Error::InvalidArgument("assignee_id is not a member of this workspace", "assignee_id");
    } else {
      c->assignee_id = *assignee_id;
    }
  }
  if (automation_paused) c->automation_paused = *automation_paused;
  conversations.Update(*c);
  tx.Commit();
  Changed(workspace_id, id);
  return conversations.Find(workspace_id, id).value();
}

Result<std::int64_t> InboxService::Reply(db::Connection& conn, std::int64_t workspace_id,
                                         std::int64_t id, std::int64_t author_id, Channel channel,
                                         const std::string& body,
                                         const std::string& subject) const {
  const std::size_t max = channel == Channel::kSms ? kMaxSms : kMaxEmail;
  if (Trim(body).empty() || body.size() > max) {
    return Error::InvalidArgument("body must be 1 to " + std::to_string(max) + " characters",
                                  "body");
  }
  if (subject.size() > 200) return Error::InvalidArgument("subject is too long", "subject");
  const Millis now = clock_.NowMillis();
  db::Transaction tx(conn);
  ConversationRepository conversations(conn);
  auto c = conversations.Find(workspace_id, id);
  if (!c) return Error::NotFound("no such conversation");
  messaging::NewMessage m;
  m.channel = channel;
  if (channel == Channel::kSms) {
    if (c->contact_phone.empty()) return Error::Conflict("the contact has no phone number");
    if (c->contact_sms_opted_out) return Error::Conflict("the contact opted out of SMS (STOP)");
    m.to = c->contact_phone;
  } else {
    if (c->contact_email.empty()) return Error::Conflict("the contact has no email address");
    m.to = c->contact_email;
    m.subject = subject.empty() ? "Re: your message" : subject;
  }
  m.body = body;
  m.kind = kKindReply;
  m.author_id = author_id;
  m.user_id = author_id;
  const std::int64_t message_id =
      SendInConversation(conn, outbox_, *c, std::move(m), /*by_staff=*/true, now);
  if (automation::IsEnabled(conn, workspace_id, automation::Rule::kPauseOnStaffReply)) {
    conversations.PauseAutomation(id);
  }
  tx.Commit();
  Changed(workspace_id, id);
  outbox_.Wake();
  return message_id;
}

}  // namespace careops::inbox
