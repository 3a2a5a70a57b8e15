#include "auth/code_repository.hpp"

#include "db/database.hpp"

namespace careops::auth {
namespace {

CodePurpose ParsePurpose(const std::string& name) {
  for (CodePurpose p : {CodePurpose::kVerifyPhone, CodePurpose::kLogin2fa,
                        CodePurpose::kPasswordReset, CodePurpose::kChangePhone}) {
    if (PurposeName(p) == name) return p;
  }
  throw db::DbError(db::DbError::Kind::kOther, "unknown code purpose in verification_codes");
}

}  // namespace

std::int64_t CodeRepository::Insert(const VerificationCode& c) {
  return conn_.Insert(
      "INSERT INTO verification_codes (user_id, purpose, target, code_hash, created_at, "
      "expires_at) VALUES (?, ?, ?, ?, ?, ?)",
      {c.user_id, std::string(PurposeName(c.purpose)), c.target, c.code_hash, c.created_at,
       c.expires_at});
}

std::optional<VerificationCode> CodeRepository::FindNewest(std::int64_t user_id,
                                                           CodePurpose purpose) {
  auto row = conn_.QueryOne(
      "SELECT id, user_id, purpose, target, code_hash, created_at, expires_at, attempts, "
      "consumed_at FROM verification_codes WHERE user_id = ? AND purpose = ? "
      "ORDER BY id DESC LIMIT 1",
      {user_id, std::string(PurposeName(purpose))});
  if (!row) return std::nullopt;
  VerificationCode c;
  c.id = row->Int(0);
  c.user_id = row->Int(1);
  c.purpose = ParsePurpose(row->Text(2));
  c.target = row->Text(3);
  c.code_hash = row->Text(4);
  c.created_at = row->Int(5);
  c.expires_at = row->Int(6);
  c.attempts = static_cast<int>(row->Int(7));
  c.consumed_at = row->OptInt(8);
  return c;
}

bool CodeRepository::RecordWrongAttempt(std::int64_t id, int max_attempts) {
  return conn_.Execute(
             "UPDATE verification_codes SET attempts = attempts + 1 WHERE id = ? AND attempts < ?",
             {id, static_cast<std::int64_t>(max_attempts)}) > 0;
}

bool CodeRepository::Consume(std::int64_t id, Millis now) {
  return conn_.Execute(
             "UPDATE verification_codes SET consumed_at = ? WHERE id = ? AND consumed_at IS NULL",
             {now, id}) > 0;
}

void SendLogRepository::Record(const std::string& key, Millis now) {
  conn_.Insert("INSERT INTO code_sends (limit_key, sent_at) VALUES (?, ?)", {key, now});
}

std::vector<Millis> SendLogRepository::SendsSince(const std::string& key, Millis since) {
  std::vector<Millis> out;
  for (const db::Row& row : conn_.Query(
           "SELECT sent_at FROM code_sends WHERE limit_key = ? AND sent_at >= ? ORDER BY sent_at",
           {key, since})) {
    out.push_back(row.Int(0));
  }
  return out;
}

void SendLogRepository::Prune(const std::string& key, Millis before) {
  conn_.Execute("DELETE FROM code_sends WHERE limit_key = ? AND sent_at < ?", {key, before});
}

}  // namespace careops::auth
