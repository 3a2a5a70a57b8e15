#include "auth/module.hpp"

#include <strings.h>

#include "app/config.hpp"
#include "auth/account_service.hpp"
#include "auth/auth_handlers.hpp"
#include "auth/auth_service.hpp"
#include "auth/code_service.hpp"
#include "auth/login_service.hpp"
#include "auth/password_hasher.hpp"
#include "auth/password_reset_service.hpp"
#include "auth/session_service.hpp"
#include "auth/user_guard.hpp"
#include "http/metrics.hpp"

namespace careops::auth {
namespace {

bool IsHttps(const std::string& url) { return strncasecmp(url.c_str(), "https://", 8) == 0; }

}  // namespace

struct Module::Impl {
  PasswordHasher hasher;
  CodeService codes;
  SessionService sessions;
  ServiceDeps deps;
  AuthService accounts;
  LoginService login;
  AccountService settings;
  PasswordResetService resets;
  UserGuard guard;
  AuthHandlers handlers;

  Impl(const app::Config& config, const Clock& clock, const SecretKey& key,
       messaging::Outbox& outbox, http::Metrics& metrics)
      : codes(key, clock, outbox),
        sessions(key, clock),
        deps{hasher,
             codes,
             sessions,
             key,
             clock,
             outbox,
             metrics,
             config.default_phone_region,
             config.public_base_url},
        accounts(deps),
        login(deps),
        settings(deps),
        resets(deps),
        guard(sessions),
        handlers({accounts, login, sessions, settings, resets}, clock,
                 IsHttps(config.public_base_url)) {}
};

Module::Module(const app::Config& config, db::Database& /*database*/, const Clock& clock,
               const SecretKey& key, messaging::Outbox& outbox, http::Metrics& metrics)
    : impl_(std::make_unique<Impl>(config, clock, key, outbox, metrics)) {
  metrics.AddGauge("careops_password_hash_queue_depth",
                   "Password hashes waiting for the hashing pool.",
                   [impl = impl_.get()] { return static_cast<double>(impl->hasher.QueueDepth()); });
}

Module::~Module() { Stop(); }
void Module::Stop() { impl_->hasher.Stop(); }
http::AccessGuard& Module::user_guard() { return impl_->guard; }
const AuthHandlers& Module::handlers() const { return impl_->handlers; }

}  // namespace careops::auth
