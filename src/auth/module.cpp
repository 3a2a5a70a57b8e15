#include "auth/module.hpp"

#include "auth/auth_handlers.hpp"
#include "http/router.hpp"

namespace careops::auth {
namespace {

// Refuses every signed-in route until sessions exist.
class RefuseAll final : public http::AccessGuard {
 public:
  Status Check(const http::AccessRule&, http::RequestContext&) override {
    return Error::Unauthenticated();
  }
};

}  // namespace

struct Module::Impl {
  RefuseAll guard;
  AuthHandlers handlers;
};

Module::Module(const app::Config&, db::Database&, const Clock&, const SecretKey&,
               messaging::Outbox&, http::Metrics&)
    : impl_(std::make_unique<Impl>()) {}
Module::~Module() { Stop(); }
void Module::Stop() {}
http::AccessGuard& Module::user_guard() { return impl_->guard; }
const AuthHandlers& Module::handlers() const { return impl_->handlers; }

}  // namespace careops::auth
