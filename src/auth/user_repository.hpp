#pragma once
// SQL for the users table. Construct one per use over the caller's connection; it joins the
// caller's transaction when one is open. Not thread-safe (a connection is one thread's).

#include <cstdint>
#include <optional>
#include <string_view>

#include "auth/model.hpp"
#include "core/error.hpp"

namespace careops::db {
class Connection;
}

namespace careops::auth {

class UserRepository {
 public:
  explicit UserRepository(db::Connection& conn) : conn_(conn) {}

  // `email` must be normalised.
  std::optional<User> FindByEmail(std::string_view email);
  std::optional<User> FindById(std::int64_t id);
  // The new user's id; Conflict (field "email") when the email is taken.
  Result<std::int64_t> Insert(const NewUser& user, Millis now);
  // Marks `phone` (E.164) as the user's verified number.
  void SetVerifiedPhone(std::int64_t id, std::string_view phone, Millis now);
  void SetPasswordHash(std::int64_t id, std::string_view password_hash, Millis now);
  void SetTwoFactorEnabled(std::int64_t id, bool enabled, Millis now);

 private:
  db::Connection& conn_;
};

}  // namespace careops::auth
