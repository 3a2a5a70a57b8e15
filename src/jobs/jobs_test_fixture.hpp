#pragma once
// Shared by the jobs unit tests: a migrated temporary SQLite database (a file, so that several
// connections and schedulers share it), a fake clock and helpers to schedule and read jobs.

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "core/random.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "jobs/job.hpp"
#include "jobs/job_repository.hpp"
#include "jobs/scheduler.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"

namespace careops::jobs {

class JobsFixture : public ::testing::Test {
 protected:
  JobsFixture()
      : database_((InitCrypto(), db::OpenDatabase("sqlite:" + dir_.File("jobs.db")))),
        conn_(database_->Connect()),
        repo_(*conn_) {
    db::Migrator(*conn_, clock_).Migrate();
    // A table standing in for what a handler writes (an outbox message).
    conn_->Execute("CREATE TABLE effects (job_id INTEGER NOT NULL, note TEXT NOT NULL)");
  }

  // Schedules a job of `kind` due `in_ms` from now; returns its id.
  std::int64_t ScheduleIn(Millis in_ms, const std::string& kind = "test",
                          std::int64_t subject_id = 1) {
    NewJob job;
    job.kind = kind;
    job.subject_id = subject_id;
    job.payload = "p";
    job.due_at = clock_.NowMillis() + in_ms;
    return repo_.Schedule(job, clock_.NowMillis());
  }

  struct Row {
    std::string status;
    int attempts = 0;
    std::string result;
    Millis due_at = 0;
    bool leased = false;
    bool finished = false;
  };
  Row Read(std::int64_t id) {
    const auto r = conn_->QueryOne(
        "SELECT status, attempts, result, due_at, lease_owner IS NOT NULL, finished_at IS NOT "
        "NULL FROM jobs WHERE id = ?",
        {id});
    EXPECT_TRUE(r.has_value());
    if (!r) return {};
    return {r->Text(0),    static_cast<int>(r->Int(1)), r->Text(2), r->Int(3), r->Int(4) != 0,
            r->Int(5) != 0};
  }

  std::int64_t Effects(std::int64_t job_id) {
    return conn_->QueryOne("SELECT COUNT(*) FROM effects WHERE job_id = ?", {job_id})->Int(0);
  }

  // Waits (bounded) until `done` holds; returns whether it did.
  static bool WaitFor(const std::function<bool()>& done,
                      std::chrono::milliseconds limit = std::chrono::seconds(10)) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (!done()) {
      if (std::chrono::steady_clock::now() > until) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return true;
  }

  // A handler that writes one effect row and reports `outcome`.
  static JobHandler Writing(JobOutcome outcome = JobOutcome::kDone) {
    return [outcome](db::Connection& conn, const Job& job) {
      conn.Execute("INSERT INTO effects (job_id, note) VALUES (?, ?)",
                   {job.id, std::string("ran")});
      return JobResult{outcome, "wrote effect"};
    };
  }

  testing::TempDir dir_;
  testing::FakeClock clock_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<db::Connection> conn_;
  JobRepository repo_;
};

}  // namespace careops::jobs
