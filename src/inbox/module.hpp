#pragma once
// The inbox as the composition root sees it: the service (inbound SMS, contact form,
// conversations, replies) and its handlers.

#include <memory>

#include "inbox/inbox_service.hpp"

namespace careops::inbox {

class InboxHandlers;

class Module {
 public:
  // `clock` and `outbox` must outlive the module. `changed` is told about every committed
  // change to a conversation (live updates); may be empty.
  Module(const Clock& clock, const messaging::Outbox& outbox, ConversationChanged changed);
  ~Module();

  const InboxService& service() const;
  const InboxHandlers& handlers() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace careops::inbox
