#pragma once
// SQL for the contacts table. One per use over the caller's connection; joins its open
// transaction. Not thread-safe (a connection is one thread's).

#include <cstdint>
#include <optional>
#include <string>

#include "contacts/model.hpp"
#include "core/error.hpp"

namespace careops::db {
class Connection;
class Row;
}  // namespace careops::db

namespace careops::contacts {

class ContactRepository {
 public:
  explicit ContactRepository(db::Connection& conn) : conn_(conn) {}

  // The new contact's id. Conflict with field "phone" or "email" when another contact of the
  // workspace has it. Ignores c.id.
  Result<std::int64_t> Insert(const Contact& c);
  // Writes every field of `c` (by c.workspace_id, c.id); Conflict as Insert.
  Status Update(const Contact& c);
  std::optional<Contact> Find(std::int64_t workspace_id, std::int64_t id);
  std::optional<Contact> FindByPhone(std::int64_t workspace_id, const std::string& phone);
  std::optional<Contact> FindByEmail(std::int64_t workspace_id, const std::string& email);
  // Sets (a time) or clears (nullopt) the SMS opt-out of the workspace's contact with
  // `phone`; false when there is no such contact.
  bool SetSmsOptOut(std::int64_t workspace_id, const std::string& phone, std::optional<Millis> at,
                    Millis now);
  void Delete(std::int64_t workspace_id, std::int64_t id);

  // The columns every query selects, in the order FromRow reads them.
  static const char* Columns();
  static Contact FromRow(const db::Row& row);

 private:
  db::Connection& conn_;
};

}  // namespace careops::contacts
