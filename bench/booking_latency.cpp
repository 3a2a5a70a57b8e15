// Booking benchmark (run by `make bench`; figures in docs/BENCHMARKS.md): the real App
// in-process on 127.0.0.1, a workspace in Europe/London with ten staff members working
// Monday–Friday 09:00–17:00 and Saturday mornings, one 30-minute service all ten serve, and 500
// confirmed bookings spread over the month (written straight into the database). Measures,
// over HTTP:
//   - the public slots of 30 days for the whole team (p50/p99, sequential requests);
//   - booking creation through the public route: kClients concurrent clients book distinct
//     (start on the hour, staff member) pairs that were free until kBookings are attempted
//     (throughput and p50/p99 per request); every booking writes its contact, conversation,
//     event, confirmation message and reminder jobs.
// Bounded: a fixed number of requests per measurement.

#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

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
using careops::testing::Request;
using Json = nlohmann::json;

constexpr int kStaff = 10;
constexpr int kExistingBookings = 500;
constexpr int kSlotRequests = 200;
constexpr int kClients = 8;
constexpr int kBookings = 2'000;
constexpr const char* kSlug = "bench-booking";

struct Setup {
  std::int64_t workspace = 0;
  std::int64_t service = 0;
  std::string token;
};

ClientResponse As(std::uint16_t port, const std::string& token, const std::string& method,
                  const std::string& target, const Json& body) {
  return Request(port, method, target, body.is_null() ? std::string() : body.dump(),
                 {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
}

// Ten staff users as members (SQL: there is no sign-up flow to drive for them here), the
// owner's service and everyone's hours through the API, existing bookings and activation by
// SQL. Returns false (after printing why) when a step fails.
bool Prepare(careops::testing::TestServer& server, Setup& s) {
  const std::uint16_t port = server.port();
  s.token = careops::bench::SignedUpToken(port, "owner@example.com");
  auto created = As(port, s.token, "POST", "/api/workspaces",
                    {{"name", "Bench Clinic"},
                     {"slug", kSlug},
                     {"timezone", "Europe/London"},
                     {"default_region", "GB"}});
  if (s.token.empty() || created.status != 201) {
    std::fprintf(stderr, "workspace: %d %s\n", created.status, created.body.c_str());
    return false;
  }
  s.workspace = created.Json()["id"].get<std::int64_t>();
  auto database = careops::db::OpenDatabase("sqlite:" + server.dir().File("careops.db"));
  auto conn = database->Connect();
  std::vector<std::int64_t> staff;
  for (int i = 0; i < kStaff; ++i) {
    const std::int64_t user = conn->Insert(
        "INSERT INTO users (email, password_hash, full_name, created_at, updated_at) "
        "VALUES (?, 'x', ?, 0, 0)",
        {"staff" + std::to_string(i) + "@example.com", "Staff " + std::to_string(i)});
    conn->Execute(
        "INSERT INTO workspace_members (workspace_id, user_id, role, perm_inbox, perm_bookings, "
        "status, created_at) VALUES (?, ?, 'staff', 1, 1, 'active', 0)",
        {s.workspace, user});
    staff.push_back(user);
  }
  const std::string ws = "/api/workspaces/" + std::to_string(s.workspace);
  auto service = As(port, s.token, "POST", ws + "/services",
                    {{"name", "Consultation"},
                     {"duration_minutes", 30},
                     {"slot_interval_minutes", 15},
                     {"buffer_after_minutes", 5},
                     {"min_notice_minutes", 0},
                     {"horizon_days", 90},
                     {"member_ids", staff}});
  if (service.status != 201) {
    std::fprintf(stderr, "service: %d %s\n", service.status, service.body.c_str());
    return false;
  }
  s.service = service.Json()["id"].get<std::int64_t>();
  Json weekly = Json::array();
  for (int day = 0; day < 5; ++day) {
    weekly.push_back({{"weekday", day}, {"start", "09:00"}, {"end", "12:30"}});
    weekly.push_back({{"weekday", day}, {"start", "13:30"}, {"end", "17:00"}});
  }
  weekly.push_back({{"weekday", 5}, {"start", "09:00"}, {"end", "13:00"}});
  for (std::int64_t user : staff) {
    auto hours = As(port, s.token, "PUT", ws + "/staff/" + std::to_string(user) + "/availability",
                    {{"weekly", weekly}, {"overrides", Json::array()}});
    if (hours.status != 200) {
      std::fprintf(stderr, "availability: %d %s\n", hours.status, hours.body.c_str());
      return false;
    }
  }
  // Existing bookings: for each staff member, on each of 20 weekdays of January 2026, at 10:00,
  // 10:45 and 11:30 while they last (UTC = London in winter), as the service would write them
  // (30 minutes + the 5-minute buffer after).
  careops::db::Transaction tx(*conn);
  const std::int64_t contact = conn->Insert(
      "INSERT INTO contacts (workspace_id, name, phone, created_at, updated_at) "
      "VALUES (?, 'Regular', '+447700900001', 0, 0)",
      {s.workspace});
  const std::int64_t jan5 = 1'767'571'200'000;  // 2026-01-05T00:00:00Z, a Monday
  for (int b = 0; b < kExistingBookings; ++b) {
    const std::int64_t k = b / kStaff;
    const std::int64_t day = k % 20;  // 20 weekdays
    const std::int64_t date = jan5 + (day / 5 * 7 + day % 5) * 86'400'000;
    const std::int64_t start = date + 10 * 3'600'000 + (k / 20) * 45 * 60'000;
    conn->Execute(
        "INSERT INTO bookings (workspace_id, service_id, staff_id, contact_id, status, start_at, "
        "end_at, busy_from, busy_until, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, 'confirmed', ?, ?, ?, ?, 0, 0)",
        {s.workspace, s.service, staff[b % kStaff], contact, start, start + 1'800'000, start,
         start + 2'100'000});
  }
  conn->Execute("UPDATE workspaces SET is_active = 1 WHERE id = ?", {s.workspace});
  tx.Commit();
  return true;
}

Percentiles MeasureSlots(std::uint16_t port, const std::string& target, std::size_t& slots) {
  std::vector<double> samples;
  for (int i = 0; i < kSlotRequests; ++i) {
    const auto t0 = Clock::now();
    ClientResponse r = Request(port, "GET", target);
    samples.push_back(Ms(Clock::now() - t0));
    if (r.status != 200) {
      std::fprintf(stderr, "slots: %d %s\n", r.status, r.body.c_str());
      return {};
    }
    if (i == 0) slots = r.Json()["slots"].size();
  }
  return Summarise(std::move(samples));
}

struct Throughput {
  int created = 0;
  int conflicts = 0;
  int other = 0;
  double seconds = 0;
  Percentiles latency;
};

// The (start, staff member) pairs to book: slots starting on the hour, once per free member
// (30 minutes + 5 of buffer never reach the next hour, so none of them collide).
std::vector<std::pair<std::string, std::int64_t>> Targets(const Json& slots) {
  std::vector<std::pair<std::string, std::int64_t>> targets;
  for (const Json& slot : slots) {
    const std::string start = slot["start"].get<std::string>();
    if (start.substr(14, 5) != "00:00") continue;  // "2026-01-05T09:00:00Z"
    for (const Json& staff : slot["staff"]) {
      targets.emplace_back(start, staff["id"].get<std::int64_t>());
    }
  }
  return targets;
}

// kClients threads take the targets in turn and book them, each for a different phone
// number, until kBookings were attempted.
Throughput MeasureBooking(std::uint16_t port, std::int64_t service,
                          const std::vector<std::pair<std::string, std::int64_t>>& targets) {
  std::atomic<int> next{0};
  std::atomic<int> created{0}, conflicts{0}, other{0};
  std::mutex mutex;
  std::vector<double> samples;
  const std::string target = std::string("/api/public/") + kSlug + "/bookings";
  const int total = std::min<int>(kBookings, static_cast<int>(targets.size()));
  const auto t0 = Clock::now();
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&] {
      std::vector<double> mine;
      for (int i = next++; i < total; i = next++) {
        char phone[20];
        std::snprintf(phone, sizeof phone, "+14152%06d", i);
        const Json body = {{"service_id", service},
                           {"start", targets[i].first},
                           {"member_id", targets[i].second},
                           {"name", "Customer " + std::to_string(i)},
                           {"phone", phone}};
        const auto r0 = Clock::now();
        ClientResponse r =
            Request(port, "POST", target, body.dump(), {{"Content-Type", "application/json"}});
        mine.push_back(Ms(Clock::now() - r0));
        if (r.status == 201) {
          ++created;
        } else if (r.status == 409) {
          ++conflicts;
        } else if (other++ == 0) {
          std::fprintf(stderr, "booking: %d %s\n", r.status, r.body.c_str());
        }
      }
      std::lock_guard lock(mutex);
      samples.insert(samples.end(), mine.begin(), mine.end());
    });
  }
  for (auto& t : clients) t.join();
  Throughput result;
  result.seconds = Ms(Clock::now() - t0) / 1000.0;
  result.created = created;
  result.conflicts = conflicts;
  result.other = other;
  result.latency = Summarise(std::move(samples));
  return result;
}

}  // namespace

int main() {
  careops::testing::TestServer server(careops::bench::ProductionSizedServer());
  const std::uint16_t port = server.port();
  Setup s;
  if (!Prepare(server, s)) return 1;
  // The test server's clock stands at 2026-01-01T00:00:00Z.
  const std::string slots_target = std::string("/api/public/") + kSlug + "/services/" +
                                   std::to_string(s.service) +
                                   "/slots?from=2026-01-01&to=2026-01-31";
  std::size_t slot_count = 0;
  const Percentiles slots = MeasureSlots(port, slots_target, slot_count);
  const ClientResponse listed =
      Request(port, "GET",
              std::string("/api/public/") + kSlug + "/services/" + std::to_string(s.service) +
                  "/slots?from=2026-01-01&to=2026-03-01");
  if (listed.status != 200) return 1;
  const Throughput booked = MeasureBooking(port, s.service, Targets(listed.Json()["slots"]));

  std::printf("%d staff, 1 service (30 min + 5 min buffer, every 15 min), %d existing bookings\n\n",
              kStaff, kExistingBookings);
  std::printf("| measurement | result |\n|---|---|\n");
  std::printf(
      "| public slots, 30 days x %d staff (%zu slots, %d sequential requests) | p50 %.2f ms, "
      "p99 %.2f ms |\n",
      kStaff, slot_count, kSlotRequests, slots.p50, slots.p99);
  std::printf(
      "| public booking creation, %d clients, %d attempts on free (time, staff) pairs | %.0f "
      "bookings/s (%d created, %d conflicts, %d other); p50 %.2f ms, p99 %.2f ms |\n",
      kClients, booked.created + booked.conflicts + booked.other, booked.created / booked.seconds,
      booked.created, booked.conflicts, booked.other, booked.latency.p50, booked.latency.p99);
  return booked.other == 0 ? 0 : 1;
}
