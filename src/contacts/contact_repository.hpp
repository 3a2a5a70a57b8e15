#pragma once
// SQL for the contacts table. One per use over the caller's connection; joins its open
// transaction. Not thread-safe (a connection is one thread's).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "contacts/model.hpp"
#include "core/error.hpp"

namespace careops::db {
class Connection;
class Row;
}  // namespace careops::db

namespace careops::contacts {

// Which contacts List returns, and from where: ordered by name (case-insensitively, ASCII)
// then id, strictly after the position (after_name, after_id), at most `limit`.
struct ContactFilter {
  // Search (q): a contact matches when any of these is a prefix of its field. Off when
  // `search` is false.
  bool search = false;
  std::string name_prefix;                  // compared case-insensitively (ASCII)
  std::string email_prefix;                 // lower case
  std::vector<std::string> phone_prefixes;  // E.164 starts such as "+1415"; at most 2
  std::string tag;                          // a whole tag; "" = any
  bool sms_opted_out = false;               // only contacts opted out of SMS
  bool email_opted_out = false;             // only contacts opted out of email
  std::string after_name;                   // ("", 0): from the start
  std::int64_t after_id = 0;
  int limit = 50;
};

inline constexpr std::size_t kMaxPhonePrefixes = 2;

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
  // False when the workspace has no such contact. Its conversation goes with it (cascade).
  bool Delete(std::int64_t workspace_id, std::int64_t id);

  // One page of the workspace's contacts (see ContactFilter). Every query reads through an
  // index: without search, a range of contacts_name from the position; with it, the union
  // of prefix ranges of contacts_name, contacts_email and contacts_phone, then sorted — so a
  // page costs the matches of q, never the size of the workspace.
  std::vector<Contact> List(std::int64_t workspace_id, const ContactFilter& filter);
  // The plan SQLite chooses for List (EXPLAIN QUERY PLAN details, one per line), so tests can
  // hold the queries to their indexes.
  std::string ExplainList(std::int64_t workspace_id, const ContactFilter& filter);

  // The columns every query selects, in the order FromRow reads them.
  static const char* Columns();
  // Reads Columns(), and conversation_id from a 13th column when the query selected one.
  static Contact FromRow(const db::Row& row);

 private:
  db::Connection& conn_;
};

}  // namespace careops::contacts
