#include "messaging/module.hpp"

#include "app/config.hpp"
#include "core/crypto.hpp"
#include "http/router.hpp"
#include "messaging/messaging_handlers.hpp"
#include "messaging/outbox.hpp"

namespace careops::messaging {
namespace {

// Refuses every webhook until signature checking is installed.
class RefuseAll final : public http::AccessGuard {
 public:
  Status Check(const http::AccessRule&, http::RequestContext&) override {
    return Error::PermissionDenied("webhook signature required");
  }
};

}  // namespace

struct Module::Impl {
  Outbox outbox;
  RefuseAll guard;
  MessagingHandlers handlers;
  Impl(const Clock& clock, const SecretKey& key) : outbox(clock, key, [] {}) {}
};

Module::Module(const app::Config&, db::Database&, const Clock& clock, const SecretKey& key,
               http::Metrics&)
    : impl_(std::make_unique<Impl>(clock, key)) {}
Module::~Module() { Stop(); }
void Module::Start() {}
void Module::Stop() {}
Outbox& Module::outbox() { return impl_->outbox; }
http::AccessGuard& Module::webhook_guard() { return impl_->guard; }
const MessagingHandlers& Module::handlers() const { return impl_->handlers; }

}  // namespace careops::messaging
