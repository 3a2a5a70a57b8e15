#pragma once
// SQL for one-time codes and the code send log. One per use over the caller's connection.
// Not thread-safe (a connection is one thread's).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/model.hpp"

namespace careops::db {
class Connection;
}

namespace careops::auth {

class CodeRepository {
 public:
  explicit CodeRepository(db::Connection& conn) : conn_(conn) {}

  // Stores a code row (id, attempts and consumed_at of `code` are ignored); returns its id.
  std::int64_t Insert(const VerificationCode& code);
  // The most recently issued code of the user for the purpose, whatever its state.
  std::optional<VerificationCode> FindNewest(std::int64_t user_id, CodePurpose purpose);
  // Counts one wrong try; false when the code already had `max_attempts` (it stays dead).
  bool RecordWrongAttempt(std::int64_t id, int max_attempts);
  // Marks the code used; false when it already was (single use under concurrency).
  bool Consume(std::int64_t id, Millis now);

 private:
  db::Connection& conn_;
};

// Sends of codes, by limit key, for cooldowns and hourly caps.
class SendLogRepository {
 public:
  explicit SendLogRepository(db::Connection& conn) : conn_(conn) {}

  void Record(const std::string& key, Millis now);
  // Send times under `key` at or after `since`, oldest first.
  std::vector<Millis> SendsSince(const std::string& key, Millis since);
  // Deletes rows of `key` older than `before`.
  void Prune(const std::string& key, Millis before);

 private:
  db::Connection& conn_;
};

}  // namespace careops::auth
