// Reminder lag benchmark (run by `bench/run`; figures in docs/BENCHMARKS.md): the real App
// in-process with the system clock, 100,000 jobs of a reminder-like kind due uniformly within
// one minute. Each job's handler does what a booking reminder does: reads its subject (a
// contact) and enqueues one SMS through the outbox in the job's transaction. The console SMS
// provider (in-process, no network) takes the messages; the send rate is raised to the
// highest SMS_SEND_RATE allowed so the provider's pacing is not the limit.
//
// Reported: lag = hand-off to the provider (messages.sent_at, stamped as the provider returns)
// minus the job's due time, and the scheduler's share (messages.created_at minus due time);
// p50, p99, max, and how many were sent. Bounded: gives up 3 minutes after the last due time.
//
// Usage: careops_jobs_bench [jobs]   (default 100000)

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "app/app.hpp"
#include "app/config.hpp"
#include "bench_server.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/random.hpp"
#include "db/database.hpp"
#include "jobs/job.hpp"
#include "jobs/scheduler.hpp"
#include "messaging/outbox.hpp"
#include "support/http_client.hpp"
#include "support/temp_dir.hpp"

namespace {

using careops::Millis;
using careops::db::Connection;

constexpr const char* kKind = "bench_reminder";
constexpr Millis kSpreadMs = 60'000;
constexpr Millis kLeadMs = 2'000;  // the first job is due this long after scheduling

struct Lags {
  double p50 = 0, p99 = 0, max = 0;
};

Lags Summarise(std::vector<Millis> v) {
  if (v.empty()) return {};
  std::sort(v.begin(), v.end());
  auto at = [&](double q) {
    return static_cast<double>(v[std::min(v.size() - 1, static_cast<std::size_t>(q * v.size()))]);
  };
  return {at(0.50), at(0.99), static_cast<double>(v.back())};
}

// Contacts 1..n of `workspace_id` with distinct phone numbers: the reminders' subjects.
void SeedContacts(Connection& conn, std::int64_t workspace_id, int n, Millis now) {
  careops::db::Transaction tx(conn);
  for (int i = 1; i <= n; ++i) {
    char phone[20];
    std::snprintf(phone, sizeof phone, "+1415%07d", i);
    conn.Insert(
        "INSERT INTO contacts (workspace_id, name, phone, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?)",
        {workspace_id, "Customer " + std::to_string(i), std::string(phone), now, now});
  }
  tx.Commit();
}

std::string Machine() {
  std::ifstream cpu("/proc/cpuinfo");
  std::string line, model;
  while (std::getline(cpu, line)) {
    if (line.rfind("model name", 0) == 0) {
      model = line.substr(line.find(':') + 2);
      break;
    }
  }
  return std::to_string(std::thread::hardware_concurrency()) + " cores (" + model + ")";
}

}  // namespace

int main(int argc, char** argv) {
  const int jobs = argc > 1 ? std::atoi(argv[1]) : 100'000;
  careops::InitCrypto();
  careops::log::Init("warn", careops::log::Format::kText);
  careops::SystemClock clock;
  careops::testing::TempDir dir;

  careops::app::Config config;
  config.port = 0;
  config.host = "127.0.0.1";
  config.data_dir = dir.path().string();
  config.database_url = "sqlite:" + dir.File("careops.db");
  config.secret_key = std::string(64, 'k');
  config.public_base_url = "http://127.0.0.1:0";
  config.sms_provider = "console";
  config.email_provider = "console";
  config.sms_send_rate = 10'000;  // the highest SMS_SEND_RATE allowed
  const careops::SecretKey key(config.secret_key);

  // The handler's outbox: the scheduler wakes the App's dispatcher after each commit.
  careops::messaging::Outbox outbox(clock, key, [] {});
  std::mutex mutex;
  std::unordered_map<std::int64_t, std::int64_t> message_of;  // job id -> message id
  message_of.reserve(static_cast<std::size_t>(jobs));
  careops::app::AppOptions options;
  options.register_jobs = [&](careops::jobs::Scheduler& scheduler) {
    scheduler.Register(kKind, [&](Connection& conn, const careops::jobs::Job& job) {
      const auto contact =
          conn.QueryOne("SELECT name, phone FROM contacts WHERE id = ? AND workspace_id = ?",
                        {*job.subject_id, *job.workspace_id});
      if (!contact) return careops::jobs::JobResult{careops::jobs::JobOutcome::kSkipped, "gone"};
      careops::messaging::NewMessage m;
      m.to = contact->Text(1);
      m.body = "Hi " + contact->Text(0) + ", a reminder of your visit tomorrow at 10:00.";
      m.kind = "booking_reminder";
      m.workspace_id = job.workspace_id;
      const std::int64_t id = outbox.Enqueue(conn, m);
      {
        std::lock_guard lock(mutex);
        message_of[job.id] = id;
      }
      return careops::jobs::JobResult{careops::jobs::JobOutcome::kDone,
                                      "sent message " + std::to_string(id)};
    });
  };
  careops::app::App app(config, std::move(options));
  std::thread server([&] { app.Run(); });
  const std::uint16_t port = app.port();

  const std::string token = careops::bench::SignedUpToken(port, "owner@example.com");
  auto created = careops::testing::Request(
      port, "POST", "/api/workspaces", R"({"name":"Bench Clinic","slug":"bench-clinic"})",
      {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
  if (token.empty() || created.status != 201) {
    std::fprintf(stderr, "setup failed: %d %s\n", created.status, created.body.c_str());
    app.Shutdown();
    server.join();
    return 1;
  }
  const std::int64_t ws = created.Json()["id"].get<std::int64_t>();
  auto database = careops::db::OpenDatabase(config.database_url);
  auto conn = database->Connect();
  SeedContacts(*conn, ws, jobs, clock.NowMillis());

  // Due times spread uniformly over one minute, starting kLeadMs from now.
  const Millis first_due = clock.NowMillis() + kLeadMs;
  {
    careops::db::Transaction tx(*conn);
    const Millis now = clock.NowMillis();
    for (int i = 0; i < jobs; ++i) {
      conn->Insert(
          "INSERT INTO jobs (kind, workspace_id, subject_id, payload, due_at, created_at, "
          "updated_at) VALUES (?, ?, ?, '1440', ?, ?, ?)",
          {std::string(kKind), ws, std::int64_t{i + 1},
           first_due + static_cast<Millis>(i) * kSpreadMs / jobs, now, now});
    }
    tx.Commit();
  }
  app.scheduler().Wake();
  std::printf("scheduled %d jobs due from +%lld ms over %lld s\n", jobs,
              static_cast<long long>(first_due - clock.NowMillis()),
              static_cast<long long>(kSpreadMs / 1000));
  std::fflush(stdout);

  const Millis give_up = first_due + kSpreadMs + 180'000;
  std::int64_t sent = 0;
  while (clock.NowMillis() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    sent = conn->QueryOne(
                   "SELECT COUNT(*) FROM messages WHERE kind = 'booking_reminder' "
                   "AND status = 'sent'")
               ->Int(0);
    if (sent >= jobs) break;
  }
  app.Shutdown();
  server.join();

  std::unordered_map<std::int64_t, Millis> due_of;
  for (const auto& r : conn->Query("SELECT id, due_at FROM jobs WHERE kind = ?", {kKind})) {
    due_of[r.Int(0)] = r.Int(1);
  }
  std::unordered_map<std::int64_t, std::pair<Millis, std::optional<std::int64_t>>> message;
  for (const auto& r : conn->Query("SELECT id, created_at, sent_at FROM messages "
                                   "WHERE kind = 'booking_reminder'")) {
    message[r.Int(0)] = {r.Int(1), r.OptInt(2)};
  }
  std::vector<Millis> handed, enqueued;
  for (const auto& [job, id] : message_of) {
    const auto& [created_at, sent_at] = message[id];
    enqueued.push_back(created_at - due_of[job]);
    if (sent_at) handed.push_back(*sent_at - due_of[job]);
  }
  const auto done = conn->QueryOne("SELECT COUNT(*) FROM jobs WHERE status = 'done'")->Int(0);
  const Lags total = Summarise(handed);
  const Lags scheduler = Summarise(enqueued);
  std::printf("machine: %s; %d reminders due within %lld s; SMS_SEND_RATE=10000\n\n",
              Machine().c_str(), jobs, static_cast<long long>(kSpreadMs / 1000));
  std::printf("| lag | p50 | p99 | max | count |\n|---|---:|---:|---:|---:|\n");
  std::printf(
      "| due → enqueued (scheduler) | %.0f ms | %.0f ms | %.0f ms | %zu jobs done of %d "
      "(%lld in jobs) |\n",
      scheduler.p50, scheduler.p99, scheduler.max, enqueued.size(), jobs,
      static_cast<long long>(done));
  std::printf("| due → handed to the provider | %.0f ms | %.0f ms | %.0f ms | %zu sent |\n",
              total.p50, total.p99, total.max, handed.size());
  return handed.size() == static_cast<std::size_t>(jobs) ? 0 : 1;
}
