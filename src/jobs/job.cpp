#include "jobs/job.hpp"

#include <array>
#include <utility>

namespace careops::jobs {
namespace {

// The names stored in jobs.status (the CHECK constraint of migrations/sqlite/0007_booking.sql).
constexpr std::array<std::pair<JobStatus, const char*>, 6> kNames = {{
    {JobStatus::kPending, "pending"},
    {JobStatus::kRunning, "running"},
    {JobStatus::kDone, "done"},
    {JobStatus::kSkipped, "skipped"},
    {JobStatus::kCancelled, "cancelled"},
    {JobStatus::kFailed, "failed"},
}};

}  // namespace

const char* JobStatusName(JobStatus status) {
  for (const auto& [s, name] : kNames) {
    if (s == status) return name;
  }
  return "pending";
}

std::optional<JobStatus> ParseJobStatus(std::string_view name) {
  for (const auto& [s, n] : kNames) {
    if (name == n) return s;
  }
  return std::nullopt;
}

}  // namespace careops::jobs
