#pragma once
// Process metrics in the Prometheus text exposition format 0.0.4, for GET /metrics.
//
// Thread-safe: every method may be called from any thread. ObserveRequest takes one mutex
// around two small map lookups (no allocation once a series exists); InFlightAdd is a
// single atomic. Label cardinality must stay bounded: callers pass route templates, never
// raw paths, and methods outside the known set are recorded as "OTHER".

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

namespace careops::http {

class Metrics {
 public:
  // Upper bounds (seconds) of careops_http_request_duration_seconds, +Inf implied.
  static constexpr std::array<double, 11> kDurationBuckets = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                              0.25,  0.5,   1,    2.5,   5};

  Metrics() = default;
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // One finished request. `route` is a route template ("/api/status"), "static" or
  // "unmatched"; `seconds` is wall time from request read to response written (negative or
  // NaN counts as 0). Feeds careops_http_requests_total{method,route,status} and
  // careops_http_request_duration_seconds{route}.
  void ObserveRequest(std::string_view method, std::string_view route, int status, double seconds);

  // careops_http_requests_in_flight += delta.
  void InFlightAdd(int delta);

  // A gauge whose value `read` returns at each Render(). Register at start-up only. `read`
  // runs on the thread calling Render(), outside any lock of ours: it must be thread-safe
  // and quick. Throws std::invalid_argument for an invalid or already used name (a bug).
  void AddGauge(std::string name, std::string help, std::function<double()> read);

  // Adds `by` (>= 0) to the counter series `name{labels}`, creating it on first use; the
  // first call's `help` describes the family. Labels are sorted by name, so their order in
  // the call does not matter. Throws std::invalid_argument for an invalid metric or label
  // name, a name used by another family, or a negative or NaN `by` (all bugs).
  void IncCounter(std::string_view name, std::string_view help,
                  std::initializer_list<std::pair<std::string_view, std::string_view>> labels,
                  double by = 1);

  // Every family with "# HELP" and "# TYPE" lines, families sorted by name, series in a
  // stable (sorted) order, label values escaped (\\, \", \n).
  std::string Render() const;

 private:
  struct RequestKey {
    std::string route;
    std::string method;
    int status;
  };
  struct RequestKeyView {
    std::string_view route;
    std::string_view method;
    int status;
  };
  // Orders RequestKey by (route, method, status) and lets ObserveRequest look a series up
  // by views, without allocating.
  struct RequestKeyLess {
    using is_transparent = void;
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return std::tuple<std::string_view, std::string_view, int>(a.route, a.method, a.status) <
             std::tuple<std::string_view, std::string_view, int>(b.route, b.method, b.status);
    }
  };
  struct Histogram {
    std::array<std::uint64_t, kDurationBuckets.size() + 1> counts{};  // per bucket, not cumulative
    double sum = 0;
  };
  struct CounterFamily {
    std::string help;
    std::map<std::string, double> series;  // key: rendered label set, "{a=\"x\"}" or ""
  };
  struct Gauge {
    std::string help;
    std::function<double()> read;
  };

  bool NameTaken(std::string_view name) const;  // REQUIRES: mutex_ held

  std::atomic<std::int64_t> in_flight_{0};
  mutable std::mutex mutex_;
  std::map<RequestKey, std::uint64_t, RequestKeyLess> requests_;  // GUARDED_BY(mutex_)
  std::map<std::string, Histogram, std::less<>> durations_;       // GUARDED_BY(mutex_)
  std::map<std::string, CounterFamily, std::less<>> counters_;    // GUARDED_BY(mutex_)
  std::map<std::string, Gauge, std::less<>> gauges_;              // GUARDED_BY(mutex_)
};

}  // namespace careops::http
