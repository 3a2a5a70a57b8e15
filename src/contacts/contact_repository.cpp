#include "contacts/contact_repository.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"

namespace careops::contacts {
namespace {

db::Value Opt(const std::optional<std::string>& v) { return v ? db::Value(*v) : db::Value(); }
db::Value Opt(const std::optional<Millis>& v) { return v ? db::Value(*v) : db::Value(); }

// Every column of Columns(), then the contact's conversation id (or NULL).
constexpr std::string_view kConversationColumn =
    ", (SELECT v.id FROM conversations v WHERE v.contact_id = contacts.id)";

// The keyset position and the filters, shared by both List queries (ListParams binds them in
// this order).
constexpr std::string_view kPageWhere =
    "name COLLATE NOCASE >= ? AND (name COLLATE NOCASE > ? OR id > ?) "
    "AND (? = '' OR instr(tags, ?) > 0) "
    "AND (? = 0 OR sms_opted_out_at IS NOT NULL) AND (? = 0 OR email_opted_out_at IS NOT NULL) "
    "ORDER BY name COLLATE NOCASE, id LIMIT ?";

// The union of prefix ranges, each a range scan of one index, feeds the page; CROSS JOIN
// keeps SQLite from scanning contacts_name for the ORDER BY instead (it fixes the join order).
constexpr std::string_view kMatches =
    "WITH matched (contact_id) AS ("
    "SELECT id FROM contacts WHERE workspace_id = ? "
    "AND name COLLATE NOCASE >= ? AND name COLLATE NOCASE < ? "
    "UNION SELECT id FROM contacts WHERE workspace_id = ? AND email >= ? AND email < ? "
    "UNION SELECT id FROM contacts WHERE workspace_id = ? AND phone >= ? AND phone < ? "
    "UNION SELECT id FROM contacts WHERE workspace_id = ? AND phone >= ? AND phone < ?) ";

// The upper end of the range of texts that start with `prefix`: no UTF-8 text continues
// with the byte 0xFF, and NOCASE folds ASCII only.
std::string RangeEnd(const std::string& prefix) { return prefix + '\xFF'; }

std::string ListSql(bool search) {
  std::string sql;
  if (search) sql += kMatches;
  sql += "SELECT ";
  sql += ContactRepository::Columns();
  sql += kConversationColumn;
  if (search) {
    sql += " FROM matched CROSS JOIN contacts ON contacts.id = matched.contact_id WHERE ";
  } else {
    sql += " FROM contacts WHERE workspace_id = ? AND ";
  }
  sql += kPageWhere;
  return sql;
}

std::vector<db::Value> ListParams(std::int64_t workspace_id, const ContactFilter& f) {
  std::vector<db::Value> params;
  if (f.search) {
    params.insert(params.end(), {workspace_id, f.name_prefix, RangeEnd(f.name_prefix)});
    params.insert(params.end(), {workspace_id, f.email_prefix, RangeEnd(f.email_prefix)});
    for (std::size_t i = 0; i < kMaxPhonePrefixes; ++i) {
      if (i < f.phone_prefixes.size()) {
        const std::string& p = f.phone_prefixes[i];
        params.insert(params.end(), {workspace_id, p, RangeEnd(p)});
      } else {
        params.insert(params.end(), {workspace_id, std::string(), std::string()});  // empty
      }
    }
  } else {
    params.emplace_back(workspace_id);
  }
  const std::string framed_tag = f.tag.empty() ? std::string() : "," + f.tag + ",";
  params.insert(params.end(), {f.after_name, f.after_name, f.after_id, framed_tag, framed_tag,
                               std::int64_t{f.sms_opted_out ? 1 : 0},
                               std::int64_t{f.email_opted_out ? 1 : 0}, std::int64_t{f.limit}});
  return params;
}

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
  if (r.size() > 12) c.conversation_id = r.OptInt(12);
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
  auto row = conn_.QueryOne(std::string("SELECT ") + Columns() + std::string(kConversationColumn) +
                                " FROM contacts WHERE workspace_id = ? AND id = ?",
                            {workspace_id, id});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::optional<Contact> ContactRepository::FindByPhone(std::int64_t workspace_id,
                                                      const std::string& phone) {
  auto row = conn_.QueryOne(std::string("SELECT ") + Columns() + std::string(kConversationColumn) +
                                " FROM contacts WHERE workspace_id = ? AND phone = ?",
                            {workspace_id, phone});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::optional<Contact> ContactRepository::FindByEmail(std::int64_t workspace_id,
                                                      const std::string& email) {
  auto row = conn_.QueryOne(std::string("SELECT ") + Columns() + std::string(kConversationColumn) +
                                " FROM contacts WHERE workspace_id = ? AND email = ?",
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

bool ContactRepository::Delete(std::int64_t workspace_id, std::int64_t id) {
  return conn_.Execute("DELETE FROM contacts WHERE workspace_id = ? AND id = ?",
                       {workspace_id, id}) == 1;
}

std::vector<Contact> ContactRepository::List(std::int64_t workspace_id,
                                             const ContactFilter& filter) {
  const std::vector<db::Value> params = ListParams(workspace_id, filter);
  std::vector<Contact> contacts;
  for (const db::Row& row : conn_.Query(ListSql(filter.search), params)) {
    contacts.push_back(FromRow(row));
  }
  return contacts;
}

std::string ContactRepository::ExplainList(std::int64_t workspace_id, const ContactFilter& filter) {
  const std::vector<db::Value> params = ListParams(workspace_id, filter);
  std::string plan;
  for (const db::Row& row : conn_.Query("EXPLAIN QUERY PLAN " + ListSql(filter.search), params)) {
    plan += row.Text(row.size() - 1);
    plan += '\n';
  }
  return plan;
}

}  // namespace careops::contacts
