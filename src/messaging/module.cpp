#include "messaging/module.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "app/config.hpp"
#include "core/crypto.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "messaging/console_senders.hpp"
#include "messaging/dispatcher.hpp"
#include "messaging/messaging_handlers.hpp"
#include "messaging/outbox.hpp"
#include "messaging/outlets.hpp"
#include "messaging/smtp_email_sender.hpp"
#include "messaging/twilio_signature.hpp"
#include "messaging/twilio_sms_sender.hpp"

namespace careops::messaging {
namespace {

constexpr const char* kStatusCallbackPath = "/api/webhooks/twilio/status";

TwilioOptions TwilioOptionsFrom(const app::Config& c) {
  TwilioOptions options;
  options.api_base_url = c.twilio_api_base_url;
  options.account_sid = c.twilio_account_sid;
  options.auth_token = c.twilio_auth_token;
  options.total_timeout = std::chrono::milliseconds(c.twilio_timeout_ms);
  options.connect_timeout = std::min(options.connect_timeout, options.total_timeout);
  return options;
}

std::unique_ptr<SmsSender> MakeSmsSender(const app::Config& c, ConsoleOutbox* console) {
  if (c.sms_provider == "twilio") return std::make_unique<TwilioSmsSender>(TwilioOptionsFrom(c));
  if (c.sms_provider == "console") return std::make_unique<ConsoleSmsSender>(*console);
  return std::make_unique<NoneSmsSender>();
}

std::unique_ptr<EmailSender> MakeEmailSender(const app::Config& c, const Clock& clock,
                                             ConsoleOutbox* console) {
  if (c.email_provider == "smtp") {
    SmtpOptions options;
    options.host = c.smtp_host;
    options.port = c.smtp_port;
    options.user = c.smtp_user;
    options.password = c.smtp_password;
    options.starttls = c.smtp_starttls;
    return std::make_unique<SmtpEmailSender>(std::move(options), clock);
  }
  if (c.email_provider == "console") return std::make_unique<ConsoleEmailSender>(*console);
  return std::make_unique<NoneEmailSender>();
}

std::string EmailFrom(const app::Config& c) {
  if (!c.smtp_from.empty()) return c.smtp_from;
  if (c.smtp_user.find('@') != std::string::npos) return c.smtp_user;
  return "careops@localhost";
}

// Workspaces' own Twilio accounts are always given the callback URL, whatever the server's
// own SMS provider is. Read at each send: with PORT=0 the App learns its URL only after binding.
std::function<std::string()> StatusCallbackUrl(const app::Config& c) {
  return [&c] { return c.public_base_url + kStatusCallbackPath; };
}

WorkspaceOutlets::Options OutletOptionsFrom(const app::Config& c) {
  WorkspaceOutlets::Options o;
  o.twilio = TwilioOptionsFrom(c);
  o.twilio.account_sid.clear();
  o.twilio.auth_token.clear();
  o.status_callback_url = StatusCallbackUrl(c);
  return o;
}

DispatcherOptions OptionsFrom(const app::Config& c, OutletResolver& outlets) {
  DispatcherOptions o;
  o.sms_from = c.twilio_phone_number;
  o.sms_messaging_service_sid = c.sms_provider == "twilio" ? c.twilio_messaging_service_sid : "";
  o.email_from = EmailFrom(c);
  if (c.sms_provider == "twilio") o.status_callback_url = StatusCallbackUrl(c);
  o.send_rate = c.sms_send_rate;
  o.outlets = &outlets;
  return o;
}

}  // namespace

struct Module::Impl {
  std::unique_ptr<ConsoleOutbox> console;  // null unless a console provider is active
  std::unique_ptr<SmsSender> sms;
  std::unique_ptr<EmailSender> email;
  WorkspaceOutlets outlets;                // workspaces' own channels; dispatcher thread only
  std::shared_ptr<Dispatcher> dispatcher;  // shared with the queue-depth gauge
  Outbox outbox;
  TwilioWebhookGuard guard;
  MessageChanged changed;  // set before serving; read by the handlers
  MessagingHandlers handlers;

  Impl(const app::Config& config, db::Database& database, const Clock& clock, const SecretKey& key,
       http::Metrics& metrics)
      : console(config.sms_provider == "console" || config.email_provider == "console"
                    ? std::make_unique<ConsoleOutbox>(clock)
                    : nullptr),
        sms(MakeSmsSender(config, console.get())),
        email(MakeEmailSender(config, clock, console.get())),
        outlets(key, clock, OutletOptionsFrom(config)),
        dispatcher(std::make_shared<Dispatcher>(database, clock, key, *sms, *email, metrics,
                                                OptionsFrom(config, outlets))),
        outbox(clock, key, [d = dispatcher.get()] { d->Wake(); }),
        guard(config, key),
        handlers(console.get(), changed) {}
};

Module::Module(const app::Config& config, db::Database& database, const Clock& clock,
               const SecretKey& key, http::Metrics& metrics)
    : impl_(std::make_unique<Impl>(config, database, clock, key, metrics)) {
  metrics.AddGauge("careops_messages_queued",
                   "Messages waiting to be sent (queued, retrying or being sent), as last "
                   "counted by the dispatcher.",
                   [weak = std::weak_ptr<Dispatcher>(impl_->dispatcher)] {
                     const auto d = weak.lock();
                     return d ? static_cast<double>(std::max<std::int64_t>(0, d->waiting())) : 0.0;
                   });
  spdlog::info("messaging: sms provider {}, email provider {}", impl_->sms->name(),
               impl_->email->name());
}

Module::~Module() { Stop(); }
void Module::SetOptOutPolicy(
    std::function<bool(db::Connection&, std::int64_t, const std::string&)> sms_opted_out,
    std::vector<std::string> always_sent_kinds,
    std::function<void(db::Connection&, std::int64_t, const std::string&)> on_unsubscribed) {
  impl_->dispatcher->SetOptOutPolicy(std::move(sms_opted_out), std::move(always_sent_kinds),
                                     std::move(on_unsubscribed));
}
void Module::SetMessageChanged(std::function<void(db::Connection&, std::int64_t)> changed) {
  impl_->changed = changed;
  impl_->dispatcher->SetMessageChanged(std::move(changed));
}
void Module::Start() { impl_->dispatcher->Start(); }
void Module::Stop() { impl_->dispatcher->Stop(); }
Outbox& Module::outbox() { return impl_->outbox; }
http::AccessGuard& Module::webhook_guard() { return impl_->guard; }
const MessagingHandlers& Module::handlers() const { return impl_->handlers; }

}  // namespace careops::messaging
