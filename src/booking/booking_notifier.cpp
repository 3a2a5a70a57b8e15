#include "booking/booking_notifier.hpp"

#include "automation/rules.hpp"
#include "db/database.hpp"
#include "inbox/conversation_repository.hpp"
#include "messaging/outbox.hpp"
#include "workspaces/model.hpp"

namespace careops::booking {
namespace {

// The sentence staff read in the conversation.
std::string EventSentence(BookingEvent event, const workspaces::Workspace& w,
                          const BookingDetails& d) {
  const Booking& b = d.booking;
  const std::string when = LocalTimeText(b.start_at, w.timezone);
  std::string what = d.service_name + " on " + when;
  switch (event) {
    case BookingEvent::kCreated:
      return d.service_name + " booked for " + when + " with " + d.staff_name +
             (b.source == "public" ? " (online booking)" : " (by staff)");
    case BookingEvent::kRequested:
      return d.service_name + " requested for " + when + " with " + d.staff_name +
             ": awaiting approval";
    case BookingEvent::kConfirmed:
      return what + " confirmed";
    case BookingEvent::kCustomerConfirmed:
      return "The customer confirmed " + what;
    case BookingEvent::kMoved:
      return d.service_name + " moved to " + when + " with " + d.staff_name;
    case BookingEvent::kCancelled:
      return what + " cancelled by " +
             (b.cancelled_by.value_or("staff") == "customer" ? "the customer" : "staff");
    case BookingEvent::kCompleted:
      return what + " completed";
    case BookingEvent::kNoShow:
      return what + ": the customer did not come";
  }
  return what;
}

std::int64_t OpenConversation(db::Connection& conn, BookingDetails& d, Millis now) {
  if (!d.conversation_id) {
    d.conversation_id = inbox::ConversationRepository(conn)
                            .Open(d.booking.workspace_id, d.booking.contact_id, now)
                            .id;
  }
  return *d.conversation_id;
}

}  // namespace

const char* EventKindName(BookingEvent event) {
  switch (event) {
    case BookingEvent::kCreated:
      return "booking_created";
    case BookingEvent::kRequested:
      return "booking_requested";
    case BookingEvent::kConfirmed:
      return "booking_confirmed";
    case BookingEvent::kCustomerConfirmed:
      return "booking_customer_confirmed";
    case BookingEvent::kMoved:
      return "booking_moved";
    case BookingEvent::kCancelled:
      return "booking_cancelled";
    case BookingEvent::kCompleted:
      return "booking_completed";
    case BookingEvent::kNoShow:
      return "booking_no_show";
  }
  return "booking";
}

BookingNotifier::BookingNotifier(const SecretKey& key, const messaging::Outbox& outbox,
                                 const std::string& public_base_url)
    : outbox_(outbox), public_base_url_(public_base_url), tokens_(key) {}

std::string BookingNotifier::ManageLinkFor(const Booking& b) const {
  return ManageLink(public_base_url_, tokens_.Make(b.id, b.start_at));
}

BookingFacts BookingNotifier::Facts(const workspaces::Workspace& w, const BookingDetails& d) const {
  BookingFacts f;
  f.business = w.name;
  f.service = d.service_name;
  f.time_zone = w.timezone;
  f.start_at = d.booking.start_at;
  f.pending = d.booking.status == BookingStatus::kPending;
  f.location = d.service_location;
  f.manage_link = ManageLinkFor(d.booking);
  std::string base = public_base_url_;
  while (!base.empty() && base.back() == '/') base.pop_back();
  f.book_again_link = base + "/w/" + w.slug + "/book";
  return f;
}

std::int64_t BookingNotifier::RecordEvent(db::Connection& conn, const workspaces::Workspace& w,
                                          BookingDetails& d, BookingEvent event,
                                          std::optional<std::int64_t> author_id, Millis now) const {
  inbox::ConversationEvent e;
  e.conversation_id = OpenConversation(conn, d, now);
  e.kind = EventKindName(event);
  e.body = EventSentence(event, w, d);
  e.booking_id = d.booking.id;
  e.author_id = author_id;
  e.created_at = now;
  inbox::ConversationRepository(conn).RecordEvent(e);
  return e.conversation_id;
}

std::optional<std::int64_t> BookingNotifier::Send(db::Connection& conn,
                                                  const workspaces::Workspace& w, BookingDetails& d,
                                                  BookingMessage message, Millis now) const {
  if (!automation::IsEnabled(conn, w.id, RuleOf(message))) return std::nullopt;
  messaging::NewMessage m;
  BookingText text;
  if (d.contact_phone && !d.contact_sms_opted_out) {
    m.channel = messaging::Channel::kSms;
    m.to = *d.contact_phone;
    text = SmsText(message, Facts(w, d));
  } else if (d.contact_email && !d.contact_email_opted_out) {
    m.channel = messaging::Channel::kEmail;
    m.to = *d.contact_email;
    text = EmailText(message, Facts(w, d));
  } else {
    return std::nullopt;
  }
  m.subject = std::move(text.subject);
  m.body = std::move(text.body);
  m.priority = messaging::Priority::kNormal;
  m.kind = MessageKindName(message);
  m.workspace_id = w.id;
  m.conversation_id = OpenConversation(conn, d, now);
  const std::int64_t id = outbox_.Enqueue(conn, m);
  inbox::ConversationRepository(conn).RecordOutbound(*d.conversation_id, m.body,
                                                     /*by_staff=*/false, now);
  return id;
}

}  // namespace careops::booking
