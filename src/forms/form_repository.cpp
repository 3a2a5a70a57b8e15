#include "forms/form_repository.hpp"

#include "db/database.hpp"
#include "forms/form_rules.hpp"

namespace careops::forms {
namespace {

constexpr const char* kColumns =
    "SELECT id, workspace_id, name, description, fields, due_offset_minutes, "
    "reminder_minutes_before_due, is_active, created_at, updated_at FROM forms ";

Form FromRow(const db::Row& row) {
  Form f;
  f.id = row.Int(0);
  f.workspace_id = row.Int(1);
  f.name = row.Text(2);
  f.description = row.Text(3);
  f.fields = FieldsFromJson(row.Text(4));
  f.due_offset_minutes = static_cast<int>(row.Int(5));
  if (const auto r = row.OptInt(6)) {
    f.reminder_minutes_before_due = static_cast<int>(*r);
  } else {
    f.reminder_minutes_before_due.reset();
  }
  f.is_active = row.Int(7) != 0;
  f.created_at = row.Int(8);
  f.updated_at = row.Int(9);
  return f;
}

db::Value Reminder(const Form& f) {
  return f.reminder_minutes_before_due ? db::Value(std::int64_t{*f.reminder_minutes_before_due})
                                       : db::Value();
}

}  // namespace

void FormRepository::WriteServices(const Form& f) const {
  conn_.Execute("DELETE FROM form_services WHERE form_id = ?", {f.id});
  for (std::int64_t service : f.service_ids) {
    conn_.Execute("INSERT INTO form_services (form_id, service_id) VALUES (?, ?)", {f.id, service});
  }
}

void FormRepository::LoadServices(Form& f) const {
  f.service_ids.clear();
  for (const db::Row& row : conn_.Query(
           "SELECT service_id FROM form_services WHERE form_id = ? ORDER BY service_id", {f.id})) {
    f.service_ids.push_back(row.Int(0));
  }
}

std::int64_t FormRepository::Insert(const Form& f) const {
  Form stored = f;
  stored.id = conn_.Insert(
      "INSERT INTO forms (workspace_id, name, description, fields, due_offset_minutes, "
      "reminder_minutes_before_due, is_active, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {f.workspace_id, f.name, f.description, FieldsToJson(f.fields),
       std::int64_t{f.due_offset_minutes}, Reminder(f), std::int64_t{f.is_active ? 1 : 0},
       f.created_at, f.updated_at});
  WriteServices(stored);
  return stored.id;
}

void FormRepository::Update(const Form& f) const {
  conn_.Execute(
      "UPDATE forms SET name = ?, description = ?, fields = ?, due_offset_minutes = ?, "
      "reminder_minutes_before_due = ?, is_active = ?, updated_at = ? "
      "WHERE id = ? AND workspace_id = ?",
      {f.name, f.description, FieldsToJson(f.fields), std::int64_t{f.due_offset_minutes},
       Reminder(f), std::int64_t{f.is_active ? 1 : 0}, f.updated_at, f.id, f.workspace_id});
  WriteServices(f);
}

std::optional<Form> FormRepository::Find(std::int64_t workspace_id, std::int64_t id) const {
  auto row = conn_.QueryOne(std::string(kColumns) + "WHERE id = ? AND workspace_id = ?",
                            {id, workspace_id});
  if (!row) return std::nullopt;
  Form f = FromRow(*row);
  LoadServices(f);
  return f;
}

std::vector<Form> FormRepository::List(std::int64_t workspace_id, bool include_archived) const {
  std::vector<Form> out;
  for (const db::Row& row :
       conn_.Query(std::string(kColumns) + "WHERE workspace_id = ? AND (is_active = 1 OR ? = 1) "
                                           "ORDER BY name COLLATE NOCASE, id",
                   {workspace_id, std::int64_t{include_archived ? 1 : 0}})) {
    out.push_back(FromRow(row));
    LoadServices(out.back());
  }
  return out;
}

bool FormRepository::DeleteOrArchive(std::int64_t workspace_id, std::int64_t id, Millis now) const {
  const bool used =
      conn_.QueryOne("SELECT EXISTS (SELECT 1 FROM form_requests WHERE form_id = ?)", {id})
          ->Int(0) != 0;
  if (used) {
    conn_.Execute(
        "UPDATE forms SET is_active = 0, updated_at = ? WHERE id = ? AND workspace_id = ?",
        {now, id, workspace_id});
    return false;
  }
  conn_.Execute("DELETE FROM forms WHERE id = ? AND workspace_id = ?", {id, workspace_id});
  return true;
}

std::vector<Form> FormRepository::ActiveForService(std::int64_t workspace_id,
                                                   std::int64_t service_id) const {
  std::vector<Form> out;
  for (const db::Row& row :
       conn_.Query(std::string(kColumns) + "WHERE workspace_id = ? AND is_active = 1 AND id IN "
                                           "(SELECT form_id FROM form_services WHERE "
                                           "service_id = ?) ORDER BY id",
                   {workspace_id, service_id})) {
    out.push_back(FromRow(row));
    LoadServices(out.back());
  }
  return out;
}

std::vector<std::int64_t> FormRepository::OwnServices(
    std::int64_t workspace_id, const std::vector<std::int64_t>& service_ids) const {
  std::vector<std::int64_t> own;
  for (std::int64_t id : service_ids) {
    if (conn_.QueryOne("SELECT 1 FROM services WHERE id = ? AND workspace_id = ?",
                       {id, workspace_id})) {
      own.push_back(id);
    }
  }
  return own;
}

bool FormRepository::AnyActiveFormOnActiveService(std::int64_t workspace_id) const {
  return conn_
             .QueryOne(
                 "SELECT EXISTS (SELECT 1 FROM forms f JOIN form_services fs ON fs.form_id = f.id "
                 "JOIN services s ON s.id = fs.service_id WHERE f.workspace_id = ? AND "
                 "f.is_active = 1 AND s.is_active = 1)",
                 {workspace_id})
             ->Int(0) != 0;
}

bool FormRepository::AnyActiveForm(std::int64_t workspace_id) const {
  return conn_
             .QueryOne(
                 "SELECT EXISTS (SELECT 1 FROM forms WHERE workspace_id = ? AND is_active = 1)",
                 {workspace_id})
             ->Int(0) != 0;
}

}  // namespace careops::forms
