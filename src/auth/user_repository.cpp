#include "auth/user_repository.hpp"

#include <string>

#include "db/database.hpp"

namespace careops::auth {
namespace {

constexpr std::string_view kColumns =
    "id, email, password_hash, full_name, phone_number, is_phone_verified, is_active, "
    "two_factor_enabled, created_at, updated_at";

User FromRow(const db::Row& row) {
  User u;
  u.id = row.Int(0);
  u.email = row.Text(1);
  u.password_hash = row.Text(2);
  u.full_name = row.Text(3);
  u.phone_number = row.OptText(4);
  u.is_phone_verified = row.Int(5) != 0;
  u.is_active = row.Int(6) != 0;
  u.two_factor_enabled = row.Int(7) != 0;
  u.created_at = row.Int(8);
  u.updated_at = row.Int(9);
  return u;
}

std::optional<User> One(std::optional<db::Row> row) {
  if (!row) return std::nullopt;
  return FromRow(*row);
}

}  // namespace

std::optional<User> UserRepository::FindByEmail(std::string_view email) {
  static const std::string sql = "SELECT " + std::string(kColumns) + " FROM users WHERE email = ?";
  return One(conn_.QueryOne(sql, {std::string(email)}));
}

std::optional<User> UserRepository::FindById(std::int64_t id) {
  static const std::string sql = "SELECT " + std::string(kColumns) + " FROM users WHERE id = ?";
  return One(conn_.QueryOne(sql, {id}));
}

Result<std::int64_t> UserRepository::Insert(const NewUser& user, Millis now) {
  try {
    return conn_.Insert(
        "INSERT INTO users (email, password_hash, full_name, phone_number, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        {user.email, user.password_hash, user.full_name,
         user.phone_number ? db::Value(*user.phone_number) : db::Value(), now, now});
  } catch (const db::DbError& e) {
    if (e.kind() != db::DbError::Kind::kUniqueViolation) throw;
    return Error::Conflict("an account with this email already exists", "email");
  }
}

void UserRepository::SetVerifiedPhone(std::int64_t id, std::string_view phone, Millis now) {
  conn_.Execute(
      "UPDATE users SET phone_number = ?, is_phone_verified = 1, updated_at = ? WHERE id = ?",
      {std::string(phone), now, id});
}

void UserRepository::SetPasswordHash(std::int64_t id, std::string_view password_hash, Millis now) {
  conn_.Execute("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?",
                {std::string(password_hash), now, id});
}

void UserRepository::SetTwoFactorEnabled(std::int64_t id, bool enabled, Millis now) {
  conn_.Execute("UPDATE users SET two_factor_enabled = ?, updated_at = ? WHERE id = ?",
                {static_cast<std::int64_t>(enabled ? 1 : 0), now, id});
}

}  // namespace careops::auth
