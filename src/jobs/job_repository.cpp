#include "jobs/job_repository.hpp"

#include <string>

#include "db/database.hpp"

namespace careops::jobs {
namespace {

constexpr const char* kInsertSql =
    "INSERT INTO jobs (kind, workspace_id, subject_id, payload, due_at, status, created_at, "
    "updated_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)";

constexpr const char* kListBySubjectSql =
    "SELECT id, kind, workspace_id, subject_id, payload, due_at, status, attempts, result, "
    "created_at, updated_at, finished_at FROM jobs WHERE kind = ? AND subject_id = ? "
    "ORDER BY due_at, id";

constexpr const char* kSetDueSql =
    "UPDATE jobs SET due_at = ?, updated_at = ? WHERE id = ? AND status = 'pending'";

constexpr const char* kCancelSql =
    "UPDATE jobs SET status = 'cancelled', result = ?, updated_at = ?, finished_at = ? "
    "WHERE kind = ? AND subject_id = ? AND status = 'pending'";

// A running job becomes claimable once its lease ended (lease_until < now), so 1 ms after it.
constexpr const char* kNextDueSql =
    "SELECT MIN(t) FROM ("
    "SELECT MIN(due_at) AS t FROM jobs WHERE status = 'pending' "
    "UNION ALL SELECT MIN(lease_until) + 1 FROM jobs WHERE status = 'running')";

db::Value OptInt(const std::optional<std::int64_t>& v) { return v ? db::Value(*v) : db::Value(); }

Job JobFromRow(const db::Row& r) {
  Job job;
  job.id = r.Int(0);
  job.kind = r.Text(1);
  job.workspace_id = r.OptInt(2);
  job.subject_id = r.OptInt(3);
  job.payload = r.Text(4);
  job.due_at = r.Int(5);
  job.status = ParseJobStatus(r.Text(6)).value_or(JobStatus::kPending);
  job.attempts = static_cast<int>(r.Int(7));
  job.result = r.Text(8);
  job.created_at = r.Int(9);
  job.updated_at = r.Int(10);
  job.finished_at = r.OptInt(11);
  return job;
}

}  // namespace

std::int64_t JobRepository::Schedule(const NewJob& job, Millis now) const {
  return conn_.Insert(kInsertSql, {job.kind, OptInt(job.workspace_id), OptInt(job.subject_id),
                                   job.payload, job.due_at, now, now});
}

std::vector<Job> JobRepository::ListBySubject(std::string_view kind,
                                              std::int64_t subject_id) const {
  const db::Rows rows = conn_.Query(kListBySubjectSql, {std::string(kind), subject_id});
  std::vector<Job> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(JobFromRow(r));
  return out;
}

bool JobRepository::SetDue(std::int64_t id, Millis due_at, Millis now) const {
  return conn_.Execute(kSetDueSql, {due_at, now, id}) > 0;
}

int JobRepository::CancelBySubject(std::string_view kind, std::int64_t subject_id,
                                   std::string_view reason, Millis now) const {
  return static_cast<int>(
      conn_.Execute(kCancelSql, {std::string(reason), now, now, std::string(kind), subject_id}));
}

std::optional<Millis> JobRepository::NextDue() const {
  const auto row = conn_.QueryOne(kNextDueSql);
  if (!row || row->IsNull(0)) return std::nullopt;
  return row->Int(0);
}

}  // namespace careops::jobs
