#include "workspaces/workspace_handlers.hpp"

#include "http/error_response.hpp"
#include "http/json.hpp"
#include "workspaces/workspace_service.hpp"

namespace careops::workspaces {
namespace {

using http::ErrorResponse;
using http::Json;
using http::JsonResponse;
using http::RequestContext;
using http::Response;

Json WorkspaceJson(const Workspace& w) {
  return {{"id", w.id},
          {"name", w.name},
          {"slug", w.slug},
          {"address", w.address},
          {"timezone", w.timezone},
          {"contact_email", w.contact_email},
          {"contact_phone", w.contact_phone},
          {"default_region", w.default_region},
          {"is_active", w.is_active},
          {"created_at", w.created_at},
          {"updated_at", w.updated_at}};
}

Json MemberJson(const Member& m) {
  return {{"user_id", m.user_id},
          {"email", m.email},
          {"full_name", m.full_name},
          {"role", RoleName(m.role)},
          {"permissions",
           {{"inbox", m.permissions.inbox},
            {"bookings", m.permissions.bookings},
            {"forms", m.permissions.forms},
            {"inventory", m.permissions.inventory}}},
          {"status", m.active ? "active" : "suspended"},
          {"created_at", m.created_at}};
}

// Reads the settable fields of a workspace from a JSON object body.
Result<WorkspaceFields> ReadFields(const RequestContext& ctx) {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return std::move(body).error();
  WorkspaceFields f;
  const std::pair<const char*, std::optional<std::string>*> fields[] = {
      {"name", &f.name},
      {"slug", &f.slug},
      {"address", &f.address},
      {"timezone", &f.timezone},
      {"contact_email", &f.contact_email},
      {"contact_phone", &f.contact_phone},
      {"default_region", &f.default_region}};
  for (const auto& [name, out] : fields) {
    auto value = http::OptionalString(*body, name);
    if (!value.ok()) return std::move(value).error();
    *out = std::move(*value);
  }
  return f;
}

}  // namespace

Response WorkspaceHandlers::Create(RequestContext& ctx) const {
  auto fields = ReadFields(ctx);
  if (!fields.ok()) return ErrorResponse(fields.error());
  auto created = service_.Create(ctx.db, ctx.user_id, *fields);
  if (!created.ok()) return ErrorResponse(created.error());
  return JsonResponse(201, WorkspaceJson(*created));
}

Response WorkspaceHandlers::ListMine(RequestContext& ctx) const {
  Json list = Json::array();
  for (const MyWorkspace& mine : service_.ListMine(ctx.db, ctx.user_id)) {
    Json item = WorkspaceJson(mine.workspace);
    item["role"] = RoleName(mine.role);
    list.push_back(std::move(item));
  }
  return JsonResponse(200, {{"workspaces", std::move(list)}});
}

Response WorkspaceHandlers::Get(RequestContext& ctx) const {
  auto w = service_.Get(ctx.db, ctx.workspace_id);
  if (!w.ok()) return ErrorResponse(w.error());
  return JsonResponse(200, WorkspaceJson(*w));
}

Response WorkspaceHandlers::Update(RequestContext& ctx) const {
  auto fields = ReadFields(ctx);
  if (!fields.ok()) return ErrorResponse(fields.error());
  auto w = service_.Update(ctx.db, ctx.workspace_id, *fields);
  if (!w.ok()) return ErrorResponse(w.error());
  return JsonResponse(200, WorkspaceJson(*w));
}

Response WorkspaceHandlers::ListMembers(RequestContext& ctx) const {
  Json list = Json::array();
  for (const Member& m : service_.Members(ctx.db, ctx.workspace_id)) list.push_back(MemberJson(m));
  return JsonResponse(200, {{"members", std::move(list)}});
}

}  // namespace careops::workspaces
