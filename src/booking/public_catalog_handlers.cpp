#include "booking/public_catalog_handlers.hpp"

#include <utility>

#include "booking/booking_json.hpp"
#include "booking/service_catalog.hpp"
#include "booking/slot_finder.hpp"
#include "core/clock.hpp"
#include "http/error_response.hpp"
#include "http/json.hpp"
#include "http/url.hpp"
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
  auto workspace = workspaces::OpenWorkspaceBySlug(ctx.db, ctx.params.Str("slug"));
  if (!workspace.ok()) return ErrorResponse(workspace.error());
  auto service = catalog_.Get(ctx.db, workspace->id, ctx.params.Int("service_id"));
  if (!service.ok() || !service->is_active) {
    return ErrorResponse(Error::NotFound("no such service"));
  }
  auto params = http::ParseQuery(ctx.query);
  if (!params.ok()) return ErrorResponse(params.error());
  auto range = ParseSlotRange(http::FindParam(*params, "from"), http::FindParam(*params, "to"),
                              http::FindParam(*params, "tz"), workspace->timezone);
  if (!range.ok()) return ErrorResponse(range.error());
  SlotQuery query;
  query.from = range->from;
  query.to = range->to;
  auto slots = FindSlots(ctx.db, workspace->timezone, *service, query, ctx.clock.NowMillis());
  if (!slots.ok()) return ErrorResponse(slots.error());
  return JsonResponse(
      200, {{"timezone", range->timezone}, {"slots", SlotsJson(NameSlots(ctx.db, *slots))}});
}

}  // namespace careops::booking
