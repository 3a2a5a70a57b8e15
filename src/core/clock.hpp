#pragma once
// Time comes from an injected Clock so tests step time instead of sleeping.
// All timestamps in CareOps are UTC milliseconds since the Unix epoch.

#include <chrono>
#include <cstdint>

namespace careops {

using Millis = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  // Wall-clock time, UTC milliseconds since the epoch. Thread-safe.
  virtual Millis NowMillis() const = 0;
};

class SystemClock final : public Clock {
 public:
  Millis NowMillis() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

}  // namespace careops
