#pragma once
// Failure throttling kept in the database (auth_throttles), so every instance over one
// database enforces the same limits. Used for logins (per account, per IP) and code checks
// (per email). Keys come from credentials.hpp (keyed hashes).

#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace careops::db {
class Connection;
}

namespace careops::auth {

// Every field is required (see kAccountLoginPolicy and friends); durations in milliseconds.
struct ThrottlePolicy {
  const char* scope;    // what is counted ("login-account"); keeps one key's counters apart
  int max_failures;     // the failure that reaches this count starts a lock
  Millis forget_after;  // quiet time after the last failure and after the lock that forgets
                        // the count
  Millis first_lock;    // length of the first lock
  Millis max_lock;      // each further failure doubles the lock, up to this
};

class Throttle {
 public:
  // `clock` must outlive the throttle. Thread-safe (stateless apart from the database).
  Throttle(ThrottlePolicy policy, const Clock& clock) : policy_(policy), clock_(clock) {}

  // Milliseconds `key` stays locked from now (0 when not locked).
  Millis LockedFor(db::Connection& conn, const std::string& key) const;
  // Counts a failure and, at or past the limit, locks the key for a lock that doubles with
  // every further failure. Joins the caller's transaction.
  void RecordFailure(db::Connection& conn, const std::string& key) const;
  // Forgets the key's failures (after a success).
  void Reset(db::Connection& conn, const std::string& key) const;

 private:
  std::string Key(const std::string& key) const;

  ThrottlePolicy policy_;
  const Clock& clock_;
};

// RateLimited with Retry-After = `wait` rounded up to whole seconds (at least 1).
Error Throttled(Millis wait, std::string message);

}  // namespace careops::auth
