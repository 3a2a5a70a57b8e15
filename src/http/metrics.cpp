#include "http/metrics.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "http/message.hpp"

namespace careops::http {
namespace {

constexpr std::string_view kRequestsTotal = "careops_http_requests_total";
constexpr std::string_view kRequestDuration = "careops_http_request_duration_seconds";
constexpr std::string_view kInFlight = "careops_http_requests_in_flight";

bool IsMetricName(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == ':';
  });
}

bool IsLabelName(std::string_view name) {
  return IsMetricName(name) && name.find(':') == std::string_view::npos && !name.starts_with("__");
}

// Shortest text that reads back as the same double; Prometheus spellings for the rest.
std::string FormatValue(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  char buf[64];
  const auto result = std::to_chars(buf, buf + sizeof(buf), value);
  return std::string(buf, result.ptr);
}

void AppendEscaped(std::string& out, std::string_view text, bool escape_quotes) {
  for (const char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '"' && escape_quotes) {
      out += "\\\"";
    } else {
      out += c;
    }
  }
}

void AppendLabel(std::string& out, std::string_view name, std::string_view value) {
  out += out.back() == '{' ? "" : ",";
  out += name;
  out += "=\"";
  AppendEscaped(out, value, /*escape_quotes=*/true);
  out += '"';
}

std::string FamilyHeader(std::string_view name, std::string_view help, std::string_view type) {
  std::string out = "# HELP ";
  out += name;
  out += ' ';
  AppendEscaped(out, help, /*escape_quotes=*/false);
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += type;
  out += '\n';
  return out;
}

void AppendSample(std::string& out, std::string_view name, std::string_view labels,
                  std::string_view value) {
  out += name;
  out += labels;
  out += ' ';
  out += value;
  out += '\n';
}

}  // namespace

void Metrics::ObserveRequest(std::string_view method, std::string_view route, int status,
                             double seconds) {
  // Any other text (a client can send any token as its method) would be a new series each.
  const std::string_view method_label = MethodName(ParseMethod(method));
  if (!(seconds >= 0)) seconds = 0;
  const std::size_t bucket =
      std::lower_bound(kDurationBuckets.begin(), kDurationBuckets.end(), seconds) -
      kDurationBuckets.begin();  // first bound >= seconds; size() means +Inf only

  std::lock_guard lock(mutex_);
  const RequestKeyView key{route, method_label, status};
  auto request = requests_.find(key);
  if (request == requests_.end()) {
    request =
        requests_.emplace(RequestKey{std::string(route), std::string(method_label), status}, 0)
            .first;
  }
  ++request->second;

  auto histogram = durations_.find(route);
  if (histogram == durations_.end()) {
    histogram = durations_.emplace(std::string(route), Histogram{}).first;
  }
  ++histogram->second.counts[bucket];
  histogram->second.sum += seconds;
}

void Metrics::InFlightAdd(int delta) { in_flight_.fetch_add(delta, std::memory_order_relaxed); }

bool Metrics::NameTaken(std::string_view name) const {
  return name == kRequestsTotal || name == kRequestDuration || name == kInFlight ||
         counters_.find(name) != counters_.end() || gauges_.find(name) != gauges_.end();
}

void Metrics::AddGauge(std::string name, std::string help, std::function<double()> read) {
  if (!IsMetricName(name)) throw std::invalid_argument("invalid metric name: " + name);
  std::lock_guard lock(mutex_);
  if (NameTaken(name)) throw std::invalid_argument("metric name already used: " + name);
  gauges_.emplace(std::move(name), Gauge{std::move(help), std::move(read)});
}

void Metrics::IncCounter(
    std::string_view name, std::string_view help,
    std::initializer_list<std::pair<std::string_view, std::string_view>> labels, double by) {
  if (!IsMetricName(name)) throw std::invalid_argument("invalid metric name: " + std::string(name));
  if (!(by >= 0))
    throw std::invalid_argument("counter increment must be >= 0: " + std::string(name));
  std::vector<std::pair<std::string_view, std::string_view>> sorted(labels);
  std::sort(sorted.begin(), sorted.end());
  std::string key;
  if (!sorted.empty()) {
    key = "{";
    for (std::size_t i = 0; i < sorted.size(); ++i) {
      const std::string_view label = sorted[i].first;
      if (!IsLabelName(label) || (i > 0 && label == sorted[i - 1].first)) {
        throw std::invalid_argument("invalid or repeated label " + std::string(label) + " on " +
                                    std::string(name));
      }
      AppendLabel(key, label, sorted[i].second);
    }
    key += '}';
  }

  std::lock_guard lock(mutex_);
  auto family = counters_.find(name);
  if (family == counters_.end()) {
    if (NameTaken(name))
      throw std::invalid_argument("metric name already used: " + std::string(name));
    family = counters_.emplace(std::string(name), CounterFamily{std::string(help), {}}).first;
  }
  family->second.series[std::move(key)] += by;
}

std::string Metrics::Render() const {
  std::map<std::string, std::string, std::less<>> families;  // name -> rendered block
  std::vector<std::pair<std::string, Gauge>> gauges;
  {
    std::lock_guard lock(mutex_);
    std::string& requests = families[std::string(kRequestsTotal)];
    requests = FamilyHeader(
        kRequestsTotal, "HTTP requests answered, by method, route template and status.", "counter");
    for (const auto& [key, count] : requests_) {
      std::string labels = "{";
      AppendLabel(labels, "method", key.method);
      AppendLabel(labels, "route", key.route);
      AppendLabel(labels, "status", std::to_string(key.status));
      labels += '}';
      AppendSample(requests, kRequestsTotal, labels, std::to_string(count));
    }

    std::string& durations = families[std::string(kRequestDuration)];
    durations = FamilyHeader(kRequestDuration,
                             "Seconds from request read to response written, by route template.",
                             "histogram");
    const std::string bucket_name = std::string(kRequestDuration) + "_bucket";
    for (const auto& [route, histogram] : durations_) {
      std::string route_label = "{";
      AppendLabel(route_label, "route", route);
      std::uint64_t cumulative = 0;
      for (std::size_t i = 0; i < histogram.counts.size(); ++i) {
        cumulative += histogram.counts[i];
        std::string labels = route_label;
        AppendLabel(labels, "le",
                    i < kDurationBuckets.size() ? FormatValue(kDurationBuckets[i]) : "+Inf");
        labels += '}';
        AppendSample(durations, bucket_name, labels, std::to_string(cumulative));
      }
      route_label += '}';
      AppendSample(durations, std::string(kRequestDuration) + "_sum", route_label,
                   FormatValue(histogram.sum));
      AppendSample(durations, std::string(kRequestDuration) + "_count", route_label,
                   std::to_string(cumulative));
    }

    for (const auto& [name, family] : counters_) {
      std::string& block = families[name];
      block = FamilyHeader(name, family.help, "counter");
      for (const auto& [labels, value] : family.series) {
        AppendSample(block, name, labels, FormatValue(value));
      }
    }
    gauges.assign(gauges_.begin(), gauges_.end());
  }

  std::string& in_flight = families[std::string(kInFlight)];
  in_flight = FamilyHeader(kInFlight, "HTTP requests being handled right now.", "gauge");
  AppendSample(in_flight, kInFlight, "",
               std::to_string(in_flight_.load(std::memory_order_relaxed)));
  // Read outside the lock: a callback may take locks of its own (a queue's, a server's).
  for (const auto& [name, gauge] : gauges) {
    std::string& block = families[name];
    block = FamilyHeader(name, gauge.help, "gauge");
    AppendSample(block, name, "", FormatValue(gauge.read()));
  }

  std::string out;
  for (const auto& [name, block] : families) out += block;
  return out;
}

}  // namespace careops::http
