#pragma once
// The jobs table for the features that schedule work. Uses the caller's connection and opens
// no transaction: schedule, move and cancel jobs in the same transaction as the change that
// causes them, then call Scheduler::Wake() after the commit.

#include <cstdint>
#include <string_view>
#include <vector>

#include "jobs/job.hpp"

namespace careops::jobs {

class JobRepository {
 public:
  explicit JobRepository(db::Connection& conn) : conn_(conn) {}

  // Inserts a pending job; returns its id.
  std::int64_t Schedule(const NewJob& job, Millis now) const;
  // The jobs of `kind` about `subject_id`, by due time then id (any status).
  std::vector<Job> ListBySubject(std::string_view kind, std::int64_t subject_id) const;
  // Moves a pending job to `due_at`; returns false when it is no longer pending.
  bool SetDue(std::int64_t id, Millis due_at, Millis now) const;
  // Cancels every pending job of `kind` about `subject_id` (result = `reason`); returns how
  // many. Running and finished jobs are left as they are.
  int CancelBySubject(std::string_view kind, std::int64_t subject_id, std::string_view reason,
                      Millis now) const;
  // The earliest due time of a pending job, or of a running one whose lease ended.
  std::optional<Millis> NextDue() const;

 private:
  db::Connection& conn_;
};

}  // namespace careops::jobs
