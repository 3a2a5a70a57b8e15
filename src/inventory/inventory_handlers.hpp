#pragma once
// HTTP handlers of the inventory (docs/API.md, Inventory): JSON <-> InventoryService. No SQL
// and no access checks here: the routes are kMember with the inventory permission, so
// MemberGuard has set ctx.workspace_id and ctx.user_id before these run. Thread-safe (const).

#include "http/message.hpp"
#include "http/router.hpp"

namespace careops::inventory {

class InventoryService;

class InventoryHandlers {
 public:
  // Must outlive the handlers.
  explicit InventoryHandlers(const InventoryService& service) : service_(service) {}

  // ?include_archived=1
  http::Response List(http::RequestContext& ctx) const;
  http::Response Create(http::RequestContext& ctx) const;
  // {item_id:int}
  http::Response Get(http::RequestContext& ctx) const;
  http::Response Update(http::RequestContext& ctx) const;
  http::Response Delete(http::RequestContext& ctx) const;
  http::Response Adjust(http::RequestContext& ctx) const;
  // {item_id:int} ?cursor=&limit=
  http::Response Ledger(http::RequestContext& ctx) const;
  // {service_id:int}
  http::Response GetUsage(http::RequestContext& ctx) const;
  http::Response PutUsage(http::RequestContext& ctx) const;

 private:
  const InventoryService& service_;
};

}  // namespace careops::inventory
