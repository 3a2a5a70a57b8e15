#pragma once
// HTTP handlers of the messaging feature (JSON <-> repository calls; no SQL here):
//   GET  /api/messages/{id}            kUser: the caller's own message and its log
//   POST /api/webhooks/twilio/status   kWebhook: Twilio delivery reports (guard checks the
//                                      signature before this runs)
//   GET  /api/dev/outbox               kPublic: recent console-provider messages; 404 unless a
//                                      console provider is active
// Thread-safe: handlers run concurrently on workers and share only the console outbox.

#include "http/router.hpp"
#include "messaging/model.hpp"

namespace careops::messaging {

class ConsoleOutbox;

class MessagingHandlers {
 public:
  // `console` is null when no console provider is active; it must outlive the handlers.
  // `changed` (may be empty; must outlive the handlers) is told of delivery reports that
  // moved a message's status.
  MessagingHandlers(const ConsoleOutbox* console, const MessageChanged& changed)
      : console_(console), changed_(changed) {}

  http::Response GetMessage(http::RequestContext& ctx) const;
  http::Response TwilioStatus(http::RequestContext& ctx) const;
  http::Response DevOutbox(http::RequestContext& ctx) const;

 private:
  const ConsoleOutbox* console_;
  const MessageChanged& changed_;
};

}  // namespace careops::messaging
