#include "workspaces/workspace_handlers.hpp"

#include "auth/auth_json.hpp"
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

// Reads {role?, permissions?: {inbox?, bookings?, forms?, inventory?}, status?}; 400 naming
// the field for a wrong type or an unknown role or status.
Result<MemberChange> ReadMemberChange(const RequestContext& ctx) {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return std::move(body).error();
  MemberChange change;
  auto role = http::OptionalString(*body, "role");
  if (!role.ok()) return std::move(role).error();
  if (*role) {
    change.role = ParseRole(**role);
    if (!change.role) {
      return Error::InvalidArgument("role must be owner, manager or staff", "role");
    }
  }
  if (auto it = body->find("permissions"); it != body->end() && !it->is_null()) {
    if (!it->is_object()) {
      return Error::InvalidArgument("permissions must be an object", "permissions");
    }
    const std::pair<const char*, std::optional<bool>*> flags[] = {{"inbox", &change.inbox},
                                                                  {"bookings", &change.bookings},
                                                                  {"forms", &change.forms},
                                                                  {"inventory", &change.inventory}};
    for (const auto& [name, out] : flags) {
      auto value = http::OptionalBool(*it, name);
      if (!value.ok()) return std::move(value).error();
      *out = *value;
    }
  }
  auto status = http::OptionalString(*body, "status");
  if (!status.ok()) return std::move(status).error();
  if (*status) {
    if (**status == "active") {
      change.active = true;
    } else if (**status == "suspended") {
      change.active = false;
    } else {
      return Error::InvalidArgument("status must be active or suspended", "status");
    }
  }
  return change;
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

Response WorkspaceHandlers::UpdateMember(RequestContext& ctx) const {
  auto change = ReadMemberChange(ctx);
  if (!change.ok()) return ErrorResponse(change.error());
  auto member = service_.UpdateMember(ctx.db, ctx.workspace_id, ctx.user_id,
                                      ctx.params.Int("member_id"), *change, auth::ClientOf(ctx).ip);
  if (!member.ok()) return ErrorResponse(member.error());
  return JsonResponse(200, MemberJson(*member));
}

Response WorkspaceHandlers::RemoveMember(RequestContext& ctx) const {
  Status removed = service_.RemoveMember(ctx.db, ctx.workspace_id, ctx.user_id,
                                         ctx.params.Int("member_id"), auth::ClientOf(ctx).ip);
  if (!removed.ok()) return ErrorResponse(removed.error());
  return auth::NoContent();
}

}  // namespace careops::workspaces
