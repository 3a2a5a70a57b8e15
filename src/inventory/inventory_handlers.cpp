#include "inventory/inventory_handlers.hpp"

#include "auth/auth_json.hpp"
#include "http/error_response.hpp"
#include "http/json.hpp"
#include "http/url.hpp"
#include "inventory/inventory_json.hpp"
#include "inventory/inventory_service.hpp"

namespace careops::inventory {
namespace {

using http::ErrorResponse;
using http::Json;
using http::JsonResponse;
using http::RequestContext;
using http::Response;

}  // namespace

Response InventoryHandlers::List(RequestContext& ctx) const {
  TRY_ASSIGN(params, http::ParseQuery(ctx.query));
  TRY_ASSIGN(archived, http::FlagParam(*params, "include_archived"));
  Json items = Json::array();
  for (const ItemView& v : service_.List(ctx.db, ctx.workspace_id, *archived)) {
    items.push_back(ItemJson(v));
  }
  return JsonResponse(200, {{"items", std::move(items)}});
}

Response InventoryHandlers::Create(RequestContext& ctx) const {
  TRY_ASSIGN(body, http::ParseJsonObject(ctx.request));
  TRY_ASSIGN(fields, ReadItemFields(*body));
  TRY_ASSIGN(item, service_.Create(ctx.db, ctx.workspace_id, ctx.user_id, *fields));
  return JsonResponse(201, ItemJson(*item));
}

Response InventoryHandlers::Get(RequestContext& ctx) const {
  TRY_ASSIGN(item, service_.Get(ctx.db, ctx.workspace_id, ctx.params.Int("item_id")));
  return JsonResponse(200, ItemJson(*item));
}

Response InventoryHandlers::Update(RequestContext& ctx) const {
  TRY_ASSIGN(body, http::ParseJsonObject(ctx.request));
  TRY_ASSIGN(fields, ReadItemFields(*body));
  TRY_ASSIGN(item, service_.Update(ctx.db, ctx.workspace_id, ctx.params.Int("item_id"), *fields));
  return JsonResponse(200, ItemJson(*item));
}

Response InventoryHandlers::Delete(RequestContext& ctx) const {
  Status deleted = service_.Delete(ctx.db, ctx.workspace_id, ctx.params.Int("item_id"));
  if (!deleted.ok()) return ErrorResponse(deleted.error());
  return auth::NoContent();
}

Response InventoryHandlers::Adjust(RequestContext& ctx) const {
  TRY_ASSIGN(body, http::ParseJsonObject(ctx.request));
  TRY_ASSIGN(adjustment, ReadAdjustment(*body));
  TRY_ASSIGN(item, service_.Adjust(ctx.db, ctx.workspace_id, ctx.user_id, ctx.params.Int("item_id"),
                                   *adjustment));
  return JsonResponse(201, ItemJson(*item));
}

Response InventoryHandlers::Ledger(RequestContext& ctx) const {
  TRY_ASSIGN(params, http::ParseQuery(ctx.query));
  const std::string cursor = http::FindParam(*params, "cursor").value_or("");
  std::int64_t limit = kDefaultLedgerLimit;
  if (const auto text = http::FindParam(*params, "limit"); text && !text->empty()) {
    auto value = http::IntParam(*params, "limit");
    if (!value.ok() || !*value) {
      return ErrorResponse(Error::InvalidArgument("limit must be a number from 1 to 200", "limit"));
    }
    limit = **value;
  }
  TRY_ASSIGN(page,
             service_.Ledger(ctx.db, ctx.workspace_id, ctx.params.Int("item_id"), cursor, limit));
  Json entries = Json::array();
  for (const LedgerEntry& e : page->entries) entries.push_back(LedgerEntryJson(e));
  return JsonResponse(
      200, {{"entries", std::move(entries)},
            {"next_cursor", page->next_cursor ? Json(*page->next_cursor) : Json(nullptr)}});
}

Response InventoryHandlers::GetUsage(RequestContext& ctx) const {
  TRY_ASSIGN(usage, service_.GetUsage(ctx.db, ctx.workspace_id, ctx.params.Int("service_id")));
  return JsonResponse(200, ServiceUsageJson(*usage));
}

Response InventoryHandlers::PutUsage(RequestContext& ctx) const {
  TRY_ASSIGN(body, http::ParseJsonObject(ctx.request));
  TRY_ASSIGN(lines, ReadUsage(*body));
  TRY_ASSIGN(usage,
             service_.PutUsage(ctx.db, ctx.workspace_id, ctx.params.Int("service_id"), *lines));
  return JsonResponse(200, ServiceUsageJson(*usage));
}

}  // namespace careops::inventory
