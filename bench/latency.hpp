#pragma once
// What the latency benchmarks share: timing in milliseconds and p50/p99 of samples.

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <vector>

namespace careops::bench {

using Clock = std::chrono::steady_clock;

inline double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct Percentiles {
  double p50 = 0, p99 = 0;
  std::size_t n = 0;
};

inline Percentiles Summarise(std::vector<double> v) {
  if (v.empty()) return {};
  std::sort(v.begin(), v.end());
  auto at = [&](double q) {
    return v[std::min(v.size() - 1, static_cast<std::size_t>(q * v.size()))];
  };
  return {at(0.50), at(0.99), v.size()};
}

}  // namespace careops::bench
