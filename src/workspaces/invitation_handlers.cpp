#include "workspaces/invitation_handlers.hpp"

#include "auth/auth_json.hpp"
#include "core/clock.hpp"
#include "http/error_response.hpp"
#include "http/json.hpp"
#include "workspaces/invitation_service.hpp"
#include "workspaces/workspace_json.hpp"

namespace careops::workspaces {
namespace {

using http::ErrorResponse;
using http::Json;
using http::JsonResponse;
using http::RequestContext;
using http::Response;

template <typename T>
Json OrNull(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json InvitationJson(const Invitation& i, Millis now) {
  Json invited_by = nullptr;
  if (i.invited_by) {
    invited_by = {{"user_id", *i.invited_by}, {"full_name", i.invited_by_name.value_or("")}};
  }
  return {{"id", i.id},
          {"channel", InviteChannelName(i.channel)},
          {"recipient", i.recipient},
          {"role", RoleName(i.role)},
          {"permissions", PermissionsJson(i.permissions)},
          {"status", InvitationStatusName(StatusOf(i, now))},
          {"invited_by", std::move(invited_by)},
          {"message_id", OrNull(i.message_id)},
          {"created_at", i.created_at},
          {"expires_at", i.expires_at},
          {"accepted_at", OrNull(i.accepted_at)}};
}

Result<InvitationRequest> ReadRequest(const RequestContext& ctx) {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return std::move(body).error();
  InvitationRequest request;
  auto email = http::OptionalString(*body, "email");
  if (!email.ok()) return std::move(email).error();
  request.email = std::move(*email);
  auto phone = http::OptionalString(*body, "phone");
  if (!phone.ok()) return std::move(phone).error();
  request.phone = std::move(*phone);
  auto role = ReadRole(*body);
  if (!role.ok()) return std::move(role).error();
  request.role = *role;
  auto flags = ReadPermissionFlags(*body);
  if (!flags.ok()) return std::move(flags).error();
  request.permissions = *flags;
  return request;
}

// The {token} of a JSON body; 400 naming "token" when it is missing or not a string.
Result<std::string> ReadToken(const RequestContext& ctx) {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return std::move(body).error();
  return http::RequiredString(*body, "token");
}

}  // namespace

Response InvitationHandlers::Create(RequestContext& ctx) const {
  auto request = ReadRequest(ctx);
  if (!request.ok()) return ErrorResponse(request.error());
  auto created =
      service_.Create(ctx.db, ctx.workspace_id, ctx.user_id, *request, auth::ClientOf(ctx).ip);
  if (!created.ok()) return ErrorResponse(created.error());
  return JsonResponse(201, InvitationJson(*created, ctx.clock.NowMillis()));
}

Response InvitationHandlers::List(RequestContext& ctx) const {
  const Millis now = ctx.clock.NowMillis();
  Json list = Json::array();
  for (const Invitation& i : service_.List(ctx.db, ctx.workspace_id)) {
    list.push_back(InvitationJson(i, now));
  }
  return JsonResponse(200, {{"invitations", std::move(list)}});
}

Response InvitationHandlers::Revoke(RequestContext& ctx) const {
  Status revoked = service_.Revoke(ctx.db, ctx.workspace_id, ctx.params.Int("invitation_id"));
  if (!revoked.ok()) return ErrorResponse(revoked.error());
  return auth::NoContent();
}

Response InvitationHandlers::Preview(RequestContext& ctx) const {
  auto token = ReadToken(ctx);
  if (!token.ok()) return ErrorResponse(token.error());
  auto preview = service_.Preview(ctx.db, *token);
  if (!preview.ok()) return ErrorResponse(preview.error());
  return JsonResponse(
      200, {{"workspace", {{"name", preview->workspace_name}, {"slug", preview->workspace_slug}}},
            {"role", RoleName(preview->role)},
            {"invited_by", OrNull(preview->invited_by)},
            {"recipient", preview->recipient},
            {"expires_at", preview->expires_at}});
}

Response InvitationHandlers::Accept(RequestContext& ctx) const {
  auto token = ReadToken(ctx);
  if (!token.ok()) return ErrorResponse(token.error());
  auto joined = service_.Accept(ctx.db, *token, ctx.user_id, auth::ClientOf(ctx).ip);
  if (!joined.ok()) return ErrorResponse(joined.error());
  return JsonResponse(200, {{"workspace", MyWorkspaceJson(*joined)}});
}

}  // namespace careops::workspaces
