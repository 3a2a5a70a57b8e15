#include "booking/public_catalog_handlers.hpp"

#include <utility>

#include "booking/booking_json.hpp"
#include "booking/service_catalog.hpp"
#include "booking/slot_service.hpp"
#include "core/clock.hpp"
#include "http/error_response.hpp"
#include "http/json.hpp"
#include "workspaces/public_workspace.hpp"

namespace careops::booking {
namespace {

using http::ErrorResponse;
using http::Json;
using http::JsonResponse;
using http::RequestContext;
using http::Response;

Json WorkspaceJson(const workspaces::Workspace& w) {
  return {{"name", w.name}, {"slug", w.slug}, {"timezone", w.timezone}};
}

}  // namespace

Response PublicCatalogHandlers::Services(RequestContext& ctx) const {
  auto workspace = workspaces::OpenWorkspaceBySlug(ctx.db, ctx.params.Str("slug"));
  if (!workspace.ok()) return ErrorResponse(workspace.error());
  Json services = Json::array();
  for (const Service& s : catalog_.ListBookable(ctx.db, workspace->id)) {
    services.push_back(PublicServiceJson(s));
  }
  return JsonResponse(
      200, {{"workspace", WorkspaceJson(*workspace)}, {"services", std::move(services)}});
}

Response PublicCatalogHandlers::Slots(RequestContext& ctx) const {
  auto texts = ReadSlotTexts(ctx);
  if (!texts.ok()) return ErrorResponse(texts.error());
  auto answer = PublicSlots(ctx.db, ctx.params.Str("slug"), ctx.params.Int("service_id"), *texts,
                            ctx.clock.NowMillis());
  if (!answer.ok()) return ErrorResponse(answer.error());
  return JsonResponse(200, SlotAnswerJson(*answer));
}

}  // namespace careops::booking
