#include "forms/form_service.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "forms/form_repository.hpp"

namespace careops::forms {
namespace {

Status CheckServices(db::Connection& conn, const Form& f) {
  const std::vector<std::int64_t> own =
      FormRepository(conn).OwnServices(f.workspace_id, f.service_ids);
  for (std::int64_t id : f.service_ids) {
    if (std::find(own.begin(), own.end(), id) == own.end()) {
      return Error::InvalidArgument(
          "service " + std::to_string(id) + " is not a service of this workspace", "service_ids");
    }
  }
  return Ok();
}

}  // namespace

std::vector<Form> FormService::List(db::Connection& conn, std::int64_t workspace_id,
                                    bool include_archived) const {
  return FormRepository(conn).List(workspace_id, include_archived);
}

Result<Form> FormService::Get(db::Connection& conn, std::int64_t workspace_id,
                              std::int64_t id) const {
  auto f = FormRepository(conn).Find(workspace_id, id);
  if (!f) return Error::NotFound("no such form");
  return *std::move(f);
}

Result<Form> FormService::Create(db::Connection& conn, std::int64_t workspace_id,
                                 const FormInput& in) const {
  if (!in.name) return Error::InvalidArgument("name is required", "name");
  if (!in.fields) return Error::InvalidArgument("fields is required", "fields");
  Form f;
  f.workspace_id = workspace_id;
  if (Status s = ApplyFormInput(f, in); !s.ok()) return std::move(s).error();
  db::Transaction tx(conn);
  if (Status s = CheckServices(conn, f); !s.ok()) return std::move(s).error();
  f.created_at = f.updated_at = clock_.NowMillis();
  f.id = FormRepository(conn).Insert(f);
  tx.Commit();
  return f;
}

Result<Form> FormService::Update(db::Connection& conn, std::int64_t workspace_id, std::int64_t id,
                                 const FormInput& in) const {
  db::Transaction tx(conn);
  FormRepository repo(conn);
  auto found = repo.Find(workspace_id, id);
  if (!found) return Error::NotFound("no such form");
  Form f = *std::move(found);
  if (Status s = ApplyFormInput(f, in); !s.ok()) return std::move(s).error();
  if (in.service_ids) {
    if (Status s = CheckServices(conn, f); !s.ok()) return std::move(s).error();
  }
  f.updated_at = clock_.NowMillis();
  repo.Update(f);
  tx.Commit();
  return f;
}

Status FormService::Delete(db::Connection& conn, std::int64_t workspace_id, std::int64_t id) const {
  db::Transaction tx(conn);
  FormRepository repo(conn);
  if (!repo.Find(workspace_id, id)) return Error::NotFound("no such form");
  repo.DeleteOrArchive(workspace_id, id, clock_.NowMillis());
  tx.Commit();
  return Ok();
}

}  // namespace careops::forms
