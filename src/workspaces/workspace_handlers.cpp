#include "workspaces/workspace_handlers.hpp"

#include <algorithm>

#include "auth/auth_json.hpp"
#include "http/error_response.hpp"
#include "http/json.hpp"
#include "http/url.hpp"
#include "workspaces/workspace_json.hpp"
#include "workspaces/workspace_service.hpp"

namespace careops::workspaces {
namespace {

using http::ErrorResponse;
using http::Json;
using http::JsonResponse;
using http::RequestContext;
using http::Response;

Json MemberJson(const Member& m) {
  return {{"user_id", m.user_id},
          {"email", m.email},
          {"full_name", m.full_name},
          {"role", RoleName(m.role)},
          {"permissions", PermissionsJson(m.permissions)},
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
  auto role = ReadRole(*body);
  if (!role.ok()) return std::move(role).error();
  change.role = *role;
  auto flags = ReadPermissionFlags(*body);
  if (!flags.ok()) return std::move(flags).error();
  change.inbox = flags->inbox;
  change.bookings = flags->bookings;
  change.forms = flags->forms;
  change.inventory = flags->inventory;
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

Json AuditEventJson(const WorkspaceAuditEvent& e) {
  return {{"id", e.id},
          {"type", e.type},
          {"user_id", e.user_id ? Json(*e.user_id) : Json(nullptr)},
          {"user_name", e.user_name ? Json(*e.user_name) : Json(nullptr)},
          {"ip", e.ip},
          {"detail", e.detail},
          {"created_at", e.created_at}};
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
    list.push_back(MyWorkspaceJson(mine));
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
  auto w = service_.Update(ctx.db, ctx.workspace_id, ctx.user_id, *fields, auth::ClientOf(ctx).ip);
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

Response WorkspaceHandlers::Audit(RequestContext& ctx) const {
  auto params = http::ParseQuery(ctx.query);
  if (!params.ok()) return ErrorResponse(params.error());
  auto before = http::IntParam(*params, "before");
  if (!before.ok()) return ErrorResponse(before.error());
  auto limit = http::IntParam(*params, "limit");
  if (!limit.ok()) return ErrorResponse(limit.error());
  // Out-of-range values are the service's to refuse; clamp only to keep them an int.
  const std::int64_t wanted = limit->value_or(kDefaultAuditPage);
  auto page =
      service_.AuditTrail(ctx.db, ctx.workspace_id, *before,
                          static_cast<int>(std::clamp<std::int64_t>(wanted, 0, kMaxAuditPage + 1)));
  if (!page.ok()) return ErrorResponse(page.error());
  Json events = Json::array();
  for (const WorkspaceAuditEvent& e : page->events) events.push_back(AuditEventJson(e));
  return JsonResponse(
      200, {{"events", std::move(events)},
            {"next_before", page->next_before ? Json(*page->next_before) : Json(nullptr)}});
}

}  // namespace careops::workspaces
