#pragma once
// The real CareOps server, in-process, on 127.0.0.1 port 0, with a temporary data directory
// and SQLite database (removed afterwards) and a fake clock. Runs on a background thread.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "app/app.hpp"
#include "app/config.hpp"
#include "http/router.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"

namespace careops::testing {

struct TestServerOptions {
  std::function<void(app::Config&)> configure;  // adjust settings before start
  std::vector<http::Route> extra_routes;        // test-only routes
  // Registers test job kinds before the scheduler starts (app::AppOptions::register_jobs).
  std::function<void(jobs::Scheduler&)> register_jobs;
};

class TestServer {
 public:
  explicit TestServer(TestServerOptions options = {});
  ~TestServer();  // graceful shutdown, joins the server thread

  std::uint16_t port() const { return app_->port(); }
  std::string base_url() const;
  FakeClock& clock() { return clock_; }
  app::App& app() { return *app_; }
  const TempDir& dir() const { return dir_; }
  // Starts a graceful shutdown and waits until Run() returned.
  void Stop();
  // Stops the server (if running) and starts a new App on the same data directory, database,
  // options and clock (its time unchanged): a restart of the process. The port changes.
  void Restart();

 private:
  void Start();

  TempDir dir_;
  FakeClock clock_;
  TestServerOptions options_;
  std::unique_ptr<app::App> app_;
  std::thread thread_;
};

}  // namespace careops::testing
