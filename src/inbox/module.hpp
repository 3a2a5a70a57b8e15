#pragma once
// The inbox as the composition root sees it: the service (inbound SMS, contact form,
// conversations, replies) and its handlers.

#include <memory>

#include "inbox/inbox_service.hpp"

namespace careops::http {
class EventHub;
}

namespace careops::inbox {

class InboxHandlers;

class Module {
 public:
  // All must outlive the module. Committed changes to conversations are published on
  // `events` (live.hpp).
  Module(const Clock& clock, const messaging::Outbox& outbox,
         const contacts::ContactService& contacts, http::EventHub& events);
  ~Module();

  const InboxService& service() const;
  // C / X replies to bookings (booking_replies.hpp). Start-up only.
  void SetBookingReplies(BookingReplyHandler handler);
  const InboxHandlers& handlers() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace careops::inbox
