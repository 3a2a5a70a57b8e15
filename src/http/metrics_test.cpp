#include "http/metrics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace careops::http {
namespace {

// The value of the sample line that starts with `series` ("name{labels}"), or "" if absent.
std::string Sample(const std::string& text, const std::string& series) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.size() > series.size() && line.compare(0, series.size(), series) == 0 &&
        line[series.size()] == ' ') {
      return line.substr(series.size() + 1);
    }
  }
  return "";
}

constexpr const char* kEmptyText =
    "# HELP careops_http_request_duration_seconds Seconds from request read to response "
    "written, by route template.\n"
    "# TYPE careops_http_request_duration_seconds histogram\n"
    "# HELP careops_http_requests_in_flight HTTP requests being handled right now.\n"
    "# TYPE careops_http_requests_in_flight gauge\n"
    "careops_http_requests_in_flight 0\n"
    "# HELP careops_http_requests_total HTTP requests answered, by method, route template and "
    "status.\n"
    "# TYPE careops_http_requests_total counter\n";

TEST(MetricsTest, EmptyRenderHasTheBuiltInFamilies) {
  const Metrics metrics;
  EXPECT_EQ(metrics.Render(), kEmptyText);
}

TEST(MetricsTest, RendersASmallScenarioExactly) {
  Metrics metrics;
  metrics.ObserveRequest("GET", "/api/status", 200, 0.003);
  metrics.ObserveRequest("GET", "/api/status", 200, 0.25);
  metrics.ObserveRequest("POST", "/api/auth/login", 401, 7);
  metrics.InFlightAdd(2);
  metrics.InFlightAdd(-1);
  metrics.AddGauge("careops_worker_queue_depth", "Jobs waiting for a worker.", [] { return 3; });
  metrics.IncCounter("careops_sms_sent_total", "SMS handed to the provider.",
                     {{"provider", "twilio"}});
  metrics.IncCounter("careops_sms_sent_total", "ignored: the first help wins",
                     {{"provider", "twilio"}}, 2);
  metrics.IncCounter("careops_sms_sent_total", "", {{"provider", "console"}}, 0.5);

  const std::string expected =
      R"(# HELP careops_http_request_duration_seconds Seconds from request read to response written, by route template.
# TYPE careops_http_request_duration_seconds histogram
careops_http_request_duration_seconds_bucket{route="/api/auth/login",le="0.001"} 0
careops_http_request_duration_seconds_bucket{route="/api/auth/login",le="0.005"} 0
careops_http_request_duration_seconds_bucket{route="/api/auth/login",le="0.01"} 0
careops_http_request_duration_seconds_bucket{route="/api/auth/login",le="0.025"} 0
careops_http_request_duration_seconds_bucket{route="/api/auth/login",le="0.05"} 0
careops_http_request_duration_seconds_bucket{route="/api/auth/login",le="0.1"} 0
careops_http_request_duration_seconds_bucket{route="/api/auth/login",le="0.25"} 0
careops_http_request_duration_seconds_bucket{route="/api/auth/login",le="0.5"} 0
careops_http_request_duration_seconds_bucket{route="/api/auth/login",le="1"} 0
careops_http_request_duration_seconds_bucket{route="/api/auth/login",le="2.5"} 0
careops_http_request_duration_seconds_bucket{route="/api/auth/login",le="5"} 0
careops_http_request_duration_seconds_bucket{route="/api/auth/login",le="+Inf"} 1
careops_http_request_duration_seconds_sum{route="/api/auth/login"} 7
careops_http_request_duration_seconds_count{route="/api/auth/login"} 1
careops_http_request_duration_seconds_bucket{route="/api/status",le="0.001"} 0
careops_http_request_duration_seconds_bucket{route="/api/status",le="0.005"} 1
careops_http_request_duration_seconds_bucket{route="/api/status",le="0.01"} 1
careops_http_request_duration_seconds_bucket{route="/api/status",le="0.025"} 1
careops_http_request_duration_seconds_bucket{route="/api/status",le="0.05"} 1
careops_http_request_duration_seconds_bucket{route="/api/status",le="0.1"} 1
careops_http_request_duration_seconds_bucket{route="/api/status",le="0.25"} 2
careops_http_request_duration_seconds_bucket{route="/api/status",le="0.5"} 2
careops_http_request_duration_seconds_bucket{route="/api/status",le="1"} 2
careops_http_request_duration_seconds_bucket{route="/api/status",le="2.5"} 2
careops_http_request_duration_seconds_bucket{route="/api/status",le="5"} 2
careops_http_request_duration_seconds_bucket{route="/api/status",le="+Inf"} 2
careops_http_request_duration_seconds_sum{route="/api/status"} 0.253
careops_http_request_duration_seconds_count{route="/api/status"} 2
# HELP careops_http_requests_in_flight HTTP requests being handled right now.
# TYPE careops_http_requests_in_flight gauge
careops_http_requests_in_flight 1
# HELP careops_http_requests_total HTTP requests answered, by method, route template and status.
# TYPE careops_http_requests_total counter
careops_http_requests_total{method="POST",route="/api/auth/login",status="401"} 1
careops_http_requests_total{method="GET",route="/api/status",status="200"} 2
# HELP careops_sms_sent_total SMS handed to the provider.
# TYPE careops_sms_sent_total counter
careops_sms_sent_total{provider="console"} 0.5
careops_sms_sent_total{provider="twilio"} 3
# HELP careops_worker_queue_depth Jobs waiting for a worker.
# TYPE careops_worker_queue_depth gauge
careops_worker_queue_depth 3
)";
  EXPECT_EQ(metrics.Render(), expected);
  EXPECT_EQ(metrics.Render(), expected);  // rendering changes nothing
}

TEST(MetricsTest, ValueExactlyOnABoundCountsInThatBucket) {
  Metrics metrics;
  for (double bound : Metrics::kDurationBuckets) metrics.ObserveRequest("GET", "/r", 200, bound);
  const std::string text = metrics.Render();
  const std::string bucket = "careops_http_request_duration_seconds_bucket{route=\"/r\",le=\"";
  const std::vector<std::string> les = {"0.001", "0.005", "0.01", "0.025", "0.05", "0.1",
                                        "0.25",  "0.5",   "1",    "2.5",   "5",    "+Inf"};
  for (std::size_t i = 0; i < les.size(); ++i) {
    SCOPED_TRACE(les[i]);
    EXPECT_EQ(Sample(text, bucket + les[i] + "\"}"),
              std::to_string(std::min(i + 1, std::size_t{11})));
  }
}

TEST(MetricsTest, ValuesBetweenBoundsAndOutOfRange) {
  Metrics metrics;
  metrics.ObserveRequest("GET", "/r", 200, 0);
  metrics.ObserveRequest("GET", "/r", 200, std::nextafter(0.001, 1.0));  // just above a bound
  metrics.ObserveRequest("GET", "/r", 200, 5.000001);
  metrics.ObserveRequest("GET", "/r", 200, std::numeric_limits<double>::infinity());
  metrics.ObserveRequest("GET", "/r", 200, -1);                                        // as 0
  metrics.ObserveRequest("GET", "/r", 200, std::numeric_limits<double>::quiet_NaN());  // as 0
  const std::string text = metrics.Render();
  const std::string bucket = "careops_http_request_duration_seconds_bucket{route=\"/r\",le=\"";
  EXPECT_EQ(Sample(text, bucket + "0.001\"}"), "3");
  EXPECT_EQ(Sample(text, bucket + "0.005\"}"), "4");
  EXPECT_EQ(Sample(text, bucket + "5\"}"), "4");
  EXPECT_EQ(Sample(text, bucket + "+Inf\"}"), "6");
  EXPECT_EQ(Sample(text, "careops_http_request_duration_seconds_count{route=\"/r\"}"), "6");
  EXPECT_EQ(Sample(text, "careops_http_request_duration_seconds_sum{route=\"/r\"}"), "+Inf");
}

TEST(MetricsTest, UnknownMethodsShareOneLabel) {
  Metrics metrics;
  metrics.ObserveRequest("BREW", "unmatched", 400, 0.001);
  metrics.ObserveRequest("get", "unmatched", 400, 0.001);
  metrics.ObserveRequest("DELETE", "unmatched", 404, 0.001);
  const std::string text = metrics.Render();
  EXPECT_EQ(Sample(text,
                   "careops_http_requests_total{method=\"OTHER\",route=\"unmatched\","
                   "status=\"400\"}"),
            "2");
  EXPECT_EQ(Sample(text,
                   "careops_http_requests_total{method=\"DELETE\",route=\"unmatched\","
                   "status=\"404\"}"),
            "1");
  EXPECT_EQ(text.find("BREW"), std::string::npos);
}

TEST(MetricsTest, EscapesLabelValuesAndHelp) {
  Metrics metrics;
  metrics.IncCounter("careops_test_total", "help with \\ and\nnewline \"quoted\"",
                     {{"reason", "a\\b\"c\nd"}});
  metrics.ObserveRequest("GET", "/q\"uote", 200, 0.001);
  const std::string text = metrics.Render();
  EXPECT_NE(text.find("# HELP careops_test_total help with \\\\ and\\nnewline \"quoted\"\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(Sample(text, "careops_test_total{reason=\"a\\\\b\\\"c\\nd\"}"), "1") << text;
  EXPECT_EQ(Sample(text,
                   "careops_http_requests_total{method=\"GET\",route=\"/q\\\"uote\","
                   "status=\"200\"}"),
            "1");
}

TEST(MetricsTest, CounterLabelsAreSortedSoOrderDoesNotMatter) {
  Metrics metrics;
  metrics.IncCounter("careops_jobs_total", "Jobs.", {{"kind", "sms"}, {"result", "ok"}});
  metrics.IncCounter("careops_jobs_total", "Jobs.", {{"result", "ok"}, {"kind", "sms"}}, 4);
  metrics.IncCounter("careops_jobs_total", "Jobs.", {}, 1);
  const std::string text = metrics.Render();
  EXPECT_EQ(Sample(text, "careops_jobs_total{kind=\"sms\",result=\"ok\"}"), "5");
  EXPECT_EQ(Sample(text, "careops_jobs_total"), "1");
}

TEST(MetricsTest, GaugesAreReadAtRenderTime) {
  Metrics metrics;
  double depth = 1;
  metrics.AddGauge("careops_worker_queue_depth", "Queue.", [&] { return depth; });
  // A callback may use the Metrics object itself: it runs outside the lock.
  metrics.AddGauge("careops_http_connections_open", "Open.", [&] {
    metrics.InFlightAdd(0);
    return 0.5;
  });
  EXPECT_EQ(Sample(metrics.Render(), "careops_worker_queue_depth"), "1");
  depth = 42;
  const std::string text = metrics.Render();
  EXPECT_EQ(Sample(text, "careops_worker_queue_depth"), "42");
  EXPECT_EQ(Sample(text, "careops_http_connections_open"), "0.5");
}

TEST(MetricsTest, RefusesInvalidOrCollidingNames) {
  Metrics metrics;
  auto zero = [] { return 0.0; };
  metrics.AddGauge("careops_g", "G.", zero);
  metrics.IncCounter("careops_c_total", "C.", {});
  EXPECT_THROW(metrics.AddGauge("careops_g", "again", zero), std::invalid_argument);
  EXPECT_THROW(metrics.AddGauge("careops_c_total", "C.", zero), std::invalid_argument);
  EXPECT_THROW(metrics.AddGauge("careops_http_requests_in_flight", "", zero),
               std::invalid_argument);
  EXPECT_THROW(metrics.AddGauge("", "", zero), std::invalid_argument);
  EXPECT_THROW(metrics.AddGauge("9lives", "", zero), std::invalid_argument);
  EXPECT_THROW(metrics.IncCounter("careops_g", "", {}), std::invalid_argument);
  EXPECT_THROW(metrics.IncCounter("careops_http_requests_total", "", {}), std::invalid_argument);
  EXPECT_THROW(metrics.IncCounter("careops-x", "", {}), std::invalid_argument);
  EXPECT_THROW(metrics.IncCounter("careops_x", "", {{"a-b", "1"}}), std::invalid_argument);
  EXPECT_THROW(metrics.IncCounter("careops_x", "", {{"a:b", "1"}}), std::invalid_argument);
  EXPECT_THROW(metrics.IncCounter("careops_x", "", {{"__name__", "1"}}), std::invalid_argument);
  EXPECT_THROW(metrics.IncCounter("careops_x", "", {{"a", "1"}, {"a", "2"}}),
               std::invalid_argument);
  EXPECT_THROW(metrics.IncCounter("careops_x", "", {}, -1), std::invalid_argument);
  EXPECT_THROW(metrics.IncCounter("careops_x", "", {}, std::nan("")), std::invalid_argument);
  EXPECT_EQ(metrics.Render().find("careops_x"), std::string::npos);  // nothing half-made
}

TEST(MetricsTest, ConcurrentObservationsSumCorrectly) {
  Metrics metrics;
  constexpr int kThreads = 4;
  constexpr int kPerThread = 20000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&metrics, t] {
      const std::string route = t % 2 == 0 ? "/api/a" : "/api/b";
      for (int i = 0; i < kPerThread; ++i) {
        metrics.InFlightAdd(1);
        metrics.ObserveRequest(i % 2 == 0 ? "GET" : "POST", route, 200, 0.002);
        metrics.InFlightAdd(-1);
      }
    });
  }
  std::thread scraper([&metrics] {
    for (int i = 0; i < 50; ++i) (void)metrics.Render();
  });
  for (std::thread& t : threads) t.join();
  scraper.join();

  const std::string text = metrics.Render();
  const int per_series = kThreads / 2 * kPerThread / 2;
  for (const char* route : {"/api/a", "/api/b"}) {
    SCOPED_TRACE(route);
    const std::string r = std::string("route=\"") + route + "\"";
    EXPECT_EQ(Sample(text, "careops_http_requests_total{method=\"GET\"," + r + ",status=\"200\"}"),
              std::to_string(per_series));
    EXPECT_EQ(Sample(text, "careops_http_requests_total{method=\"POST\"," + r + ",status=\"200\"}"),
              std::to_string(per_series));
    EXPECT_EQ(Sample(text, "careops_http_request_duration_seconds_count{" + r + "}"),
              std::to_string(2 * per_series));
    EXPECT_EQ(Sample(text, "careops_http_request_duration_seconds_bucket{" + r + ",le=\"0.005\"}"),
              std::to_string(2 * per_series));
    EXPECT_EQ(Sample(text, "careops_http_request_duration_seconds_bucket{" + r + ",le=\"0.001\"}"),
              "0");
  }
  EXPECT_EQ(Sample(text, "careops_http_requests_in_flight"), "0");
}

}  // namespace
}  // namespace careops::http
