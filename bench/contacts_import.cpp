// Contacts benchmark (run by `make bench`):
//  1. POST …/contacts/import of a 10,000-row CSV with 50 bad rows, over HTTP, into a fresh
//     workspace each time (all creates), then once more into the last one (all merges);
//  2. GET …/contacts with 10,000 contacts in the workspace: p50/p99 per kind of query (first
//     page, a deep cursor page, a name prefix, an email prefix, an E.164 and a national phone
//     prefix, a tag filter), each request on a new connection.
// The server is the real App in-process (release build) on 127.0.0.1 with its SQLite file in a
// temporary directory; console SMS and email. Bounded: about half a minute in all.
// Usage: careops_contacts_bench [import runs]   (default 3)

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "bench_server.hpp"
#include "latency.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace {

using careops::bench::Clock;
using careops::bench::Ms;
using careops::bench::Percentiles;
using careops::bench::Summarise;
using careops::testing::ClientResponse;
using Headers = std::map<std::string, std::string>;

constexpr int kRows = 10'000;
constexpr int kBadEvery = 200;  // 50 bad rows
constexpr int kSamplesPerKind = 400;

const char* const kFirst[] = {"Ann",  "Bob",   "Carla", "Dev",   "Emma", "Farid", "Grace",
                              "Hugo", "Ines",  "Jon",   "Kemal", "Lena", "Mia",   "Nora",
                              "Omar", "Petra", "Quinn", "Rosa",  "Sam",  "Tara"};
const char* const kLast[] = {"Lee",   "Smith", "Garcia",  "Novak",  "Okafor", "Berg",  "Rossi",
                             "Kim",   "Silva", "Meyer",   "Dubois", "Haddad", "Jones", "Weber",
                             "Costa", "Young", "Ivanova", "Park",   "Moreau", "Brown", "Yilmaz"};

std::string NameOf(int i) {
  return std::string(kFirst[i % 20]) + " " + kLast[(i / 20) % 21] + " " + std::to_string(i);
}

// 10,000 rows; every 200th (from row 17) is bad in one of four ways.
std::string MakeCsv() {
  std::string csv = "name,email,phone,tags\n";
  for (int i = 0; i < kRows; ++i) {
    char phone[20];
    std::snprintf(phone, sizeof phone, "+1415720%04d", i);
    std::string email = "person" + std::to_string(i) + "@example.com";
    std::string tags = i % 10 == 0 ? "vip;imported" : "imported";
    if (i % kBadEvery == 17) {
      switch ((i / kBadEvery) % 4) {
        case 0:
          email = "not-an-email";
          break;
        case 1:
          std::snprintf(phone, sizeof phone, "12");
          break;
        case 2:
          email.clear();
          phone[0] = '\0';
          break;
        default:
          tags = "no spaces allowed";
      }
    }
    csv += NameOf(i) + "," + email + "," + phone + "," + tags + "\n";
  }
  return csv;
}

std::int64_t CreateWorkspace(std::uint16_t port, const Headers& auth, int n) {
  Headers headers = auth;
  headers["Content-Type"] = "application/json";
  auto r = careops::testing::Request(
      port, "POST", "/api/workspaces",
      R"({"name":"Bench )" + std::to_string(n) + R"(","slug":"bench-)" + std::to_string(n) + "\"}",
      headers);
  return r.status == 201 ? r.Json()["id"].get<std::int64_t>() : 0;
}

struct ImportRun {
  double ms = 0;
  long imported = 0, updated = 0, rejected = 0;
};

ImportRun Import(std::uint16_t port, const Headers& auth, const std::string& path,
                 const std::string& csv) {
  Headers headers = auth;
  headers["Content-Type"] = "text/csv";
  const auto t0 = Clock::now();
  auto r = careops::testing::Request(port, "POST", path + "/import", csv, headers,
                                     std::chrono::minutes(5));
  const double ms = Ms(Clock::now() - t0);
  if (r.status != 200) {
    std::fprintf(stderr, "import answered %d: %s\n", r.status, r.body.substr(0, 300).c_str());
    return {};
  }
  const auto j = r.Json();
  return {ms, j["imported"].get<long>(), j["updated"].get<long>(),
          static_cast<long>(j["rejected"].size())};
}

// The query string of a sample of `kind`.
std::string Query(const std::string& kind, std::mt19937& rng, const std::string& deep_cursor) {
  const int i = static_cast<int>(rng() % kRows);
  if (kind == "first page (limit 50)") return "limit=50";
  if (kind == "deep page (cursor at 5,000)") return "limit=50&cursor=" + deep_cursor;
  if (kind == "q = name prefix (3 letters)") return "q=" + NameOf(i).substr(0, 3);
  if (kind == "q = name prefix (word + 2)") {  // "Ann Le": the space travels as %20
    const std::string name = NameOf(i);
    const std::size_t space = name.find(' ');
    return "q=" + name.substr(0, space) + "%20" + name.substr(space + 1, 2);
  }
  if (kind == "q = email prefix") return "q=person" + std::to_string(i / 10);
  if (kind == "q = +E.164 prefix") {
    char q[24];
    std::snprintf(q, sizeof q, "q=%%2B1415720%03d", i / 10);
    return q;
  }
  if (kind == "q = national phone prefix") {
    char q[32];
    std::snprintf(q, sizeof q, "q=%%28415%%29%%20720-%02d", i / 100);
    return q;
  }
  return "tag=vip&limit=50";
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::stoi(argv[1])) : 3;
  careops::testing::TestServer server(careops::bench::ProductionSizedServer());
  const std::uint16_t port = server.port();
  const std::string token = careops::bench::SignedUpToken(port, "bench@example.com");
  if (token.empty()) {
    std::fprintf(stderr, "sign-up failed\n");
    return 1;
  }
  const Headers auth = {{"Authorization", "Bearer " + token}};
  const std::string csv = MakeCsv();

  // 1. Import.
  std::vector<ImportRun> creates;
  std::string path;
  for (int n = 0; n < runs; ++n) {
    const std::int64_t ws = CreateWorkspace(port, auth, n);
    if (ws == 0) {
      std::fprintf(stderr, "workspace creation failed\n");
      return 1;
    }
    path = "/api/workspaces/" + std::to_string(ws) + "/contacts";
    creates.push_back(Import(port, auth, path, csv));
    if (creates.back().imported != kRows - kRows / kBadEvery) return 1;
  }
  const ImportRun merge = Import(port, auth, path, csv);

  // 2. Search, in the last workspace (10,000 contacts).
  std::string deep_cursor;
  {
    std::string query = "limit=200";
    for (int page = 0; page < 25; ++page) {
      auto r = careops::testing::Request(port, "GET", path + "?" + query, {}, auth);
      deep_cursor = r.Json()["next_cursor"].get<std::string>();
      query = "limit=200&cursor=" + deep_cursor;
    }
  }
  const std::vector<std::string> kinds = {"first page (limit 50)",
                                          "deep page (cursor at 5,000)",
                                          "q = name prefix (3 letters)",
                                          "q = name prefix (word + 2)",
                                          "q = email prefix",
                                          "q = +E.164 prefix",
                                          "q = national phone prefix",
                                          "tag filter (vip: 1 in 10)"};
  std::mt19937 rng(42);
  std::printf(
      "| measurement | n | p50 | p99 | matches (last sample) |\n|---|---:|---:|---:|---:|\n");
  for (const std::string& kind : kinds) {
    std::vector<double> samples;
    std::size_t matches = 0;
    for (int n = 0; n < kSamplesPerKind; ++n) {
      const std::string target = path + "?" + Query(kind, rng, deep_cursor);
      const auto t0 = Clock::now();
      auto r = careops::testing::Request(port, "GET", target, {}, auth);
      const double ms = Ms(Clock::now() - t0);
      if (r.status != 200) {
        std::fprintf(stderr, "%s answered %d: %s\n", target.c_str(), r.status, r.body.c_str());
        return 1;
      }
      samples.push_back(ms);
      matches = r.Json()["contacts"].size();
    }
    const Percentiles p = Summarise(std::move(samples));
    std::printf("| GET contacts, %s | %zu | %.2f ms | %.2f ms | %zu |\n", kind.c_str(), p.n, p.p50,
                p.p99, matches);
  }

  std::printf("\n| import of %d rows (%d bad), over HTTP | ms | imported | updated | rejected |\n",
              kRows, kRows / kBadEvery);
  std::printf("|---|---:|---:|---:|---:|\n");
  for (std::size_t n = 0; n < creates.size(); ++n) {
    std::printf("| into an empty workspace, run %zu | %.0f | %ld | %ld | %ld |\n", n + 1,
                creates[n].ms, creates[n].imported, creates[n].updated, creates[n].rejected);
  }
  std::printf("| again into the last one (every row merges) | %.0f | %ld | %ld | %ld |\n", merge.ms,
              merge.imported, merge.updated, merge.rejected);
  std::printf(
      "\nCSV body %zu bytes; each request on a new connection; the client shares the "
      "machine with the server.\n",
      csv.size());
  return 0;
}
