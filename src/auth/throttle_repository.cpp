#include "auth/throttle_repository.hpp"

#include "db/database.hpp"

namespace careops::auth {

std::optional<ThrottleState> ThrottleRepository::Find(const std::string& key) {
  auto row = conn_.QueryOne(
      "SELECT failures, last_failure_at, locked_until FROM auth_throttles WHERE throttle_key = ?",
      {key});
  if (!row) return std::nullopt;
  return ThrottleState{static_cast<int>(row->Int(0)), row->Int(1), row->Int(2)};
}

int ThrottleRepository::RecordFailure(const std::string& key, Millis now, Millis forget_before) {
  auto row = conn_.QueryOne(
      "INSERT INTO auth_throttles (throttle_key, failures, last_failure_at) VALUES (?, 1, ?) "
      "ON CONFLICT (throttle_key) DO UPDATE SET "
      "failures = CASE WHEN auth_throttles.last_failure_at <= ? AND "
      "auth_throttles.locked_until <= ? THEN 1 ELSE auth_throttles.failures + 1 END, "
      "locked_until = CASE WHEN auth_throttles.last_failure_at <= ? AND "
      "auth_throttles.locked_until <= ? THEN 0 ELSE auth_throttles.locked_until END, "
      "last_failure_at = excluded.last_failure_at "
      "RETURNING failures",
      {key, now, forget_before, forget_before, forget_before, forget_before});
  return row ? static_cast<int>(row->Int(0)) : 1;
}

void ThrottleRepository::Lock(const std::string& key, Millis until) {
  conn_.Execute("UPDATE auth_throttles SET locked_until = ? WHERE throttle_key = ?", {until, key});
}

void ThrottleRepository::Clear(const std::string& key) {
  conn_.Execute("DELETE FROM auth_throttles WHERE throttle_key = ?", {key});
}

}  // namespace careops::auth
