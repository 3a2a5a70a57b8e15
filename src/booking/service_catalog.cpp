#include "booking/service_catalog.hpp"

#include <algorithm>

#include "booking/service_repository.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::booking {
namespace {

Status CheckMembers(db::Connection& conn, const Service& s) {
  const std::vector<std::int64_t> active = ActiveMembersOf(conn, s.workspace_id, s.staff_ids);
  for (std::int64_t id : s.staff_ids) {
    if (!std::binary_search(active.begin(), active.end(), id)) {
      return Error::InvalidArgument(
          "member " + std::to_string(id) + " is not an active member of this workspace",
          "member_ids");
    }
  }
  return Ok();
}

}  // namespace

std::vector<std::int64_t> ActiveMembersOf(db::Connection& conn, std::int64_t workspace_id,
                                          const std::vector<std::int64_t>& staff_ids) {
  workspaces::WorkspaceRepository members(conn);
  std::vector<std::int64_t> active;
  for (std::int64_t id : staff_ids) {
    const auto m = members.FindMember(workspace_id, id);
    if (m && m->active) active.push_back(id);
  }
  std::sort(active.begin(), active.end());
  return active;
}

std::vector<Service> ServiceCatalog::List(db::Connection& conn, std::int64_t workspace_id,
                                          bool include_archived) const {
  return ServiceRepository(conn).List(workspace_id, include_archived);
}

Result<Service> ServiceCatalog::Get(db::Connection& conn, std::int64_t workspace_id,
                                    std::int64_t id) const {
  auto s = ServiceRepository(conn).Find(workspace_id, id);
  if (!s) return Error::NotFound("no such service");
  return *std::move(s);
}

Result<Service> ServiceCatalog::Create(db::Connection& conn, std::int64_t workspace_id,
                                       const ServiceFields& fields) const {
  Service s;
  s.workspace_id = workspace_id;
  if (Status st = ApplyServiceFields(s, fields); !st.ok()) return std::move(st).error();
  db::Transaction tx(conn);
  if (Status st = CheckMembers(conn, s); !st.ok()) return std::move(st).error();
  s.created_at = s.updated_at = clock_.NowMillis();
  s.id = ServiceRepository(conn).Insert(s);
  tx.Commit();
  return s;
}

Result<Service> ServiceCatalog::Update(db::Connection& conn, std::int64_t workspace_id,
                                       std::int64_t id, const ServiceFields& fields) const {
  db::Transaction tx(conn);
  ServiceRepository repo(conn);
  auto found = repo.Find(workspace_id, id);
  if (!found) return Error::NotFound("no such service");
  Service s = *std::move(found);
  if (Status st = ApplyServiceFields(s, fields); !st.ok()) return std::move(st).error();
  // Members who left keep their place on a service until it is edited; only a changed list
  // must name active members.
  if (fields.member_ids) {
    if (Status st = CheckMembers(conn, s); !st.ok()) return std::move(st).error();
  }
  s.updated_at = clock_.NowMillis();
  repo.Update(s);
  tx.Commit();
  return s;
}

Status ServiceCatalog::Delete(db::Connection& conn, std::int64_t workspace_id,
                              std::int64_t id) const {
  db::Transaction tx(conn);
  ServiceRepository repo(conn);
  if (!repo.Find(workspace_id, id)) return Error::NotFound("no such service");
  repo.DeleteOrArchive(workspace_id, id, clock_.NowMillis());
  tx.Commit();
  return Ok();
}

std::vector<Service> ServiceCatalog::ListBookable(db::Connection& conn,
                                                  std::int64_t workspace_id) const {
  std::vector<Service> bookable;
  for (Service& s : ServiceRepository(conn).List(workspace_id, false)) {
    if (!ActiveMembersOf(conn, workspace_id, s.staff_ids).empty()) bookable.push_back(std::move(s));
  }
  return bookable;
}

}  // namespace careops::booking
