#pragma once
// The messaging feature as the composition root sees it: builds the outbox, the providers
// chosen by configuration, the dispatcher thread, the webhook guard and the handlers.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace careops {
class Clock;
class SecretKey;
}  // namespace careops
namespace careops::app {
struct Config;
}
namespace careops::db {
class Connection;
class Database;
}  // namespace careops::db
namespace careops::http {
class AccessGuard;
class Metrics;
}  // namespace careops::http

namespace careops::messaging {

class Outbox;
class MessagingHandlers;

class Module {
 public:
  // Everything passed must outlive the module.
  Module(const app::Config& config, db::Database& database, const Clock& clock,
         const SecretKey& key, http::Metrics& metrics);
  ~Module();  // Stop()

  // Who may not be sent SMS (see DispatcherOptions::sms_opted_out). Call before Start().
  void SetOptOutPolicy(
      std::function<bool(db::Connection&, std::int64_t, const std::string&)> sms_opted_out,
      std::vector<std::string> always_sent_kinds,
      std::function<void(db::Connection&, std::int64_t, const std::string&)> on_unsubscribed);
  // Who is told of message status changes (sends, delivery reports). Call before Start().
  void SetMessageChanged(std::function<void(db::Connection&, std::int64_t id)> changed);
  // Starts the dispatcher thread. Call once, after migrations.
  void Start();
  // Lets the send in progress finish, releases claimed rows, joins. Idempotent.
  void Stop();

  Outbox& outbox();
  // Checks X-Twilio-Signature on Access::kWebhook routes.
  http::AccessGuard& webhook_guard();
  const MessagingHandlers& handlers() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace careops::messaging
