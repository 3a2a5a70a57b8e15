#include "support/test_server.hpp"

#include <cstdlib>

#include "core/log.hpp"
#include "core/random.hpp"

namespace careops::testing {

TestServer::TestServer(TestServerOptions options) : options_(std::move(options)) {
  InitCrypto();
  // Access logs drown test output; CAREOPS_TEST_LOG=info brings them back.
  const char* level = std::getenv("CAREOPS_TEST_LOG");
  log::Init(level != nullptr ? level : "warn", log::Format::kText);
  Start();
}

void TestServer::Start() {
  app::Config config;
  config.port = 0;
  config.data_dir = dir_.path().string();
  config.database_url = "sqlite:" + dir_.File("careops.db");
  config.secret_key = std::string(64, 'k');
  config.public_base_url = "http://127.0.0.1:0";
  config.sms_provider = "console";
  config.email_provider = "console";
  config.io_threads = 2;
  config.worker_threads = 4;
  // HTTP tests book many times from 127.0.0.1; the limit's own test sets it.
  config.public_bookings_per_ip_hour = 0;
  if (options_.configure) options_.configure(config);
  app_ = std::make_unique<app::App>(std::move(config),
                                    app::AppOptions{.clock = &clock_,
                                                    .extra_routes = options_.extra_routes,
                                                    .register_jobs = options_.register_jobs});
  thread_ = std::thread([this] { app_->Run(); });
}

TestServer::~TestServer() { Stop(); }

std::string TestServer::base_url() const { return "http://127.0.0.1:" + std::to_string(port()); }

void TestServer::Stop() {
  if (!thread_.joinable()) return;
  app_->Shutdown();
  thread_.join();
}

void TestServer::Restart() {
  Stop();
  app_.reset();  // closes every connection to the database before the new App opens it
  Start();
}

}  // namespace careops::testing
