#include "contacts/contact_repository.hpp"

#include <string>

#include "db/database.hpp"

namespace careops::contacts {
namespace {

db::Value Opt(const std::optional<std::string>& v) { return v ? db::Value(*v) : db::Value(); }
db::Value Opt(const std::optional<Millis>& v) { return v ? db::Value(*v) : db::Value(); }

// The field a unique violation is about ("phone" or "email").
Error Duplicate(const db::DbError& e) {
  const bool phone = std::string(e.what()).find("phone") != std::string::npos;
  return Error::Conflict(phone ? "a contact with this phone number exists"
                               : "a contact with this email address exists",
                         phone ? "phone" : "email");
}

}  // namespace

const char* ContactRepository::Columns() {
  return "id, workspace_id, name, email, phone, tags, notes, sms_opted_out_at, "
         "email_opted_out_at, source, created_at, updated_at";
}

Contact ContactRepository::FromRow(const db::Row& r) {
  Contact c;
  c.id = r.Int(0);
  c.workspace_id = r.Int(1);
  c.name = r.Text(2);
  c.email = r.OptText(3);
  c.phone = r.OptText(4);
  c.tags = DecodeTags(r.Text(5));
  c.notes = r.Text(6);
  c.sms_opted_out_at = r.OptInt(7);
  c.email_opted_out_at = r.OptInt(8);
  c.source = r.Text(9);
  c.created_at = r.Int(10);
  c.updated_at = r.Int(11);
  return c;
}

Result<std::int64_t> ContactRepository::Insert(const Contact& c) {
  try {
    return conn_.Insert(
        "INSERT INTO contacts (workspace_id, name, email, phone, tags, notes, sms_opted_out_at, "
        "email_opted_out_at, source, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {c.workspace_id, c.name, Opt(c.email), Opt(c.phone), EncodeTags(c.tags), c.notes,
         Opt(c.sms_opted_out_at), Opt(c.email_opted_out_at), c.source, c.created_at, c.updated_at});
  } catch (const db::DbError& e) {
    if (e.kind() != db::DbError::Kind::kUniqueViolation) throw;
    return Duplicate(e);
  }
}

Status ContactRepository::Update(const Contact& c) {
  try {
    conn_.Execute(
        "UPDATE contacts SET name = ?, email = ?, phone = ?, tags = ?, notes = ?, "
        "sms_opted_out_at = ?, email_opted_out_at = ?, updated_at = ? "
        "WHERE workspace_id = ? AND id = ?",
        {c.name, Opt(c.email), Opt(c.phone), EncodeTags(c.tags), c.notes, Opt(c.sms_opted_out_at),
         Opt(c.email_opted_out_at), c.updated_at, c.workspace_id, c.id});
    return Ok();
  } catch (const db::DbError& e) {
    if (e.kind() != db::DbError::Kind::kUniqueViolation) throw;
    return Duplicate(e);
  }
}

std::optional<Contact> ContactRepository::Find(std::int64_t workspace_id, std::int64_t id) {
  auto row = conn_.QueryOne(
      std::string("SELECT ") + Columns() + " FROM contacts WHERE workspace_id = ? AND id = ?",
      {workspace_id, id});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::optional<Contact> ContactRepository::FindByPhone(std::int64_t workspace_id,
                                                      const std::string& phone) {
  auto row = conn_.QueryOne(
      std::string("SELECT ") + Columns() + " FROM contacts WHERE workspace_id = ? AND phone = ?",
      {workspace_id, phone});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::optional<Contact> ContactRepository::FindByEmail(std::int64_t workspace_id,
                                                      const std::string& email) {
  auto row = conn_.QueryOne(
      std::string("SELECT ") + Columns() + " FROM contacts WHERE workspace_id = ? AND email = ?",
      {workspace_id, email});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

bool ContactRepository::SetSmsOptOut(std::int64_t workspace_id, const std::string& phone,
                                     std::optional<Millis> at, Millis now) {
  return conn_.Execute(
             "UPDATE contacts SET sms_opted_out_at = ?, updated_at = ? "
             "WHERE workspace_id = ? AND phone = ?",
             {Opt(at), now, workspace_id, phone}) == 1;
}

void ContactRepository::Delete(std::int64_t workspace_id, std::int64_t id) {
  conn_.Execute("DELETE FROM contacts WHERE workspace_id = ? AND id = ?", {workspace_id, id});
}

}  // namespace careops::contacts
