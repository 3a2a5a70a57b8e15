// Dashboard latency benchmark (run by `make bench`; figures in docs/BENCHMARKS.md): one
// workspace in America/New_York with 10,000 contacts (each with a conversation, 5% waiting for
// a reply), 100,000 bookings over two years and two months ahead (every status; a few hundred
// pending ahead) and 200,000 messages over the same two years (every status, contact-form
// messages among them), written straight into the server's SQLite file in big transactions;
// then, over HTTP on 127.0.0.1 against the real App in-process, p50/p99 of GET …/dashboard as
// the owner (every section) and as a staff member holding only the bookings permission.
// Bounded: a fixed number of sequential requests per measurement.

#include <cstdio>
#include <string>
#include <vector>

#include "bench_server.hpp"
#include "db/database.hpp"
#include "latency.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace {

using careops::bench::Clock;
using careops::bench::Ms;
using careops::bench::Percentiles;
using careops::bench::Summarise;
using careops::testing::ClientResponse;

constexpr int kContacts = 10'000;
constexpr int kBookings = 100'000;
constexpr int kMessages = 200'000;
constexpr int kRequests = 300;
// Rows per seeding transaction: big enough to be quick, short enough (well under a second)
// that the server's dispatcher and scheduler never wait out their busy timeout meanwhile.
constexpr int kBatch = 2'000;
constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kDay = 24 * 60 * kMinute;

// The fake clock's start: 2026-01-01T00:00:00Z.
constexpr std::int64_t kNow = 1'767'225'600'000;
constexpr std::int64_t kFrom = kNow - 730 * kDay;  // two years back
constexpr std::int64_t kUntil = kNow + 60 * kDay;  // two months ahead

const char* PastStatus(int i) {
  switch (i % 20) {
    case 0:
    case 1:
      return "cancelled";
    case 2:
      return "no_show";
    case 3:
      return "confirmed";  // never closed by staff
    default:
      return "completed";
  }
}

const char* FutureStatus(int i) {
  switch (i % 10) {
    case 0:
      return "cancelled";
    case 1:
    case 2:
      return "pending";
    default:
      return "confirmed";
  }
}

const char* MessageStatus(int m) {
  switch (m % 50) {
    case 0:
      return "failed";
    case 1:
      return "undelivered";
    case 2:
    case 3:
      return "sent";
    default:
      return "delivered";
  }
}

void Seed(careops::db::Connection& conn, std::int64_t ws, std::int64_t owner) {
  for (int first = 1; first <= kContacts; first += kBatch) {
    careops::db::Transaction tx(conn);
    for (int i = first; i < first + kBatch; ++i) {
      char phone[20];
      std::snprintf(phone, sizeof phone, "+1415%07d", i);
      const std::int64_t contact = conn.Insert(
          "INSERT INTO contacts (workspace_id, name, phone, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?)",
          {ws, "Customer " + std::to_string(i), std::string(phone), kFrom, kFrom});
      conn.Insert(
          "INSERT INTO conversations (workspace_id, contact_id, status, last_activity_at, "
          "waiting_for_reply, preview, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          {ws, contact, std::string(i % 3 == 0 ? "closed" : "open"), kFrom + i * kMinute,
           static_cast<std::int64_t>(i % 20 == 1), std::string("Can I come on Friday?"), kFrom});
    }
    tx.Commit();
  }
  const std::int64_t service = conn.Insert(
      "INSERT INTO services (workspace_id, name, duration_minutes, created_at, updated_at) "
      "VALUES (?, 'Haircut', 10, ?, ?)",
      {ws, kFrom, kFrom});
  const std::int64_t step = (kUntil - kFrom) / kBookings;  // ~11 minutes: no overlaps
  for (int batch = 0; batch < kBookings; batch += kBatch) {
    careops::db::Transaction tx(conn);
    for (int i = batch; i < batch + kBatch; ++i) {
      const std::int64_t start = kFrom + i * step;
      conn.Insert(
          "INSERT INTO bookings (workspace_id, service_id, staff_id, contact_id, status, "
          "start_at, end_at, busy_from, busy_until, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {ws, service, owner, std::int64_t{1 + i % kContacts},
           std::string(start < kNow ? PastStatus(i) : FutureStatus(i)), start, start + 10 * kMinute,
           start, start + 10 * kMinute, start - kDay, start - kDay});
    }
    tx.Commit();
  }
  const std::int64_t message_step = (kNow - kFrom) / kMessages;
  for (int batch = 0; batch < kMessages; batch += kBatch) {
    careops::db::Transaction tx(conn);
    for (int m = batch; m < batch + kBatch; ++m) {
      const bool inbound = m % 3 == 0;
      const std::int64_t at = kFrom + m * message_step;
      conn.Insert(
          "INSERT INTO messages (channel, kind, priority, to_address, body, workspace_id, "
          "conversation_id, direction, status, next_attempt_at, created_at, updated_at) "
          "VALUES ('sms', ?, 1, '+14150000000', 'Hello there', ?, ?, ?, ?, 0, ?, ?)",
          {std::string(inbound ? (m % 30 == 0 ? "contact_form" : "inbound_sms")
                               : (m % 2 == 0 ? "booking_reminder" : "reply")),
           ws, std::int64_t{1 + m % kContacts}, std::string(inbound ? "inbound" : "outbound"),
           std::string(inbound ? "received" : MessageStatus(m)), at, at});
    }
    tx.Commit();
  }
}

}  // namespace

int main() {
  careops::testing::TestServer server(careops::bench::ProductionSizedServer());
  const std::uint16_t port = server.port();
  const std::string token = careops::bench::SignedUpToken(port, "owner@example.com");
  const std::string staff_token = careops::bench::SignedUpToken(port, "staff@example.com");
  auto created = careops::testing::Request(
      port, "POST", "/api/workspaces", R"({"name":"Bench Clinic","slug":"bench-clinic"})",
      {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
  if (token.empty() || staff_token.empty() || created.status != 201) {
    std::fprintf(stderr, "setup failed: %d %s\n", created.status, created.body.c_str());
    return 1;
  }
  const std::int64_t ws = created.Json()["id"].get<std::int64_t>();
  const auto seed_start = Clock::now();
  {
    auto database = careops::db::OpenDatabase("sqlite:" + server.dir().File("careops.db"));
    auto conn = database->Connect();
    conn->Execute("UPDATE workspaces SET timezone = 'America/New_York' WHERE id = ?", {ws});
    const std::int64_t owner =
        conn->QueryOne("SELECT id FROM users WHERE email = 'owner@example.com'")->Int(0);
    const std::int64_t staff =
        conn->QueryOne("SELECT id FROM users WHERE email = 'staff@example.com'")->Int(0);
    conn->Execute(
        "INSERT INTO workspace_members (workspace_id, user_id, role, perm_inbox, perm_bookings, "
        "perm_forms, perm_inventory, status, created_at) VALUES (?, ?, 'staff', 0, 1, 0, 0, "
        "'active', 0)",
        {ws, staff});
    Seed(*conn, ws, owner);
  }
  const double seed_ms = Ms(Clock::now() - seed_start);

  const std::string target = "/api/workspaces/" + std::to_string(ws) + "/dashboard";
  auto sample =
      careops::testing::Request(port, "GET", target, {}, {{"Authorization", "Bearer " + token}});
  if (sample.status != 200) {
    std::fprintf(stderr, "dashboard answered %d: %s\n", sample.status, sample.body.c_str());
    return 1;
  }
  const auto d = sample.Json();
  const Percentiles owner = careops::bench::MeasureGet(port, token, target, kRequests);
  const Percentiles staff = careops::bench::MeasureGet(port, staff_token, target, kRequests);

  std::printf(
      "seeded %d contacts, %d bookings, %d messages in %.0f ms; the dashboard reads: "
      "%lld bookings in 30 days, %lld upcoming in 7 days, %lld unconfirmed, %lld waiting, "
      "%lld failed messages in 7 days (%zu bytes)\n\n",
      kContacts, kBookings, kMessages, seed_ms,
      static_cast<long long>(d["bookings"]["last_30_days"]["completed"].get<std::int64_t>() +
                             d["bookings"]["last_30_days"]["no_show"].get<std::int64_t>()),
      static_cast<long long>(d["bookings"]["upcoming"]["next_7_days"].get<std::int64_t>()),
      static_cast<long long>(d["bookings"]["unconfirmed"]["count"].get<std::int64_t>()),
      static_cast<long long>(d["inbox"]["waiting_for_reply"]["count"].get<std::int64_t>()),
      static_cast<long long>(d["messages"]["failed"]["count"].get<std::int64_t>()),
      sample.body.size());
  std::printf("| request (%d each, sequential) | p50 | p99 |\n|---|---:|---:|\n", kRequests);
  std::printf("| GET dashboard, owner (every section) | %.2f ms | %.2f ms |\n", owner.p50,
              owner.p99);
  std::printf("| GET dashboard, staff (bookings only) | %.2f ms | %.2f ms |\n", staff.p50,
              staff.p99);
  return 0;
}
