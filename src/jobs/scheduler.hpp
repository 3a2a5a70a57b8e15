#pragma once
// The job scheduler: one thread that runs due jobs (PRODUCT.md B6: on time, exactly once,
// across restarts and instances).
//
// It sleeps on a condition variable until Wake() (call it after a transaction that scheduled
// or moved a job committed), the next due time, or idle_poll at most (the safety net for jobs
// written by other instances and for a stepped test clock). Each round claims up to max_batch
// due jobs (status pending and due_at <= now, or running with an ended lease) by setting them
// running with a lease in this scheduler's name, then runs each one's handler in its own
// transaction that also records the outcome — only while the lease is still ours. So a job's
// work is committed once; a process that dies mid-job leaves a lease that ends, and another
// round (here or on another instance) runs the job again, its earlier work having rolled back.
//
// Stop() finishes the job in hand and releases the claimed ones (back to pending).

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/clock.hpp"
#include "jobs/job.hpp"

namespace careops::db {
class Database;
}

namespace careops::jobs {

struct SchedulerOptions {
  Millis lease_ms = 60'000;
  int max_batch = 200;
  int max_attempts = 5;           // kRetry beyond this: failed
  Millis retry_base_ms = 30'000;  // retry n waits retry_base_ms * 2^(n-1), at most 1 hour
  std::chrono::milliseconds idle_poll{250};
};

class Scheduler {
 public:
  // `after_commit` runs after a round that ran at least one job committed (the composition
  // root points it at Outbox::Wake). `database` and `clock` must outlive the scheduler.
  Scheduler(db::Database& database, const Clock& clock, SchedulerOptions options,
            std::function<void()> after_commit);
  ~Scheduler();  // Stop()
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // Before Start() only. Throws std::invalid_argument for an empty or repeated kind.
  void Register(std::string kind, JobHandler handler);
  void Start();
  // Idempotent; returns after the thread ended.
  void Stop();
  // Thread-safe; cheap.
  void Wake();

  // Runs every job due now on the calling thread (tests, benches); returns how many ran.
  // Not while the thread runs.
  int RunDue();

 private:
  // Implementation as the helper that writes scheduler.cpp decides; keep this header free of
  // database and HTTP includes.
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace careops::jobs
