#pragma once
// A Clock tests move by hand. Thread-safe.

#include <atomic>

#include "core/clock.hpp"

namespace careops::testing {

class FakeClock final : public Clock {
 public:
  explicit FakeClock(Millis start = 1'767'225'600'000)  // 2026-01-01T00:00:00Z
      : now_(start) {}
  Millis NowMillis() const override { return now_.load(); }
  void Set(Millis t) { now_.store(t); }
  void Advance(Millis delta) { now_.fetch_add(delta); }

 private:
  std::atomic<Millis> now_;
};

}  // namespace careops::testing
