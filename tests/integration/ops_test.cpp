// Operations endpoints, middleware and the static web app through the real server.

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <future>
#include <thread>
#include <vector>

#include "http/json.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace careops::testing {
namespace {

TEST(OpsTest, HealthzAndReadyz) {
  TestServer server;
  auto health = Get(server.port(), "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.Json()["status"], "ok");
  auto ready = Get(server.port(), "/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.Json()["checks"]["migrations"], "ok");
}

TEST(OpsTest, StatusDescribesTheServer) {
  TestServer server;
  server.clock().Advance(90'000);
  auto r = Get(server.port(), "/api/status");
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = r.Json();
  EXPECT_EQ(j["name"], "CareOps");
  EXPECT_EQ(j["version"], CAREOPS_VERSION);
  EXPECT_EQ(j["uptime_seconds"], 90);
  EXPECT_EQ(j["database"]["dialect"], "sqlite");
  EXPECT_EQ(j["database"]["reachable"], true);
  EXPECT_GE(j["migrations"]["latest"].get<int>(), 1);
  EXPECT_EQ(j["migrations"]["current"], j["migrations"]["latest"]);
  EXPECT_EQ(j["migrations"]["up_to_date"], true);
  EXPECT_EQ(j["providers"]["sms"], "console");
  EXPECT_EQ(j["providers"]["email"], "console");
  EXPECT_FALSE(j["instance_id"].get<std::string>().empty());
  // The instance id is stored once: a second read gives the same one.
  EXPECT_EQ(Get(server.port(), "/api/status").Json()["instance_id"], j["instance_id"]);
}

TEST(OpsTest, RequestIdPropagatedOrGenerated) {
  TestServer server;
  auto given = Request(server.port(), "GET", "/healthz", {}, {{"X-Request-Id", "abc-123"}});
  EXPECT_EQ(given.Header("x-request-id"), "abc-123");
  auto hostile = Request(server.port(), "GET", "/healthz", {}, {{"X-Request-Id", "a b<script>"}});
  EXPECT_NE(hostile.Header("x-request-id"), "a b<script>");
  EXPECT_EQ(hostile.Header("x-request-id").size(), 16u);
}

TEST(OpsTest, SecurityHeadersOnEveryAnswer) {
  TestServer server;
  for (const char* target : {"/healthz", "/api/nope"}) {
    auto r = Get(server.port(), target);
    EXPECT_EQ(r.Header("x-content-type-options"), "nosniff") << target;
    EXPECT_EQ(r.Header("referrer-policy"), "no-referrer") << target;
    EXPECT_TRUE(r.Header("date").ends_with(" GMT")) << target;
    EXPECT_NE(r.Header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos)
        << target;
  }
}

TEST(OpsTest, MetricsCountRequestsByRouteTemplate) {
  TestServer server;
  Get(server.port(), "/healthz");
  Get(server.port(), "/api/nope/123");
  auto r = Get(server.port(), "/metrics");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.Header("content-type").find("text/plain"), std::string::npos);
  EXPECT_NE(
      r.body.find(R"(careops_http_requests_total{method="GET",route="/healthz",status="200"} 1)"),
      std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find(R"(route="unmatched",status="404")"), std::string::npos);
  EXPECT_EQ(r.body.find("/api/nope/123"), std::string::npos) << "raw paths must not be labels";
  EXPECT_NE(r.body.find("careops_http_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_NE(r.body.find("careops_http_requests_in_flight"), std::string::npos);
  EXPECT_NE(r.body.find("careops_worker_queue_depth"), std::string::npos);
}

TEST(OpsTest, FullWorkerQueueAnswers503) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<int> entered{0};
  TestServerOptions options;
  options.configure = [](app::Config& c) {
    c.worker_threads = 1;
    c.worker_queue = 1;
  };
  options.extra_routes.push_back({http::Method::kGet, "/api/test/block",
                                  http::AccessRule{http::Access::kPublic},
                                  [&](http::RequestContext&) {
                                    ++entered;
                                    released.wait();
                                    return http::JsonResponse(200, {{"ok", true}});
                                  }});
  TestServer server(std::move(options));
  auto call = [&] { return Get(server.port(), "/api/test/block"); };
  std::vector<std::future<ClientResponse>> calls;
  calls.push_back(std::async(std::launch::async, call));
  while (entered.load() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  // One worker busy, one queue slot: of four more calls one waits and three are refused.
  for (int i = 0; i < 4; ++i) calls.push_back(std::async(std::launch::async, call));
  int refused = 0;
  std::string retry_after;
  for (int round = 0; round < 1000 && refused < 3; ++round) {
    refused = 0;
    for (auto& c : calls) {
      if (c.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready) ++refused;
    }
    if (refused < 3) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  release.set_value();
  int ok = 0, unavailable = 0;
  for (auto& c : calls) {
    ClientResponse r = c.get();
    if (r.status == 200) ++ok;
    if (r.status == 503) {
      ++unavailable;
      retry_after = r.Header("retry-after");
    }
  }
  EXPECT_EQ(ok, 2);
  EXPECT_EQ(unavailable, 3);
  EXPECT_EQ(retry_after, "1");
}

// Routes sharing a ConcurrencyLimit (the password routes) are refused on the io thread once
// their budget is used, without queueing for a worker; other routes keep being served.
TEST(OpsTest, ConcurrencyLimitedRoutesShedAtOnceWhileOthersAreServed) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<int> entered{0};
  auto limit = std::make_shared<http::ConcurrencyLimit>(1);
  TestServerOptions options;
  options.extra_routes.push_back({http::Method::kGet, "/api/test/expensive",
                                  http::AccessRule{http::Access::kPublic},
                                  [&](http::RequestContext&) {
                                    ++entered;
                                    released.wait();
                                    return http::JsonResponse(200, {{"ok", true}});
                                  },
                                  limit});
  TestServer server(std::move(options));
  auto first =
      std::async(std::launch::async, [&] { return Get(server.port(), "/api/test/expensive"); });
  while (entered.load() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const ClientResponse refused = Get(server.port(), "/api/test/expensive");
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.Header("retry-after"), "1");
  EXPECT_EQ(Get(server.port(), "/healthz").status, 200);
  EXPECT_EQ(entered.load(), 1);
  release.set_value();
  EXPECT_EQ(first.get().status, 200);
  EXPECT_EQ(limit->in_flight(), 0);
  EXPECT_EQ(Get(server.port(), "/api/test/expensive").status, 200);
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(web_.path() / "assets");
    std::ofstream(web_.File("index.html")) << "<!doctype html><title>CareOps</title>";
    std::ofstream(web_.File("assets/app-1234.js")) << "console.log('app');";
    std::ofstream(web_.File("assets/app-1234.js.gz")) << "GZIPPED";
    TestServerOptions options;
    options.configure = [this](app::Config& c) { c.web_dir = web_.path().string(); };
    server_ = std::make_unique<TestServer>(std::move(options));
  }
  TempDir web_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(StaticFilesTest, ServesAssetsWithTypesAndCaching) {
  auto r = Get(server_->port(), "/assets/app-1234.js");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "console.log('app');");
  EXPECT_NE(r.Header("content-type").find("javascript"), std::string::npos);
  EXPECT_NE(r.Header("cache-control").find("immutable"), std::string::npos);
  const std::string etag = r.Header("etag");
  ASSERT_FALSE(etag.empty());
  auto again =
      Request(server_->port(), "GET", "/assets/app-1234.js", {}, {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  auto gz = Request(server_->port(), "GET", "/assets/app-1234.js", {},
                    {{"Accept-Encoding", "gzip, deflate"}});
  EXPECT_EQ(gz.Header("content-encoding"), "gzip");
  EXPECT_EQ(gz.body, "GZIPPED");
}

// A 304 carries no Content-Type, but browsers apply its headers to the cached page: with the
// API's policy there, reloading any page left it blank.
TEST_F(StaticFilesTest, NotModifiedPageKeepsThePagePolicy) {
  const std::string etag = Get(server_->port(), "/status").Header("etag");
  ASSERT_FALSE(etag.empty());
  auto r = Request(server_->port(), "GET", "/status", {}, {{"If-None-Match", etag}});
  EXPECT_EQ(r.status, 304);
  EXPECT_NE(r.Header("content-security-policy").find("script-src 'self'"), std::string::npos)
      << r.Header("content-security-policy");
}

TEST_F(StaticFilesTest, AppRoutesFallBackToIndexHtml) {
  for (const char* target : {"/", "/status", "/w/acme/book"}) {
    auto r = Get(server_->port(), target);
    EXPECT_EQ(r.status, 200) << target;
    EXPECT_NE(r.body.find("<title>CareOps</title>"), std::string::npos) << target;
    EXPECT_NE(r.Header("content-type").find("text/html"), std::string::npos);
    EXPECT_NE(r.Header("content-security-policy").find("script-src 'self'"), std::string::npos);
  }
  EXPECT_EQ(Get(server_->port(), "/assets/missing-9999.js").status, 404);
  EXPECT_EQ(Get(server_->port(), "/api/status").Json()["name"], "CareOps");
  auto head = Request(server_->port(), "HEAD", "/status");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
}

}  // namespace
}  // namespace careops::testing
