#include "jobs/scheduler.hpp"

#include <gtest/gtest.h>

#include <atomic>

#include "jobs/jobs_test_fixture.hpp"

namespace careops::jobs {
namespace {

using SchedulerTest = JobsFixture;

TEST_F(SchedulerTest, RunDueRunsADueJobOnceAndNotBefore) {
  Scheduler scheduler(*database_, clock_, {}, nullptr);
  scheduler.Register("test", Writing());
  const auto id = ScheduleIn(60'000);

  EXPECT_EQ(scheduler.RunDue(), 0);
  EXPECT_EQ(Read(id).status, "pending");

  clock_.Advance(60'000);
  EXPECT_EQ(scheduler.RunDue(), 1);
  EXPECT_EQ(Read(id).status, "done");
  EXPECT_EQ(Read(id).result, "wrote effect");
  EXPECT_EQ(Read(id).attempts, 1);
  EXPECT_EQ(Effects(id), 1);

  EXPECT_EQ(scheduler.RunDue(), 0);
  EXPECT_EQ(Effects(id), 1);
}

}  // namespace
}  // namespace careops::jobs
