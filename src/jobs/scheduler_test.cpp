#include "jobs/scheduler.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "jobs/jobs_test_fixture.hpp"

namespace careops::jobs {
namespace {

using std::chrono::hours;

using SchedulerTest = JobsFixture;

// Options under which nothing happens without a Wake(): a missed wake-up fails the test
// instead of being covered by the safety-net poll.
SchedulerOptions NoPolling() {
  SchedulerOptions o;
  o.idle_poll = hours(1);
  return o;
}

TEST_F(SchedulerTest, RunDueRunsADueJobOnceAndNotBefore) {
  Scheduler scheduler(*database_, clock_, {}, nullptr);
  scheduler.Register("test", Writing());
  const auto id = ScheduleIn(60'000);

  EXPECT_EQ(scheduler.RunDue(), 0);
  EXPECT_EQ(Read(id).status, "pending");

  clock_.Advance(59'999);
  EXPECT_EQ(scheduler.RunDue(), 0);
  clock_.Advance(1);
  EXPECT_EQ(scheduler.RunDue(), 1);
  EXPECT_EQ(Read(id).status, "done");
  EXPECT_EQ(Read(id).result, "wrote effect");
  EXPECT_EQ(Read(id).attempts, 1);
  EXPECT_FALSE(Read(id).leased);
  EXPECT_TRUE(Read(id).finished);
  EXPECT_EQ(Effects(id), 1);

  EXPECT_EQ(scheduler.RunDue(), 0);
  EXPECT_EQ(Effects(id), 1);
}

TEST_F(SchedulerTest, TheThreadRunsAJobOnceWhenTheClockPassesItsDueTime) {
  std::atomic<int> calls{0};
  Scheduler scheduler(*database_, clock_, NoPolling(), nullptr);
  scheduler.Register("test", [&](db::Connection& conn, const Job& job) {
    ++calls;
    return Writing()(conn, job);
  });
  const auto now_job = ScheduleIn(0);
  const auto later_job = ScheduleIn(60'000);
  scheduler.Start();

  ASSERT_TRUE(WaitFor([&] { return Read(now_job).status == "done"; }));
  // The round that ran the first job would have claimed the second had it been due.
  EXPECT_EQ(Read(later_job).status, "pending");

  clock_.Advance(60'000);
  scheduler.Wake();
  ASSERT_TRUE(WaitFor([&] { return Read(later_job).status == "done"; }));
  scheduler.Stop();
  EXPECT_EQ(calls.load(), 2);
  EXPECT_EQ(Effects(now_job), 1);
  EXPECT_EQ(Effects(later_job), 1);
}

TEST_F(SchedulerTest, WakeAfterSchedulingRunsTheJobWithoutWaitingForThePoll) {
  Scheduler scheduler(*database_, clock_, NoPolling(), nullptr);
  scheduler.Register("test", Writing());
  const auto first = ScheduleIn(0);
  scheduler.Start();
  // Once the first job ran, the next round finds nothing and the thread sleeps for the (one
  // hour) poll; the pause makes it all but certain that it is asleep before the next insert.
  ASSERT_TRUE(WaitFor([&] { return Read(first).status == "done"; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto id = ScheduleIn(0);
  scheduler.Wake();
  EXPECT_TRUE(WaitFor([&] { return Read(id).status == "done"; }));
}

TEST_F(SchedulerTest, AfterCommitIsCalledWhenARoundRanJobs) {
  std::atomic<int> commits{0};
  Scheduler scheduler(*database_, clock_, {}, [&] { ++commits; });
  scheduler.Register("test", Writing());
  EXPECT_EQ(scheduler.RunDue(), 0);
  EXPECT_EQ(commits.load(), 0);
  ScheduleIn(0);
  ScheduleIn(0);
  EXPECT_EQ(scheduler.RunDue(), 2);
  EXPECT_GE(commits.load(), 1);
}

TEST_F(SchedulerTest, AJobsOwnAfterCommitRunsOnlyWhenItsWorkIsKept) {
  Scheduler scheduler(*database_, clock_, {}, nullptr);
  std::vector<std::string> ran;
  bool retry = true;
  scheduler.Register("test", [&](db::Connection& conn, const Job& job) -> JobResult {
    Writing()(conn, job);
    // The callback runs after the commit: the job's row then says done.
    auto after = [&ran, this, id = job.id] { ran.push_back(Read(id).status); };
    if (retry) return {JobOutcome::kRetry, "provider down", after};
    return {JobOutcome::kDone, "sent", after};
  });
  const std::int64_t id = ScheduleIn(0);
  EXPECT_EQ(scheduler.RunDue(), 1);
  EXPECT_TRUE(ran.empty()) << "a retried job's writes are rolled back: nothing to announce";
  retry = false;
  clock_.Set(Read(id).due_at);
  EXPECT_EQ(scheduler.RunDue(), 1);
  EXPECT_EQ(ran, std::vector<std::string>{"done"});
}

TEST_F(SchedulerTest, AThrowingHandlerIsRolledBackRetriedWithBackoffThenFailed) {
  SchedulerOptions options;
  options.max_attempts = 3;
  options.retry_base_ms = 1'000;
  Scheduler scheduler(*database_, clock_, options, nullptr);
  int calls = 0;
  scheduler.Register("test", [&](db::Connection& conn, const Job& job) -> JobResult {
    ++calls;
    Writing()(conn, job);  // written, then undone by the throw
    throw std::runtime_error("provider down");
  });
  const auto id = ScheduleIn(0);

  EXPECT_EQ(scheduler.RunDue(), 1);
  EXPECT_EQ(Read(id).status, "pending");
  EXPECT_EQ(Read(id).attempts, 1);
  EXPECT_EQ(Read(id).result, "provider down");
  EXPECT_EQ(Read(id).due_at, clock_.NowMillis() + 1'000);
  EXPECT_FALSE(Read(id).leased);
  EXPECT_EQ(Effects(id), 0);

  clock_.Advance(999);
  EXPECT_EQ(scheduler.RunDue(), 0);
  clock_.Advance(1);
  EXPECT_EQ(scheduler.RunDue(), 1);
  EXPECT_EQ(Read(id).attempts, 2);
  EXPECT_EQ(Read(id).due_at, clock_.NowMillis() + 2'000);  // doubled

  clock_.Advance(2'000);
  EXPECT_EQ(scheduler.RunDue(), 1);
  EXPECT_EQ(Read(id).status, "failed");
  EXPECT_EQ(Read(id).attempts, 3);
  EXPECT_TRUE(Read(id).finished);
  EXPECT_EQ(Effects(id), 0);

  clock_.Advance(hours(2).count() * 1'000);
  EXPECT_EQ(scheduler.RunDue(), 0);
  EXPECT_EQ(calls, 3);
}

TEST_F(SchedulerTest, ARetryOutcomeAlsoUndoesTheHandlersWrites) {
  Scheduler scheduler(*database_, clock_, {}, nullptr);
  scheduler.Register("test", Writing(JobOutcome::kRetry));
  const auto id = ScheduleIn(0);
  EXPECT_EQ(scheduler.RunDue(), 1);
  EXPECT_EQ(Read(id).status, "pending");
  EXPECT_EQ(Read(id).result, "wrote effect");
  EXPECT_EQ(Effects(id), 0);
}

TEST_F(SchedulerTest, SkippedAndFailedOutcomesAreRecordedWithTheirResult) {
  Scheduler scheduler(*database_, clock_, {}, nullptr);
  scheduler.Register("skip", [](db::Connection&, const Job&) {
    return JobResult{JobOutcome::kSkipped, "booking cancelled"};
  });
  scheduler.Register("fail", Writing(JobOutcome::kFailed));
  const auto skipped = ScheduleIn(0, "skip");
  const auto failed = ScheduleIn(0, "fail");
  EXPECT_EQ(scheduler.RunDue(), 2);
  EXPECT_EQ(Read(skipped).status, "skipped");
  EXPECT_EQ(Read(skipped).result, "booking cancelled");
  EXPECT_TRUE(Read(skipped).finished);
  EXPECT_EQ(Read(failed).status, "failed");
  EXPECT_EQ(Read(failed).result, "wrote effect");
  EXPECT_EQ(Read(failed).attempts, 1);
  EXPECT_EQ(Effects(failed), 1);  // a permanent failure keeps what the handler recorded
}

TEST_F(SchedulerTest, JobsOfAKindWithoutHandlerAreLeftPending) {
  Scheduler scheduler(*database_, clock_, {}, nullptr);
  scheduler.Register("test", Writing());
  const auto other = ScheduleIn(0, "not_registered_here");
  EXPECT_EQ(scheduler.RunDue(), 0);
  EXPECT_EQ(Read(other).status, "pending");
  EXPECT_EQ(Read(other).attempts, 0);
}

TEST_F(SchedulerTest, RegisterRejectsAnEmptyOrRepeatedKind) {
  Scheduler scheduler(*database_, clock_, {}, nullptr);
  scheduler.Register("test", Writing());
  EXPECT_THROW(scheduler.Register("", Writing()), std::invalid_argument);
  EXPECT_THROW(scheduler.Register("test", Writing()), std::invalid_argument);
}

TEST_F(SchedulerTest, AJobWhoseLeaseEndedIsTakenAgain) {
  Scheduler scheduler(*database_, clock_, {}, nullptr);
  scheduler.Register("test", Writing());
  const auto dead = ScheduleIn(-120'000);
  const auto alive = ScheduleIn(-120'000);
  // A process died while running `dead`; another one still holds `alive`.
  conn_->Execute(
      "UPDATE jobs SET status = 'running', attempts = 1, lease_owner = 'gone', "
      "lease_until = ? WHERE id = ?",
      {clock_.NowMillis() - 60'000, dead});
  conn_->Execute(
      "UPDATE jobs SET status = 'running', attempts = 1, lease_owner = 'busy', "
      "lease_until = ? WHERE id = ?",
      {clock_.NowMillis() + 60'000, alive});

  EXPECT_EQ(scheduler.RunDue(), 1);
  EXPECT_EQ(Read(dead).status, "done");
  EXPECT_EQ(Read(dead).attempts, 2);
  EXPECT_EQ(Effects(dead), 1);
  EXPECT_EQ(Read(alive).status, "running");
  EXPECT_EQ(Effects(alive), 0);
}

TEST_F(SchedulerTest, AHandlerWhoseLeaseWasLostLeavesNoWrites) {
  Scheduler scheduler(*database_, clock_, {}, nullptr);
  scheduler.Register("test", [](db::Connection& conn, const Job& job) {
    Writing()(conn, job);
    // Another scheduler took the job meanwhile (its lease had ended).
    conn.Execute("UPDATE jobs SET lease_owner = 'other' WHERE id = ?", {job.id});
    return JobResult{JobOutcome::kDone, "sent"};
  });
  const auto id = ScheduleIn(0);
  EXPECT_EQ(scheduler.RunDue(), 0);
  EXPECT_EQ(Effects(id), 0);
  EXPECT_NE(Read(id).status, "done");
}

TEST_F(SchedulerTest, StopReleasesClaimedJobsThatDidNotRun) {
  Scheduler scheduler(*database_, clock_, NoPolling(), nullptr);
  std::atomic<int> calls{0};
  scheduler.Register("test", [&](db::Connection& conn, const Job& job) {
    ++calls;
    scheduler.Stop();  // on the scheduler's own thread: asks it to stop, without joining
    return Writing()(conn, job);
  });
  const std::vector<std::int64_t> ids = {ScheduleIn(0), ScheduleIn(0), ScheduleIn(0)};
  scheduler.Start();
  ASSERT_TRUE(WaitFor([&] { return Read(ids[0]).status == "done"; }));
  scheduler.Stop();

  EXPECT_EQ(calls.load(), 1);
  for (std::size_t i = 1; i < ids.size(); ++i) {
    EXPECT_EQ(Read(ids[i]).status, "pending");
    EXPECT_EQ(Read(ids[i]).attempts, 0);
    EXPECT_FALSE(Read(ids[i]).leased);
    EXPECT_EQ(Effects(ids[i]), 0);
  }
}

TEST_F(SchedulerTest, TwoSchedulersOnOneDatabaseRunEachJobExactlyOnce) {
  constexpr int kJobs = 300;
  std::mutex mutex;
  std::map<std::int64_t, int> calls;  // GUARDED_BY(mutex)
  auto counting = [&](db::Connection& conn, const Job& job) {
    {
      std::lock_guard lock(mutex);
      ++calls[job.id];
    }
    return Writing()(conn, job);
  };
  SchedulerOptions options;
  options.max_batch = 7;  // many small rounds, so the two interleave
  options.idle_poll = std::chrono::milliseconds(5);
  Scheduler a(*database_, clock_, options, nullptr);
  Scheduler b(*database_, clock_, options, nullptr);
  a.Register("test", counting);
  b.Register("test", counting);
  a.Start();
  b.Start();
  for (int i = 0; i < kJobs; ++i) ScheduleIn(i % 3 == 0 ? 0 : 1'000);
  a.Wake();
  b.Wake();
  clock_.Advance(1'000);
  ASSERT_TRUE(WaitFor([&] {
    return conn_->QueryOne("SELECT COUNT(*) FROM jobs WHERE status = 'done'")->Int(0) == kJobs;
  }));
  a.Stop();
  b.Stop();

  std::lock_guard lock(mutex);
  EXPECT_EQ(calls.size(), static_cast<std::size_t>(kJobs));
  for (const auto& [id, n] : calls) EXPECT_EQ(n, 1) << "job " << id;
  EXPECT_EQ(conn_->QueryOne("SELECT COUNT(*), COUNT(DISTINCT job_id) FROM effects")->Int(0), kJobs);
  EXPECT_EQ(conn_->QueryOne("SELECT COUNT(DISTINCT job_id) FROM effects")->Int(0), kJobs);
}

}  // namespace
}  // namespace careops::jobs
