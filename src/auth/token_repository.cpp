#include "auth/token_repository.hpp"

#include "db/database.hpp"

namespace careops::auth {
namespace {

std::string PurposeText(TokenPurpose purpose) {
  return purpose == TokenPurpose::kLoginMfa ? "login_mfa" : "password_reset";
}

}  // namespace

std::int64_t TokenRepository::Insert(std::int64_t user_id, TokenPurpose purpose,
                                     const std::string& token_hash, Millis now, Millis expires_at) {
  return conn_.Insert(
      "INSERT INTO auth_tokens (user_id, purpose, token_hash, created_at, expires_at) "
      "VALUES (?, ?, ?, ?, ?)",
      {user_id, PurposeText(purpose), token_hash, now, expires_at});
}

std::optional<PendingToken> TokenRepository::Find(TokenPurpose purpose,
                                                  const std::string& token_hash) {
  auto row = conn_.QueryOne(
      "SELECT id, user_id, expires_at, consumed_at FROM auth_tokens "
      "WHERE token_hash = ? AND purpose = ?",
      {token_hash, PurposeText(purpose)});
  if (!row) return std::nullopt;
  return PendingToken{row->Int(0), row->Int(1), row->Int(2), row->OptInt(3)};
}

bool TokenRepository::Consume(std::int64_t id, Millis now) {
  return conn_.Execute(
             "UPDATE auth_tokens SET consumed_at = ? WHERE id = ? AND consumed_at IS NULL",
             {now, id}) > 0;
}

void TokenRepository::ConsumeAll(std::int64_t user_id, TokenPurpose purpose, Millis now) {
  conn_.Execute(
      "UPDATE auth_tokens SET consumed_at = ? WHERE user_id = ? AND purpose = ? AND "
      "consumed_at IS NULL",
      {now, user_id, PurposeText(purpose)});
}

void RecoveryCodeRepository::ReplaceAll(std::int64_t user_id,
                                        const std::vector<std::string>& code_hashes, Millis now) {
  DeleteAll(user_id);
  for (const std::string& hash : code_hashes) {
    conn_.Insert("INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES (?, ?, ?)",
                 {user_id, hash, now});
  }
}

void RecoveryCodeRepository::DeleteAll(std::int64_t user_id) {
  conn_.Execute("DELETE FROM recovery_codes WHERE user_id = ?", {user_id});
}

bool RecoveryCodeRepository::Use(std::int64_t user_id, const std::string& code_hash, Millis now) {
  return conn_.Execute(
             "UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND "
             "used_at IS NULL",
             {now, user_id, code_hash}) > 0;
}

}  // namespace careops::auth
