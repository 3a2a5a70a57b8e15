#pragma once
// SQL for failure counters (auth_throttles). One per use over the caller's connection.
// Not thread-safe (a connection is one thread's).

#include <optional>
#include <string>

#include "core/clock.hpp"

namespace careops::db {
class Connection;
}

namespace careops::auth {

struct ThrottleState {
  int failures = 0;
  Millis last_failure_at = 0;
  Millis locked_until = 0;
};

class ThrottleRepository {
 public:
  explicit ThrottleRepository(db::Connection& conn) : conn_(conn) {}

  std::optional<ThrottleState> Find(const std::string& key);
  // Counts one failure at `now` in one atomic statement, starting again from 1 (and unlocked)
  // when both the last failure and the end of the lock are at or before `forget_before`.
  // Returns the count including this failure.
  int RecordFailure(const std::string& key, Millis now, Millis forget_before);
  void Lock(const std::string& key, Millis until);
  void Clear(const std::string& key);

 private:
  db::Connection& conn_;
};

}  // namespace careops::auth
