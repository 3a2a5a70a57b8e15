#pragma once
// The composition root: builds every long-lived object once, in dependency order, and wires
// them by constructor. Nothing else constructs services; nothing reaches for globals.

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "app/config.hpp"
#include "http/router.hpp"

namespace careops {
class Clock;
}
namespace careops::http {
class EventHub;
}
namespace careops::jobs {
class Scheduler;
}

namespace careops::app {

struct AppOptions {
  const Clock* clock = nullptr;           // default: the system clock
  std::vector<http::Route> extra_routes;  // tests only: appended to the route table
  bool handle_signals = false;            // SIGTERM/SIGINT start a graceful shutdown
  // Tests only: registers extra job kinds (Scheduler::Register) before the scheduler starts.
  std::function<void(jobs::Scheduler&)> register_jobs;
};

class App {
 public:
  // Opens the database, migrates it, builds services and the route table, and binds the
  // listening socket. Throws std::runtime_error with a clear message on any start-up failure.
  App(Config config, AppOptions options);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Serves until Shutdown() or a signal; returns after in-flight requests finished.
  void Run();
  // Graceful shutdown; thread-safe.
  void Shutdown();
  std::uint16_t port() const;
  const Config& config() const;
  // The route table as the router holds it (extra routes included). For tests that walk
  // every route (tests/integration/isolation_test.cpp); valid while the App lives.
  const std::vector<http::Route>& routes() const;
  // The live-update hub the modules publish to (tests publish through it too).
  http::EventHub& events();
  // The job scheduler (running from construction until Run() returns). Tests call Wake() on it
  // after stepping the clock or scheduling a job by SQL.
  jobs::Scheduler& scheduler();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace careops::app
