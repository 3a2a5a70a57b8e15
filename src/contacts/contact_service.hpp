#pragma once
// The rules of contacts (PRODUCT.md C1; docs/API.md, Contacts): creating, reading, changing,
// deleting and listing a workspace's contacts, and FindOrCreate for the features that meet
// people (the public contact form, inbound SMS). Knows nothing of HTTP; membership and the
// inbox permission are checked by the router before these run. Thread-safe (stateless; uses
// the caller's connection).
//
// Fields are normalised and checked by contact_rules.hpp. Within a workspace no two contacts
// share a phone number or an email address: Conflict naming the field ("phone" / "email"),
// with the other contact's id in the message: "a contact with this phone number exists
// (contact 12)".

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contacts/model.hpp"
#include "core/error.hpp"

namespace careops {
class Clock;
}
namespace careops::db {
class Connection;
}

namespace careops::contacts {

class ContactRepository;

inline constexpr int kDefaultContactPage = 50;
inline constexpr int kMaxContactPage = 200;
inline constexpr std::size_t kMaxQueryBytes = 200;

// What a caller may set. Absent fields take defaults on create and stay as they are on
// update; an empty email or phone means none (and clears it on update).
struct ContactFields {
  std::optional<std::string> name;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::vector<std::string>> tags;
  std::optional<std::string> notes;
};

struct ContactQuery {
  std::string q;                         // trimmed; "" = everyone; else the start of name, …
  std::string tag;                       // "" = any
  std::optional<std::string> opted_out;  // "sms" or "email": only those opted out of it
  std::string cursor;                    // "" = the first page; else a page's next_cursor
  std::int64_t limit = kDefaultContactPage;
};

struct ContactPage {
  std::vector<Contact> contacts;
  std::optional<std::string> next_cursor;  // nullopt on the last page
};

class ContactService {
 public:
  explicit ContactService(const Clock& clock) : clock_(clock) {}

  // A page of the workspace's contacts by name (case-insensitively), then id. `q` matches the
  // start of the name (case-insensitively), of the email, or of the phone number — typed as
  // E.164 ("+1415…") or nationally in the workspace's region ("(415) 55…", "07911…").
  // InvalidArgument naming "q" (over 200 bytes), "tag", "opted_out", "cursor" or "limit"
  // (1..200).
  Result<ContactPage> List(db::Connection& conn, std::int64_t workspace_id,
                           const ContactQuery& query) const;
  // A new contact (source "manual"). InvalidArgument naming the field; Conflict for a phone
  // or email another contact has.
  Result<Contact> Create(db::Connection& conn, std::int64_t workspace_id,
                         const ContactFields& fields) const;
  // NotFound unless the workspace has that contact.
  Result<Contact> Get(db::Connection& conn, std::int64_t workspace_id, std::int64_t id) const;
  // Applies the present fields; the result is checked as a whole (as Create). A change that
  // changes nothing keeps updated_at.
  Result<Contact> Update(db::Connection& conn, std::int64_t workspace_id, std::int64_t id,
                         const ContactFields& fields) const;
  // Deletes the contact and its conversation. NotFound unless the workspace has it.
  Status Delete(db::Connection& conn, std::int64_t workspace_id, std::int64_t id) const;

  // The contact a person reaching the business is: the workspace's contact with `phone`,
  // else the one with `email`, else a new one (with `source`, one of the kSource* names).
  // A found contact gets the name, email or phone it lacks from the arguments (one another
  // contact already has is left out); nothing it has is overwritten. Inputs are raw (as
  // typed) and checked as for Create (InvalidArgument naming "name", "email" or "phone";
  // "email" when neither is given). A number from inbound SMS (kSourceInboundSms) that
  // libphonenumber does not take for a mobile one is kept as given when it is E.164: it
  // has just sent a text.
  //
  // Opens no transaction: call it inside the caller's, so that finding, creating and what
  // the caller adds (a conversation, a message) are one change. NotFound for a workspace
  // that does not exist.
  Result<Contact> FindOrCreate(db::Connection& conn, std::int64_t workspace_id,
                               std::string_view name, std::optional<std::string_view> email,
                               std::optional<std::string_view> phone,
                               std::string_view source) const;

 private:
  const Clock& clock_;
};

// Conflict when another contact of c.workspace_id has c's phone or email (see top of file).
// Shared with the CSV import.
Status CheckUnique(ContactRepository& repo, const Contact& c);
// The workspace's default_region (read with `conn`); NotFound when there is no workspace.
Result<std::string> WorkspaceRegion(db::Connection& conn, std::int64_t workspace_id);

}  // namespace careops::contacts
