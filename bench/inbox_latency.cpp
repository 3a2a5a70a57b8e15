// Inbox latency benchmark (run by `make bench`; figures in docs/BENCHMARKS.md): a workspace
// with 10,000 contacts, each with a conversation, and 200,000 messages (one conversation holds
// 5,000 of them), written straight into the server's SQLite file; then, over HTTP on
// 127.0.0.1 against the real App in-process, p50/p99 of the inbox list (first page, a filtered
// page, a deep page by cursor) and of opening a thread (20 messages, and the 5,000-message
// one, which returns its newest 500). Bounded: a fixed number of requests per measurement.

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
constexpr int kMessages = 200'000;
constexpr int kLongThread = 5'000;
constexpr int kRequests = 300;

// Contacts 1..kContacts with one conversation each (ids 1..kContacts); the first conversation
// takes kLongThread messages, the rest are spread over the others.
void Seed(careops::db::Connection& conn, std::int64_t workspace_id) {
  careops::db::Transaction tx(conn);
  const std::int64_t base = 1'700'000'000'000;
  for (int i = 1; i <= kContacts; ++i) {
    char phone[20];
    std::snprintf(phone, sizeof phone, "+1415%07d", i);
    const std::int64_t contact = conn.Insert(
        "INSERT INTO contacts (workspace_id, name, phone, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?)",
        {workspace_id, "Customer " + std::to_string(i), std::string(phone), base, base});
    conn.Insert(
        "INSERT INTO conversations (workspace_id, contact_id, status, last_activity_at, "
        "unread_count, waiting_for_reply, preview, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {workspace_id, contact, std::string(i % 3 == 0 ? "closed" : "open"), base + i * 1000,
         static_cast<std::int64_t>(i % 4 == 0), static_cast<std::int64_t>(i % 5 == 0),
         std::string("See you on Friday at 3"), base});
  }
  for (int m = 0; m < kMessages; ++m) {
    const std::int64_t conversation = m < kLongThread ? 1 : 2 + m % (kContacts - 1);
    const bool inbound = m % 2 == 0;
    conn.Insert(
        "INSERT INTO messages (channel, kind, priority, to_address, from_address, body, "
        "workspace_id, conversation_id, direction, status, next_attempt_at, created_at, "
        "updated_at) VALUES ('sms', ?, 1, '+14150000000', '+15005550006', ?, ?, ?, ?, ?, 0, ?, ?)",
        {std::string(inbound ? "inbound_sms" : "reply"),
         std::string("Hello, this is message number ") + std::to_string(m), workspace_id,
         conversation, std::string(inbound ? "inbound" : "outbound"),
         std::string(inbound ? "received" : "delivered"), base + m, base + m});
  }
  tx.Commit();
}

}  // namespace

int main() {
  careops::testing::TestServer server(careops::bench::ProductionSizedServer());
  const std::uint16_t port = server.port();
  const std::string token = careops::bench::SignedUpToken(port, "owner@example.com");
  auto created = careops::testing::Request(
      port, "POST", "/api/workspaces", R"({"name":"Bench Clinic","slug":"bench-clinic"})",
      {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
  if (token.empty() || created.status != 201) {
    std::fprintf(stderr, "setup failed: %d %s\n", created.status, created.body.c_str());
    return 1;
  }
  const std::int64_t ws = created.Json()["id"].get<std::int64_t>();
  const auto seed_start = Clock::now();
  {
    auto database = careops::db::OpenDatabase("sqlite:" + server.dir().File("careops.db"));
    auto conn = database->Connect();
    Seed(*conn, ws);
  }
  const double seed_ms = Ms(Clock::now() - seed_start);

  const std::string base = "/api/workspaces/" + std::to_string(ws) + "/conversations";
  std::string cursor;
  {
    // Walk 100 pages down for a deep cursor.
    std::string target = base + "?limit=50";
    for (int page = 0; page < 100; ++page) {
      auto r = careops::testing::Request(port, "GET", target, {},
                                         {{"Authorization", "Bearer " + token}});
      cursor = r.Json()["next_cursor"].get<std::string>();
      target = base + "?limit=50&cursor=" + cursor;
    }
  }
  const Percentiles first = careops::bench::MeasureGet(port, token, base, kRequests);
  const Percentiles filtered =
      careops::bench::MeasureGet(port, token, base + "?status=open&unread=1", kRequests);
  const Percentiles paged =
      careops::bench::MeasureGet(port, token, base + "?limit=50&cursor=" + cursor, kRequests);
  const Percentiles thread = careops::bench::MeasureGet(port, token, base + "/500", kRequests);
  const Percentiles long_thread = careops::bench::MeasureGet(port, token, base + "/1", kRequests);

  std::printf("seeded %d contacts, %d conversations, %d messages in %.0f ms\n\n", kContacts,
              kContacts, kMessages, seed_ms);
  std::printf("| request (%d each, sequential) | p50 | p99 |\n|---|---:|---:|\n", kRequests);
  const std::pair<const char*, Percentiles> rows[] = {
      {"inbox list, first page (50)", first},
      {"inbox list, open + unread", filtered},
      {"inbox list, page 101 by cursor", paged},
      {"thread, 20 messages", thread},
      {"thread, newest 500 of 5,000 messages", long_thread}};
  for (const auto& [name, p] : rows) {
    std::printf("| %s | %.2f ms | %.2f ms |\n", name, p.p50, p.p99);
  }
  return 0;
}
