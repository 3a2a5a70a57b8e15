#pragma once
// Durable jobs: work due at a time (a booking's reminder), stored in `jobs`
// (migrations/sqlite/0007_booking.sql) and run once by the Scheduler (scheduler.hpp).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace careops::db {
class Connection;
}

namespace careops::jobs {

// pending -> running (claimed, leased) -> done | skipped | failed; pending -> running ->
// pending (a transient failure, retried later); pending -> cancelled.
enum class JobStatus { kPending, kRunning, kDone, kSkipped, kCancelled, kFailed };

const char* JobStatusName(JobStatus status);
std::optional<JobStatus> ParseJobStatus(std::string_view name);

struct NewJob {
  std::string kind;  // a kind a handler is registered for ("booking_reminder")
  std::optional<std::int64_t> workspace_id;
  std::optional<std::int64_t> subject_id;  // what it is about (a booking's id)
  std::string payload;                     // kind-specific
  Millis due_at = 0;
};

struct Job {
  std::int64_t id = 0;
  std::string kind;
  std::optional<std::int64_t> workspace_id;
  std::optional<std::int64_t> subject_id;
  std::string payload;
  Millis due_at = 0;
  JobStatus status = JobStatus::kPending;
  int attempts = 0;  // runs started, this one included while running
  std::string result;
  Millis created_at = 0;
  Millis updated_at = 0;
  std::optional<Millis> finished_at;
};

// What a handler did with its job.
enum class JobOutcome {
  kDone,     // did its work
  kSkipped,  // nothing to do any more (the booking was cancelled, automation paused…)
  kRetry,    // a transient failure: run again later (failed after max_attempts); what the
             // handler wrote is rolled back, as when it throws
  kFailed,   // a permanent failure
};

struct JobResult {
  JobOutcome outcome = JobOutcome::kDone;
  std::string note;  // stored in jobs.result ("sent message 42", "booking cancelled")
  // Run once after the transaction holding this job's work committed (a live event of what it
  // changed) — only when its outcome was recorded and its writes kept (not on kRetry, not when
  // the lease was lost). Runs on the scheduler thread; must be quick. May be empty.
  std::function<void()> after_commit = {};
};

// Runs one due job inside the scheduler's transaction on `conn` (what it writes — an outbox
// message — commits together with the job's new status, so a job's work happens once). Must
// not open or commit a transaction itself; may throw (counted as kRetry with the exception's
// text). Called on the scheduler thread.
using JobHandler = std::function<JobResult(db::Connection& conn, const Job& job)>;

}  // namespace careops::jobs
