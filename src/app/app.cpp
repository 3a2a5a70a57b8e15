#include "app/app.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <stdexcept>
#include <thread>

#include "app/routes.hpp"
#include "auth/module.hpp"
#include "automation/automation_handlers.hpp"
#include "booking/booking_service.hpp"
#include "booking/module.hpp"
#include "booking/reminders.hpp"
#include "booking/services_step.hpp"
#include "contacts/contact_repository.hpp"
#include "contacts/module.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/embedded.hpp"
#include "core/random.hpp"
#include "core/version.hpp"
#include "dashboard/dashboard_handlers.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "forms/form_requests.hpp"
#include "forms/forms_step.hpp"
#include "forms/module.hpp"
#include "http/dispatcher.hpp"
#include "http/event_hub.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "http/worker_pool.hpp"
#include "inbox/live.hpp"
#include "inbox/module.hpp"
#include "inventory/inventory_step.hpp"
#include "inventory/module.hpp"
#include "jobs/scheduler.hpp"
#include "messaging/module.hpp"
#include "messaging/outbox.hpp"
#include "ops/ops_handlers.hpp"
#include "workspaces/module.hpp"

namespace careops::app {
namespace {

int Cores() { return static_cast<int>(std::max(1u, std::thread::hardware_concurrency())); }

http::StaticFiles LoadWebApp(const Config& config) {
  if (!config.web_dir.empty()) {
    auto files = http::StaticFiles::FromDirectory(config.web_dir);
    if (!files.ok()) throw std::runtime_error("WEB_DIR: " + files.error().message);
    return std::move(files).value();
  }
  auto files = http::StaticFiles::FromEmbedded(embedded::WebAssets());
  if (files.empty()) {
    spdlog::warn(
        "this build has no embedded web app and WEB_DIR is not set: only the API is served");
  }
  return files;
}

// Applies pending migrations and records this installation's identity once.
db::MigrationStatus PrepareSchema(db::Connection& conn, const Clock& clock) {
  db::Migrator migrator(conn, clock);
  for (std::int64_t version : migrator.Migrate()) spdlog::info("applied migration {}", version);
  conn.Execute(
      "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING",
      {std::string("instance_id"), RandomToken(16), clock.NowMillis()});
  return migrator.Status();
}

}  // namespace

struct App::Impl {
  Config config;
  SystemClock system_clock;
  const Clock& clock;
  std::unique_ptr<db::Database> database;
  SecretKey key;
  http::Metrics metrics;
  http::StaticFiles web_app;
  // Live updates: services publish after their commits, stream routes subscribe. Built before
  // the modules so that features can receive it by constructor.
  http::EventHub events;
  messaging::Module messaging;
  auth::Module auth;
  workspaces::Module workspaces;
  contacts::Module contacts;
  inbox::Module inbox;
  booking::Module booking;
  // Intake forms: a booking observer and the form_reminder job (registered below).
  forms::Module forms;
  inventory::Module inventory;
  // Runs due jobs (reminders); what a job enqueues is sent at once (after_commit wakes the
  // outbox). Stopped before messaging; declared after the modules its handlers use (booking,
  // forms) so that it is destroyed, and its thread gone, before them.
  jobs::Scheduler scheduler;
  ops::OpsHandlers ops;
  automation::AutomationHandlers automation;
  dashboard::DashboardHandlers dashboard;
  http::Router router;
  http::WorkerPool pool;
  http::Dispatcher dispatcher;
  http::Server server;

  Impl(Config cfg, AppOptions options)
      : config(std::move(cfg)),
        clock(options.clock != nullptr ? *options.clock : system_clock),
        database(db::OpenDatabase(config.database_url)),
        key(config.secret_key),
        web_app(LoadWebApp(config)),
        messaging(config, *database, clock, key, metrics),
        auth(config, *database, clock, key, messaging.outbox(), metrics),
        workspaces(config, clock, key, messaging.outbox(), auth.user_guard()),
        contacts(clock),
        inbox(clock, messaging.outbox(), contacts.service(), events),
        booking(config, clock, key, messaging.outbox(), contacts.service(), events,
                [this] { scheduler.Wake(); }),
        forms(config, clock, key, messaging.outbox(), events),
        inventory(clock, messaging.outbox(), events),
        scheduler(*database, clock, jobs::SchedulerOptions{},
                  [this] { messaging.outbox().Wake(); }),
        ops(ops::ServerFacts{kVersion, database->Describe(), config.sms_provider,
                             config.email_provider, clock.NowMillis()},
            metrics, clock),
        automation(config.public_base_url),
        router(
            WithExtras(BuildRoutes(Handlers{
                           ops, messaging.handlers(), auth.handlers(), workspaces.handlers(),
                           workspaces.channel_handlers(), workspaces.invitation_handlers(),
                           workspaces.onboarding_handlers(), inbox.handlers(), contacts.handlers(),
                           booking.service_handlers(), booking.public_handlers(),
                           booking.calendar_handlers(), booking.booking_handlers(),
                           forms.handlers(), inventory.handlers(), automation, dashboard}),
                       std::move(options.extra_routes)),
            Guards(auth, messaging, workspaces)),
        // Default max(8, 4 x cores): a handler waiting on the password-hashing pool holds its
        // worker idle. That pool admits max(1, cores/2) running hashes plus twice as many
        // queued (the rest get 503 at once), so at most 1.5 x cores workers (3 on one or two
        // cores) wait on hashes; the others keep serving every other route in a login flood.
        pool(static_cast<std::size_t>(config.worker_threads > 0 ? config.worker_threads
                                                                : std::max(8, 4 * Cores())),
             static_cast<std::size_t>(config.worker_queue), [this] { return database->Connect(); }),
        dispatcher(router, pool, web_app, metrics, clock),
        server(ServerOptionsFrom(config, options.handle_signals), dispatcher) {
    // Features give their onboarding step its check here, before serving:
    // workspaces.onboarding().Register("<step key>", check) (see workspaces/onboarding.hpp).
    workspaces.onboarding().Register("services", booking::ServicesStep);
    // Inventory: stock moves with every booking change; its onboarding step.
    booking.AddObserver(inventory.BookingObserver());
    workspaces.onboarding().Register("inventory", inventory::InventoryStep);
    {
      auto conn = database->Connect();
      PrepareSchema(*conn, clock);
    }
    metrics.AddGauge("careops_worker_queue_depth", "Requests waiting for a worker.",
                     [this] { return static_cast<double>(pool.QueueDepth()); });
    metrics.AddGauge("careops_http_connections_open", "Open client connections.",
                     [this] { return static_cast<double>(server.connections()); });
    metrics.AddGauge("careops_http_event_streams_open", "Open live-update (event) streams.",
                     [this] { return static_cast<double>(server.event_streams()); });
    server.Listen();
    if (config.port == 0 && config.public_base_url.ends_with(":0")) {
      config.public_base_url.resize(config.public_base_url.size() - 1);
      config.public_base_url += std::to_string(server.port());
    }
    // Contacts who sent STOP get no SMS but the confirmation (and HELP answers); Twilio's
    // "unsubscribed" error (21610) marks them too.
    messaging.SetOptOutPolicy(
        inbox::SmsOptedOut, {inbox::kKindOptOutConfirmation, inbox::kKindHelp},
        [this](db::Connection& conn, std::int64_t workspace_id, const std::string& phone) {
          contacts::ContactRepository(conn).SetSmsOptOut(workspace_id, phone, clock.NowMillis(),
                                                         clock.NowMillis());
        });
    messaging.SetMessageChanged(
        [this](db::Connection& conn, std::int64_t id) { inbox::PublishMessage(events, conn, id); });
    // C / X replies to booking messages act on the sender's next booking; reminders run as jobs.
    inbox.SetBookingReplies(booking.bookings().ReplyHandler());
    scheduler.Register(booking::kReminderJob, booking.reminders().Handler());
    // Intake forms (src/forms/): requests follow every booking change; their reminders are jobs.
    workspaces.onboarding().Register("forms", forms::FormsStep);
    booking.AddObserver(forms.requests().Observer());
    scheduler.Register(forms::kFormReminderJob, forms.requests().ReminderHandler());
    // After the URL is final: the dispatcher reads it for status-callback URLs (and messages
    // carry links built from it).
    messaging.Start();
    // Tests register their own job kinds (AppOptions::register_jobs) before it starts.
    if (options.register_jobs) options.register_jobs(scheduler);
    scheduler.Start();
  }

  // One guard per access level. The kMember guard runs the kUser guard itself.
  static std::array<http::AccessGuard*, http::kAccessLevels> Guards(
      auth::Module& auth, messaging::Module& messaging, workspaces::Module& workspaces) {
    std::array<http::AccessGuard*, http::kAccessLevels> guards{};
    guards[static_cast<std::size_t>(http::Access::kUser)] = &auth.user_guard();
    guards[static_cast<std::size_t>(http::Access::kMember)] = &workspaces.member_guard();
    guards[static_cast<std::size_t>(http::Access::kWebhook)] = &messaging.webhook_guard();
    return guards;
  }

  static std::vector<http::Route> WithExtras(std::vector<http::Route> routes,
                                             std::vector<http::Route> extras) {
    for (auto& r : extras) routes.push_back(std::move(r));
    return routes;
  }

  static http::ServerOptions ServerOptionsFrom(const Config& c, bool handle_signals) {
    http::ServerOptions o;
    o.host = c.host;
    o.port = c.port;
    o.io_threads = c.io_threads > 0 ? c.io_threads : Cores();
    o.max_body_bytes = static_cast<std::size_t>(c.max_body_bytes);
    o.max_header_bytes = static_cast<std::size_t>(c.max_header_bytes);
    o.read_timeout = std::chrono::milliseconds(c.read_timeout_ms);
    o.idle_timeout = std::chrono::milliseconds(c.idle_timeout_ms);
    o.shutdown_timeout = std::chrono::milliseconds(c.shutdown_timeout_ms);
    o.write_timeout = std::chrono::milliseconds(c.read_timeout_ms * 3);
    o.max_connections = static_cast<std::size_t>(c.max_connections);
    o.event_keepalive = std::chrono::milliseconds(c.event_keepalive_ms);
    o.handle_signals = handle_signals;
    return o;
  }
};

App::App(Config config, AppOptions options)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(options))) {}

App::~App() = default;

void App::Run() {
  impl_->server.Run();
  impl_->pool.Stop();
  // Before messaging: a job running now still enqueues into a working outbox.
  impl_->scheduler.Stop();
  impl_->messaging.Stop();
  impl_->auth.Stop();
}

void App::Shutdown() { impl_->server.Shutdown(); }
std::uint16_t App::port() const { return impl_->server.port(); }
const Config& App::config() const { return impl_->config; }
const std::vector<http::Route>& App::routes() const { return impl_->router.routes(); }
http::EventHub& App::events() { return impl_->events; }
jobs::Scheduler& App::scheduler() { return impl_->scheduler; }

}  // namespace careops::app
