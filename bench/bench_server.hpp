#pragma once
// What the in-process HTTP benchmarks share: the real App with production thread defaults,
// and a signed-in account on it.

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "latency.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace careops::bench {

// Options for a TestServer sized as in production (worker and io thread defaults).
inline testing::TestServerOptions ProductionSizedServer() {
  testing::TestServerOptions options;
  options.configure = [](app::Config& c) {
    c.worker_threads = 0;
    c.io_threads = 0;
  };
  return options;
}

// Registers `email` (no phone, so no verification step) and signs in; the bearer token, or
// "" when either step failed.
inline std::string SignedUpToken(std::uint16_t port, const std::string& email) {
  const std::string credentials =
      R"({"email":")" + email + R"(","password":"correct horse battery")";
  auto r =
      testing::PostJson(port, "/api/auth/register", credentials + R"(,"full_name":"Bench Owner"})");
  if (r.status != 201) return {};
  r = testing::PostJson(port, "/api/auth/login", credentials + "}");
  return r.status == 200 ? r.Json()["access_token"].get<std::string>() : std::string();
}

// `requests` sequential GETs of `target` with a bearer token: p50/p99 in ms, or n = 0 (after
// printing the answer) when one is not 200.
inline Percentiles MeasureGet(std::uint16_t port, const std::string& token,
                              const std::string& target, int requests) {
  std::vector<double> samples;
  for (int i = 0; i < requests; ++i) {
    const auto t0 = Clock::now();
    testing::ClientResponse r =
        testing::Request(port, "GET", target, {}, {{"Authorization", "Bearer " + token}});
    if (r.status != 200) {
      std::fprintf(stderr, "GET %s answered %d: %s\n", target.c_str(), r.status, r.body.c_str());
      return {};
    }
    samples.push_back(Ms(Clock::now() - t0));
  }
  return Summarise(std::move(samples));
}

}  // namespace careops::bench
