#include "auth/throttle.hpp"

#include <algorithm>

#include "auth/throttle_repository.hpp"

namespace careops::auth {

std::string Throttle::Key(const std::string& key) const {
  return std::string(policy_.scope) + "/" + key;
}

Millis Throttle::LockedFor(db::Connection& conn, const std::string& key) const {
  auto state = ThrottleRepository(conn).Find(Key(key));
  if (!state) return 0;
  return std::max<Millis>(0, state->locked_until - clock_.NowMillis());
}

void Throttle::RecordFailure(db::Connection& conn, const std::string& key) const {
  const Millis now = clock_.NowMillis();
  ThrottleRepository repo(conn);
  const int failures = repo.RecordFailure(Key(key), now, now - policy_.forget_after);
  if (failures < policy_.max_failures) return;
  const int doublings = std::min(failures - policy_.max_failures, 30);
  const Millis lock = std::min(policy_.first_lock << doublings, policy_.max_lock);
  repo.Lock(Key(key), now + lock);
}

void Throttle::Reset(db::Connection& conn, const std::string& key) const {
  ThrottleRepository(conn).Clear(Key(key));
}

Error Throttled(Millis wait, std::string message) {
  const Millis seconds = std::max<Millis>(1, (wait + 999) / 1000);
  return Error::RateLimited(static_cast<int>(seconds), std::move(message));
}

}  // namespace careops::auth
