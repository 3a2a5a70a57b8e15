#include "jobs/scheduler.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>
#include <vector>

#include "core/random.hpp"
#include "db/database.hpp"

namespace careops::jobs {
namespace {

using std::chrono::milliseconds;
using SteadyClock = std::chrono::steady_clock;

constexpr Millis kMaxRetryDelayMs = 3'600'000;
// The longest a batch's transaction stays open: SQLite has one writer, and requests that write
// wait for it. A claimed batch is committed in slices of at most this long.
constexpr milliseconds kMaxTransaction{50};

// Records a job's outcome, only while its lease is still this scheduler's. Parameters: status,
// result, due_at, updated_at, finished_at, id, owner.
constexpr const char* kFinishSql =
    "UPDATE jobs SET status = ?, result = ?, due_at = ?, lease_owner = NULL, lease_until = NULL, "
    "updated_at = ?, finished_at = ? WHERE id = ? AND status = 'running' AND lease_owner = ?";

// Gives back jobs claimed but not run: pending again, the start not counted.
constexpr const char* kReleaseSql =
    "UPDATE jobs SET status = 'pending', attempts = MAX(attempts - 1, 0), lease_owner = NULL, "
    "lease_until = NULL, updated_at = ? WHERE status = 'running' AND lease_owner = ?";

// "?, ?, ?" for `n` placeholders.
std::string Placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

// Claims due jobs of the registered kinds, the earliest first. Parameters: owner, lease_until,
// now, then now, kinds..., limit (due pending jobs), then now, kinds... (running ones whose
// lease ended), then limit. Each branch walks jobs_due (status, due_at, id) and stops early: the
// `+kind` keeps SQLite from choosing the (kind, subject_id) index and scanning every job of a
// kind. (PostgreSQL: FOR UPDATE SKIP LOCKED on the inner SELECTs; SQLite serialises writers,
// so two schedulers never claim the same row.)
std::string ClaimSql(std::size_t kinds) {
  const std::string in = "+kind IN (" + Placeholders(kinds) + ")";
  return "UPDATE jobs SET status = 'running', lease_owner = ?, lease_until = ?, "
         "attempts = attempts + 1, updated_at = ? WHERE id IN ("
         "SELECT id FROM (SELECT * FROM (SELECT id, due_at FROM jobs WHERE status = 'pending' "
         "AND due_at <= ? AND " +
         in +
         " ORDER BY due_at, id LIMIT ?) "
         "UNION ALL SELECT id, due_at FROM jobs WHERE status = 'running' AND lease_until < ? "
         "AND " +
         in +
         ") ORDER BY due_at, id LIMIT ?) "
         "RETURNING id, kind, workspace_id, subject_id, payload, due_at, attempts, result, "
         "created_at, updated_at";
}

// When the next job of the registered kinds becomes claimable (a running one 1 ms after its
// lease ends). Parameters: kinds twice.
std::string NextDueSql(std::size_t kinds) {
  const std::string in = "+kind IN (" + Placeholders(kinds) + ")";
  return "SELECT MIN(t) FROM (SELECT * FROM (SELECT due_at AS t FROM jobs WHERE status = "
         "'pending' AND " +
         in +
         " ORDER BY due_at LIMIT 1) UNION ALL SELECT MIN(lease_until) + 1 FROM jobs WHERE "
         "status = 'running' AND " +
         in + ")";
}

Millis RetryDelayMs(int attempt, Millis base_ms) {
  const int doublings = std::clamp(attempt - 1, 0, 40);
  return static_cast<Millis>(
      std::min(static_cast<double>(kMaxRetryDelayMs), std::ldexp(base_ms, doublings)));
}

}  // namespace

struct Scheduler::State {
  State(db::Database& database, const Clock& clock, SchedulerOptions options,
        std::function<void()> after_commit)
      : database(database),
        clock(clock),
        options(std::move(options)),
        after_commit(std::move(after_commit)),
        owner(RandomHex(8)) {}

  db::Database& database;
  const Clock& clock;
  const SchedulerOptions options;
  const std::function<void()> after_commit;
  const std::string owner;  // this scheduler's lease owner id

  // Written before Start() only; read by the thread afterwards.
  std::map<std::string, JobHandler, std::less<>> handlers;
  std::vector<db::Value> kinds;  // the handlers' kinds, bound to the SQL below
  std::string claim_sql;
  std::string next_due_sql;

  std::mutex mutex;
  std::condition_variable wake_cv;
  bool wake = false;     // GUARDED_BY(mutex)
  bool stop = false;     // GUARDED_BY(mutex)
  bool started = false;  // GUARDED_BY(mutex)
  std::thread thread;

  bool stopping() {
    std::lock_guard lock(mutex);
    return stop;
  }

  void Run();
  std::vector<Job> Claim(db::Connection& conn);
  std::optional<Millis> NextDue(db::Connection& conn);
  // Claims one batch and runs it; returns how many jobs it claimed. `ran` grows by the jobs
  // whose outcome was committed.
  std::size_t RunBatch(db::Connection& conn, int& ran);
  // Runs `job` inside the open transaction; returns whether its outcome was recorded (false:
  // the lease was lost, and everything the handler wrote is rolled back). The handler's
  // after_commit, when its writes are kept, goes into `after`.
  bool RunOne(db::Connection& conn, const Job& job, std::vector<std::function<void()>>& after);
  void Release(db::Connection& conn);
};

std::vector<Job> Scheduler::State::Claim(db::Connection& conn) {
  if (kinds.empty()) return {};
  const Millis now = clock.NowMillis();
  const db::Value limit = static_cast<std::int64_t>(std::max(1, options.max_batch));
  std::vector<db::Value> params = {owner, now + options.lease_ms, now, now};
  params.insert(params.end(), kinds.begin(), kinds.end());
  params.push_back(limit);
  params.emplace_back(now);
  params.insert(params.end(), kinds.begin(), kinds.end());
  params.push_back(limit);
  const db::Rows rows = conn.Query(claim_sql, params);
  std::vector<Job> jobs;
  jobs.reserve(rows.size());
  for (const auto& r : rows) {
    Job job;
    job.id = r.Int(0);
    job.kind = r.Text(1);
    job.workspace_id = r.OptInt(2);
    job.subject_id = r.OptInt(3);
    job.payload = r.Text(4);
    job.due_at = r.Int(5);
    job.status = JobStatus::kRunning;
    job.attempts = static_cast<int>(r.Int(6));
    job.result = r.Text(7);
    job.created_at = r.Int(8);
    job.updated_at = r.Int(9);
    jobs.push_back(std::move(job));
  }
  // RETURNING yields rows in no promised order.
  std::sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) {
    return std::pair(a.due_at, a.id) < std::pair(b.due_at, b.id);
  });
  return jobs;
}

std::optional<Millis> Scheduler::State::NextDue(db::Connection& conn) {
  if (kinds.empty()) return std::nullopt;
  std::vector<db::Value> params(kinds.begin(), kinds.end());
  params.insert(params.end(), kinds.begin(), kinds.end());
  const db::Rows rows = conn.Query(next_due_sql, params);
  if (rows.empty() || rows.front().IsNull(0)) return std::nullopt;
  return rows.front().Int(0);
}

std::size_t Scheduler::State::RunBatch(db::Connection& conn, int& ran) {
  const std::vector<Job> jobs = Claim(conn);
  std::size_t next = 0;
  while (next < jobs.size() && !stopping()) {
    // One transaction for a slice of the batch, a savepoint per job: a job's work and its
    // outcome still commit together, at a fraction of the cost of a transaction each.
    const SteadyClock::time_point opened = SteadyClock::now();
    int recorded = 0;
    std::vector<std::function<void()>> after;
    db::Transaction tx(conn);
    while (next < jobs.size() && !stopping()) {
      if (RunOne(conn, jobs[next++], after)) ++recorded;
      if (SteadyClock::now() - opened >= kMaxTransaction) break;
    }
    tx.Commit();
    ran += recorded;
    if (recorded > 0 && after_commit) after_commit();
    for (const auto& f : after) f();
  }
  if (next < jobs.size()) Release(conn);  // stopping: the rest goes back to pending
  return jobs.size();
}

bool Scheduler::State::RunOne(db::Connection& conn, const Job& job,
                              std::vector<std::function<void()>>& after) {
  conn.Execute("SAVEPOINT job");
  JobResult result;
  bool keep_writes = true;
  try {
    const auto handler = handlers.find(job.kind);
    if (handler == handlers.end()) {
      result = {JobOutcome::kFailed, "no handler for kind " + job.kind};
    } else {
      result = handler->second(conn, job);
    }
  } catch (const std::exception& e) {
    result = {JobOutcome::kRetry, e.what()};
  } catch (...) {
    result = {JobOutcome::kRetry, "unknown exception"};
  }
  // A job that is run again must not leave the work of this attempt behind.
  if (result.outcome == JobOutcome::kRetry) {
    keep_writes = false;
    conn.Execute("ROLLBACK TO job");
  }

  const Millis now = clock.NowMillis();
  JobStatus status = JobStatus::kDone;
  Millis due_at = job.due_at;
  switch (result.outcome) {
    case JobOutcome::kDone:
      status = JobStatus::kDone;
      break;
    case JobOutcome::kSkipped:
      status = JobStatus::kSkipped;
      break;
    case JobOutcome::kFailed:
      status = JobStatus::kFailed;
      break;
    case JobOutcome::kRetry:
      if (job.attempts >= options.max_attempts) {
        status = JobStatus::kFailed;
      } else {
        status = JobStatus::kPending;
        due_at = now + RetryDelayMs(job.attempts, options.retry_base_ms);
      }
      break;
  }
  const bool finished = status != JobStatus::kPending;
  const bool ours =
      conn.Execute(kFinishSql, {std::string(JobStatusName(status)), result.note, due_at, now,
                                finished ? db::Value(now) : db::Value(), job.id, owner}) > 0;
  if (!ours && keep_writes) conn.Execute("ROLLBACK TO job");
  conn.Execute("RELEASE job");
  if (ours && keep_writes && result.after_commit) after.push_back(std::move(result.after_commit));

  if (!ours) {
    spdlog::warn("job id={} kind={} lease lost; another scheduler owns it", job.id, job.kind);
  } else if (status == JobStatus::kDone || status == JobStatus::kSkipped) {
    spdlog::debug("job id={} kind={} attempt={} status={}", job.id, job.kind, job.attempts,
                  JobStatusName(status));
  } else {
    // The note may quote an exception; it names no personal data by contract of the handlers.
    spdlog::warn("job id={} kind={} attempt={} status={} note={}", job.id, job.kind, job.attempts,
                 JobStatusName(status), result.note);
  }
  return ours;
}

void Scheduler::State::Release(db::Connection& conn) {
  conn.Execute(kReleaseSql, {clock.NowMillis(), owner});
}

void Scheduler::State::Run() {
  std::unique_ptr<db::Connection> conn;
  while (!stopping()) {
    {
      std::lock_guard lock(mutex);
      wake = false;  // a Wake() from here on is seen by the wait below
    }
    milliseconds wait = options.idle_poll;
    try {
      if (!conn) conn = database.Connect();
      int ran = 0;
      if (RunBatch(*conn, ran) > 0) continue;  // more may be due right away
      if (const auto next = NextDue(*conn)) {
        // At least 1 ms: a job due within the current millisecond is claimed on the next round.
        wait = std::min(wait, milliseconds(std::max<Millis>(1, *next - clock.NowMillis())));
      }
    } catch (const std::exception& e) {
      // A busy or broken database: give back what this round claimed, try again later.
      spdlog::warn("job scheduler: {}", e.what());
      conn.reset();
      try {
        conn = database.Connect();
        Release(*conn);
      } catch (const std::exception& again) {
        spdlog::warn("job scheduler: releasing leases failed ({}); they expire on their own",
                     again.what());
        conn.reset();
      }
    }
    std::unique_lock lock(mutex);
    wake_cv.wait_for(lock, wait, [this] { return wake || stop; });
  }
  try {
    if (!conn) conn = database.Connect();
    Release(*conn);
  } catch (const std::exception& e) {
    spdlog::warn("job scheduler: releasing leases failed ({}); they expire on their own", e.what());
  }
}

Scheduler::Scheduler(db::Database& database, const Clock& clock, SchedulerOptions options,
                     std::function<void()> after_commit)
    : state_(
          std::make_unique<State>(database, clock, std::move(options), std::move(after_commit))) {}

Scheduler::~Scheduler() { Stop(); }

void Scheduler::Register(std::string kind, JobHandler handler) {
  State& s = *state_;
  {
    std::lock_guard lock(s.mutex);
    if (s.started) throw std::logic_error("jobs: Register after Start");
  }
  if (kind.empty()) throw std::invalid_argument("jobs: empty job kind");
  if (!handler) throw std::invalid_argument("jobs: no handler for kind " + kind);
  if (s.handlers.contains(kind))
    throw std::invalid_argument("jobs: kind registered twice: " + kind);
  s.handlers.emplace(kind, std::move(handler));
  s.kinds.emplace_back(std::move(kind));
  s.claim_sql = ClaimSql(s.kinds.size());
  s.next_due_sql = NextDueSql(s.kinds.size());
}

void Scheduler::Start() {
  State& s = *state_;
  std::lock_guard lock(s.mutex);
  if (s.started || s.stop) return;
  s.started = true;
  s.thread = std::thread([&s] { s.Run(); });
}

void Scheduler::Stop() {
  State& s = *state_;
  {
    std::lock_guard lock(s.mutex);
    s.stop = true;
  }
  s.wake_cv.notify_one();
  if (s.thread.joinable() && s.thread.get_id() != std::this_thread::get_id()) s.thread.join();
}

void Scheduler::Wake() {
  State& s = *state_;
  {
    std::lock_guard lock(s.mutex);
    s.wake = true;
  }
  s.wake_cv.notify_one();
}

int Scheduler::RunDue() {
  State& s = *state_;
  auto conn = s.database.Connect();
  int ran = 0;
  while (!s.stopping() && s.RunBatch(*conn, ran) > 0) {
  }
  return ran;
}

}  // namespace careops::jobs
