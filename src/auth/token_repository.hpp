#pragma once
// SQL for single-use secrets other than sessions and SMS codes: pending-step tokens
// (auth_tokens: 2FA sign-in, password-reset links) and 2FA recovery codes. All are stored as
// keyed hashes. One per use over the caller's connection. Not thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/model.hpp"

namespace careops::db {
class Connection;
}

namespace careops::auth {

enum class TokenPurpose { kLoginMfa, kPasswordReset };

struct PendingToken {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  Millis expires_at = 0;
  std::optional<Millis> consumed_at;
};

class TokenRepository {
 public:
  explicit TokenRepository(db::Connection& conn) : conn_(conn) {}

  std::int64_t Insert(std::int64_t user_id, TokenPurpose purpose, const std::string& token_hash,
                      Millis now, Millis expires_at);
  std::optional<PendingToken> Find(TokenPurpose purpose, const std::string& token_hash);
  // Marks it used; false when it already was (single use under concurrency).
  bool Consume(std::int64_t id, Millis now);
  // Marks every unused token of the user and purpose used (e.g. older reset links).
  void ConsumeAll(std::int64_t user_id, TokenPurpose purpose, Millis now);

 private:
  db::Connection& conn_;
};

class RecoveryCodeRepository {
 public:
  explicit RecoveryCodeRepository(db::Connection& conn) : conn_(conn) {}

  // Replaces every recovery code of the user with `code_hashes`.
  void ReplaceAll(std::int64_t user_id, const std::vector<std::string>& code_hashes, Millis now);
  void DeleteAll(std::int64_t user_id);
  // Marks the user's unused code with that hash used; false when there is none.
  bool Use(std::int64_t user_id, const std::string& code_hash, Millis now);

 private:
  db::Connection& conn_;
};

}  // namespace careops::auth
