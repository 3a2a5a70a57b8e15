// Per-request work done before a handler runs: target parsing and route matching.

#include <benchmark/benchmark.h>

#include "http/router.hpp"
#include "http/url.hpp"

namespace careops::http {
namespace {

Router MakeRouter() {
  std::vector<Route> routes;
  const AccessRule kPublic{Access::kPublic};
  auto ok = [](RequestContext&) { return Response{}; };
  // A table shaped like the finished product: ~60 routes, most under a workspace.
  for (const char* noun : {"members", "invitations", "contacts", "conversations", "services",
                           "bookings", "forms", "inventory", "campaigns", "messages"}) {
    const std::string base = std::string("/api/workspaces/{id:int}/") + noun;
    routes.push_back({Method::kGet, base, kPublic, ok});
    routes.push_back({Method::kPost, base, kPublic, ok});
    routes.push_back({Method::kGet, base + "/{item:int}", kPublic, ok});
    routes.push_back({Method::kPatch, base + "/{item:int}", kPublic, ok});
    routes.push_back({Method::kDelete, base + "/{item:int}", kPublic, ok});
  }
  routes.push_back({Method::kGet, "/healthz", kPublic, ok});
  routes.push_back({Method::kGet, "/api/status", kPublic, ok});
  routes.push_back({Method::kGet, "/api/public/{slug}/services/{service:int}/slots", kPublic, ok});
  return Router(std::move(routes), {});
}

void BM_RouteMatchDeep(benchmark::State& state) {
  const Router router = MakeRouter();
  for (auto _ : state) {
    auto target = ParseTarget("/api/workspaces/42/bookings/1234?from=2026-01-01&to=2026-02-01");
    auto match = router.Find(Method::kPatch, target->raw_path);
    benchmark::DoNotOptimize(match.route);
  }
}
BENCHMARK(BM_RouteMatchDeep);

void BM_RouteMatchShort(benchmark::State& state) {
  const Router router = MakeRouter();
  for (auto _ : state) {
    auto match = router.Find(Method::kGet, "/healthz");
    benchmark::DoNotOptimize(match.route);
  }
}
BENCHMARK(BM_RouteMatchShort);

void BM_ParseQuery(benchmark::State& state) {
  for (auto _ : state) {
    auto q = ParseQuery("from=2026-01-01T00%3A00%3A00Z&to=2026-02-01&tz=Europe%2FLondon&page=2");
    benchmark::DoNotOptimize(q);
  }
}
BENCHMARK(BM_ParseQuery);

}  // namespace
}  // namespace careops::http
