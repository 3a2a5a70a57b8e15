// Durable jobs through the real server: a test job kind registered at start-up
// (TestServerOptions::register_jobs) runs once when the fake clock passes its due time, also
// when the server was stopped across that time and started again on the same database.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <thread>

#include "core/crypto.hpp"
#include "db/database.hpp"
#include "jobs/job_repository.hpp"
#include "jobs/scheduler.hpp"
#include "messaging/outbox.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace careops::testing {
namespace {

constexpr const char* kKind = "test_reminder";

// Waits (bounded) until `done` holds; returns whether it did.
bool WaitFor(const std::function<bool()>& done) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

// A server whose test job kind does what a reminder does: enqueues one SMS in the job's
// transaction (the scheduler then wakes the dispatcher, which hands it to the console sender).
class JobsTest : public ::testing::Test {
 protected:
  JobsTest()
      : key_(std::string(64, 'k')),
        server_(TestServerOptions{
            .register_jobs =
                [this](jobs::Scheduler& scheduler) {
                  scheduler.Register(kKind, [this](db::Connection& conn, const jobs::Job& job) {
                    ++calls_;
                    messaging::NewMessage m;
                    m.to = "+15555550100";
                    m.body = "Reminder " + std::to_string(job.id);
                    m.kind = kKind;
                    outbox_.Enqueue(conn, m);
                    return jobs::JobResult{jobs::JobOutcome::kDone, "enqueued"};
                  });
                }}),
        database_(db::OpenDatabase("sqlite:" + server_.dir().File("careops.db"))),
        conn_(database_->Connect()) {}

  std::int64_t ScheduleIn(Millis in_ms) {
    jobs::NewJob job;
    job.kind = kKind;
    job.subject_id = 1;
    job.due_at = server_.clock().NowMillis() + in_ms;
    return jobs::JobRepository(*conn_).Schedule(job, server_.clock().NowMillis());
  }
  std::string Status(std::int64_t id) {
    return conn_->QueryOne("SELECT status FROM jobs WHERE id = ?", {id})->Text(0);
  }
  std::int64_t Attempts(std::int64_t id) {
    return conn_->QueryOne("SELECT attempts FROM jobs WHERE id = ?", {id})->Int(0);
  }
  std::int64_t Sent(std::int64_t id) {
    return conn_
        ->QueryOne("SELECT COUNT(*) FROM messages WHERE kind = ? AND body = ? AND status = 'sent'",
                   {std::string(kKind), "Reminder " + std::to_string(id)})
        ->Int(0);
  }
  std::int64_t Messages() {
    return conn_->QueryOne("SELECT COUNT(*) FROM messages WHERE kind = ?", {std::string(kKind)})
        ->Int(0);
  }

  std::atomic<int> calls_{0};
  SecretKey key_;
  TestServer server_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<db::Connection> conn_;
  // Used by the handler only, hence for jobs scheduled once the fixture is built. Only its
  // Enqueue is used: the scheduler wakes the server's dispatcher after each commit.
  messaging::Outbox outbox_{server_.clock(), key_, [] {}};
};

TEST_F(JobsTest, AJobRunsOnceWhenTheClockPassesItsDueTimeAndItsMessageIsSent) {
  const auto now_job = ScheduleIn(0);
  const auto later_job = ScheduleIn(60'000);
  server_.app().scheduler().Wake();
  ASSERT_TRUE(WaitFor([&] { return Sent(now_job) == 1; }));
  EXPECT_EQ(Status(now_job), "done");
  // The round that ran the first job would have taken the second, had it been due.
  EXPECT_EQ(Status(later_job), "pending");

  // No Wake(): the scheduler's periodic look notices the stepped clock.
  server_.clock().Advance(60'000);
  ASSERT_TRUE(WaitFor([&] { return Sent(later_job) == 1; }));
  EXPECT_EQ(Status(later_job), "done");
  EXPECT_EQ(calls_.load(), 2);
  EXPECT_EQ(Messages(), 2);
  EXPECT_EQ(Get(server_.port(), "/healthz").status, 200);
}

TEST_F(JobsTest, AJobDueWhileTheServerWasStoppedRunsOnceAfterTheRestart) {
  const auto id = ScheduleIn(60'000);
  server_.Stop();
  server_.clock().Advance(120'000);
  EXPECT_EQ(calls_.load(), 0);

  server_.Restart();
  ASSERT_TRUE(WaitFor([&] { return Sent(id) == 1; }));
  EXPECT_EQ(Status(id), "done");
  EXPECT_EQ(Attempts(id), 1);
  EXPECT_EQ(Get(server_.port(), "/healthz").status, 200);

  // A second restart finds the job done: it does not run again.
  server_.Restart();
  const auto marker = ScheduleIn(0);
  server_.app().scheduler().Wake();
  ASSERT_TRUE(WaitFor([&] { return Sent(marker) == 1; }));
  EXPECT_EQ(calls_.load(), 2);
  EXPECT_EQ(Sent(id), 1);
  EXPECT_EQ(Messages(), 2);
}

TEST_F(JobsTest, AJobLeftRunningByADeadProcessRunsOnceAfterItsLeaseEnds) {
  server_.Stop();
  const auto id = ScheduleIn(0);
  // The process died mid-job: the job is running under its lease, its work rolled back.
  conn_->Execute(
      "UPDATE jobs SET status = 'running', attempts = 1, lease_owner = 'crashed', "
      "lease_until = ? WHERE id = ?",
      {server_.clock().NowMillis() + 60'000, id});
  server_.Restart();
  server_.app().scheduler().Wake();
  // Still leased: not taken (the lease ends at +60 s on the fake clock).
  const auto marker = ScheduleIn(0);
  server_.app().scheduler().Wake();
  ASSERT_TRUE(WaitFor([&] { return Sent(marker) == 1; }));
  EXPECT_EQ(Status(id), "running");
  EXPECT_EQ(calls_.load(), 1);

  server_.clock().Advance(60'001);
  ASSERT_TRUE(WaitFor([&] { return Sent(id) == 1; }));
  EXPECT_EQ(Status(id), "done");
  EXPECT_EQ(Attempts(id), 2);
  EXPECT_EQ(calls_.load(), 2);
}

}  // namespace
}  // namespace careops::testing
