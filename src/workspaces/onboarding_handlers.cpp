#include "workspaces/onboarding_handlers.hpp"

#include "auth/auth_json.hpp"
#include "http/error_response.hpp"
#include "http/json.hpp"
#include "workspaces/activation_service.hpp"
#include "workspaces/public_workspace.hpp"
#include "workspaces/workspace_json.hpp"

namespace careops::workspaces {
namespace {

using http::ErrorResponse;
using http::Json;
using http::JsonResponse;
using http::RequestContext;
using http::Response;

Json ReportJson(const OnboardingReport& report) {
  Json steps = Json::array();
  for (const StepReport& s : report.steps) {
    steps.push_back({{"key", s.key},
                     {"title", s.title},
                     {"done", s.state.done},
                     {"required", s.required},
                     {"available", s.available},
                     {"missing", s.state.missing}});
  }
  return {{"steps", std::move(steps)},
          {"ready_to_activate", report.ready_to_activate},
          {"is_active", report.is_active}};
}

}  // namespace

Response OnboardingHandlers::GetOnboarding(RequestContext& ctx) const {
  auto report = activation_.Report(ctx.db, ctx.workspace_id);
  if (!report.ok()) return ErrorResponse(report.error());
  return JsonResponse(200, ReportJson(*report));
}

Response OnboardingHandlers::Activate(RequestContext& ctx) const {
  auto w = activation_.Activate(ctx.db, ctx.workspace_id, ctx.user_id, auth::ClientOf(ctx).ip);
  if (!w.ok()) return ErrorResponse(w.error());
  return JsonResponse(200, WorkspaceJson(*w));
}

Response OnboardingHandlers::PublicWorkspace(RequestContext& ctx) const {
  auto w = WorkspaceBySlug(ctx.db, ctx.params.Str("slug"));
  if (!w.ok()) return ErrorResponse(w.error());
  if (!w->is_active) {
    return JsonResponse(
        200,
        {{"name", w->name}, {"slug", w->slug}, {"open", false}, {"message", NotOpenMessage(*w)}});
  }
  return JsonResponse(200, {{"name", w->name},
                            {"slug", w->slug},
                            {"open", true},
                            {"timezone", w->timezone},
                            {"address", w->address},
                            {"contact_email", w->contact_email},
                            {"contact_phone", w->contact_phone}});
}

}  // namespace careops::workspaces
