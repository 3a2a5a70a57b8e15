#pragma once
// HTTP handlers of the inbox: JSON <-> InboxService (docs/API.md, "Public contact form and
// inbox"). Member routes reach these after MemberGuard (permission inbox; templates: owner);
// the inbound webhook after the Twilio signature guard. Thread-safe (const, stateless).

#include "http/message.hpp"
#include "http/router.hpp"

namespace careops::http {
class EventHub;
}

namespace careops::inbox {

class InboxService;

class InboxHandlers {
 public:
  // Both must outlive the handlers.
  InboxHandlers(const InboxService& service, http::EventHub& events)
      : service_(service), events_(events) {}

  http::Response ListConversations(http::RequestContext& ctx) const;
  http::Response GetConversation(http::RequestContext& ctx) const;
  http::Response UpdateConversation(http::RequestContext& ctx) const;
  http::Response Reply(http::RequestContext& ctx) const;
  // The workspace's live updates (text/event-stream; see live.hpp).
  http::Response Events(http::RequestContext& ctx) const;
  // {key}: welcome_sms | welcome_email.
  http::Response GetTemplate(http::RequestContext& ctx) const;
  http::Response PutTemplate(http::RequestContext& ctx) const;
  // Public: POST /api/public/{slug}/contact.
  http::Response ContactForm(http::RequestContext& ctx) const;
  // Twilio: POST /api/webhooks/twilio/inbound; answers TwiML <Response/>.
  http::Response InboundSms(http::RequestContext& ctx) const;

 private:
  const InboxService& service_;
  http::EventHub& events_;
};

}  // namespace careops::inbox
