#include "jobs/job_repository.hpp"

#include <gtest/gtest.h>

#include "jobs/jobs_test_fixture.hpp"

namespace careops::jobs {
namespace {

using JobRepositoryTest = JobsFixture;

TEST(JobStatusTest, NamesRoundTrip) {
  for (JobStatus s : {JobStatus::kPending, JobStatus::kRunning, JobStatus::kDone,
                      JobStatus::kSkipped, JobStatus::kCancelled, JobStatus::kFailed}) {
    EXPECT_EQ(ParseJobStatus(JobStatusName(s)), s);
  }
  EXPECT_STREQ(JobStatusName(JobStatus::kCancelled), "cancelled");
  EXPECT_FALSE(ParseJobStatus("sending").has_value());
}

TEST_F(JobRepositoryTest, ScheduleStoresAPendingJobListedBySubjectInDueOrder) {
  NewJob later{"reminder", std::nullopt, 7, "1440", clock_.NowMillis() + 2'000};
  NewJob sooner{"reminder", std::nullopt, 7, "60", clock_.NowMillis() + 1'000};
  const auto later_id = repo_.Schedule(later, clock_.NowMillis());
  const auto sooner_id = repo_.Schedule(sooner, clock_.NowMillis());
  repo_.Schedule({"reminder", std::nullopt, 8, "", clock_.NowMillis()}, clock_.NowMillis());
  repo_.Schedule({"other", std::nullopt, 7, "", clock_.NowMillis()}, clock_.NowMillis());

  const auto jobs = repo_.ListBySubject("reminder", 7);
  ASSERT_EQ(jobs.size(), 2u);
  EXPECT_EQ(jobs[0].id, sooner_id);
  EXPECT_EQ(jobs[1].id, later_id);
  EXPECT_EQ(jobs[0].kind, "reminder");
  EXPECT_EQ(jobs[0].subject_id, 7);
  EXPECT_FALSE(jobs[0].workspace_id.has_value());
  EXPECT_EQ(jobs[0].payload, "60");
  EXPECT_EQ(jobs[0].due_at, clock_.NowMillis() + 1'000);
  EXPECT_EQ(jobs[0].status, JobStatus::kPending);
  EXPECT_EQ(jobs[0].attempts, 0);
  EXPECT_EQ(jobs[0].created_at, clock_.NowMillis());
  EXPECT_FALSE(jobs[0].finished_at.has_value());
}

TEST_F(JobRepositoryTest, SetDueMovesOnlyAPendingJob) {
  const auto pending = ScheduleIn(1'000);
  const auto done = ScheduleIn(1'000);
  conn_->Execute("UPDATE jobs SET status = 'done' WHERE id = ?", {done});

  EXPECT_TRUE(repo_.SetDue(pending, clock_.NowMillis() + 5'000, clock_.NowMillis()));
  EXPECT_EQ(Read(pending).due_at, clock_.NowMillis() + 5'000);
  EXPECT_FALSE(repo_.SetDue(done, clock_.NowMillis() + 5'000, clock_.NowMillis()));
  EXPECT_EQ(Read(done).due_at, clock_.NowMillis() + 1'000);
}

TEST_F(JobRepositoryTest, CancelBySubjectCancelsOnlyPendingJobsOfThatKindAndSubject) {
  const auto pending = ScheduleIn(1'000, "reminder", 7);
  const auto running = ScheduleIn(0, "reminder", 7);
  const auto done = ScheduleIn(0, "reminder", 7);
  const auto other_subject = ScheduleIn(1'000, "reminder", 8);
  const auto other_kind = ScheduleIn(1'000, "followup", 7);
  conn_->Execute(
      "UPDATE jobs SET status = 'running', lease_owner = 'x', lease_until = ? "
      "WHERE id = ?",
      {clock_.NowMillis() + 60'000, running});
  conn_->Execute("UPDATE jobs SET status = 'done' WHERE id = ?", {done});

  EXPECT_EQ(repo_.CancelBySubject("reminder", 7, "booking cancelled", clock_.NowMillis()), 1);
  EXPECT_EQ(Read(pending).status, "cancelled");
  EXPECT_EQ(Read(pending).result, "booking cancelled");
  EXPECT_TRUE(Read(pending).finished);
  EXPECT_EQ(Read(running).status, "running");
  EXPECT_EQ(Read(done).status, "done");
  EXPECT_EQ(Read(other_subject).status, "pending");
  EXPECT_EQ(Read(other_kind).status, "pending");
  EXPECT_EQ(repo_.CancelBySubject("reminder", 7, "again", clock_.NowMillis()), 0);
}

TEST_F(JobRepositoryTest, NextDueIsTheEarliestPendingJobOrTheEndOfALease) {
  EXPECT_FALSE(repo_.NextDue().has_value());
  const auto a = ScheduleIn(5'000);
  ScheduleIn(9'000);
  EXPECT_EQ(repo_.NextDue(), clock_.NowMillis() + 5'000);

  conn_->Execute(
      "UPDATE jobs SET status = 'running', lease_owner = 'x', lease_until = ? "
      "WHERE id = ?",
      {clock_.NowMillis() + 2'000, a});
  // Claimable once the lease ended, i.e. 1 ms after lease_until.
  EXPECT_EQ(repo_.NextDue(), clock_.NowMillis() + 2'001);

  conn_->Execute("UPDATE jobs SET status = 'done' WHERE status <> 'running'");
  EXPECT_EQ(repo_.NextDue(), clock_.NowMillis() + 2'001);
  conn_->Execute("UPDATE jobs SET status = 'cancelled'");
  EXPECT_FALSE(repo_.NextDue().has_value());
}

}  // namespace
}  // namespace careops::jobs
