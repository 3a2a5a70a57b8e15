#include "inbox/module.hpp"

#include "inbox/inbox_handlers.hpp"

namespace careops::inbox {

struct Module::Impl {
  InboxService service;
  InboxHandlers handlers;

  Impl(const Clock& clock, const messaging::Outbox& outbox, ConversationChanged changed)
      : service(clock, outbox, std::move(changed)), handlers(service) {}
};

Module::Module(const Clock& clock, const messaging::Outbox& outbox, ConversationChanged changed)
    : impl_(std::make_unique<Impl>(clock, outbox, std::move(changed))) {}
Module::~Module() = default;
const InboxService& Module::service() const { return impl_->service; }
const InboxHandlers& Module::handlers() const { return impl_->handlers; }

}  // namespace careops::inbox
