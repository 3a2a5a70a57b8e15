#pragma once
// The accounts feature as the composition root sees it: users, SMS codes, sessions, the
// password-hashing pool, the signed-in-user guard and the handlers.

#include <memory>

namespace careops {
class Clock;
class SecretKey;
}  // namespace careops
namespace careops::app {
struct Config;
}
namespace careops::db {
class Database;
}
namespace careops::http {
class AccessGuard;
class Metrics;
}  // namespace careops::http
namespace careops::messaging {
class Outbox;
}

namespace careops::auth {

class AuthHandlers;

class Module {
 public:
  // Everything passed must outlive the module.
  Module(const app::Config& config, db::Database& database, const Clock& clock,
         const SecretKey& key, messaging::Outbox& outbox, http::Metrics& metrics);
  ~Module();  // Stop()

  // Finishes queued password hashes and joins the hashing pool. Idempotent.
  void Stop();

  // Resolves the caller from `Authorization: Bearer` or the session cookie (+ CSRF header on
  // unsafe methods) for Access::kUser routes; sets ctx.user_id and ctx.session_id.
  http::AccessGuard& user_guard();
  const AuthHandlers& handlers() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace careops::auth
