#include "inbox/module.hpp"

#include "inbox/inbox_handlers.hpp"
#include "inbox/live.hpp"

namespace careops::inbox {

struct Module::Impl {
  InboxService service;
  InboxHandlers handlers;

  Impl(const Clock& clock, const messaging::Outbox& outbox,
       const contacts::ContactService& contacts, http::EventHub& events)
      : service(clock, outbox, contacts,
                [&events](std::int64_t workspace_id, std::int64_t id) {
                  PublishConversation(events, workspace_id, id);
                }),
        handlers(service, events) {}
};

Module::Module(const Clock& clock, const messaging::Outbox& outbox,
               const contacts::ContactService& contacts, http::EventHub& events)
    : impl_(std::make_unique<Impl>(clock, outbox, contacts, events)) {}
Module::~Module() = default;
const InboxService& Module::service() const { return impl_->service; }
void Module::SetBookingReplies(BookingReplyHandler handler) {
  impl_->service.SetBookingReplies(std::move(handler));
}
const InboxHandlers& Module::handlers() const { return impl_->handlers; }

}  // namespace careops::inbox
