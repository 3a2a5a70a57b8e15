#pragma once
// JSON of the inventory (docs/API.md, Inventory): items, ledger entries, usage, forecasts, and
// the fields read from request bodies. Pure functions; thread-safe.

#include <cstdint>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "http/json.hpp"
#include "inventory/inventory_service.hpp"
#include "inventory/model.hpp"

namespace careops::inventory {

// {"runs_out_on": "YYYY-MM-DD" or null, "days": int or null}
http::Json ForecastJson(const Forecast& f);
// The item with its usage and forecast; times as epoch milliseconds.
http::Json ItemJson(const ItemView& v);
// {"id", "kind", "on_hand_delta", "reserved_delta", "booking_id", "reason",
//  "author": {"id", "name"} or null, "created_at"}
http::Json LedgerEntryJson(const LedgerEntry& e);
// {"usage": [{"item_id", "name", "unit", "quantity", "is_active"}]}
http::Json ServiceUsageJson(const std::vector<ServiceUsage>& usage);

// name, unit, on_hand, low_stock_threshold, is_active of a body: 400 naming a field of the
// wrong type. Ranges are checked by the service.
Result<ItemFields> ReadItemFields(const http::Json& body);
// {kind, quantity, reason}: 400 naming a missing or wrong-typed field.
Result<Adjustment> ReadAdjustment(const http::Json& body);
// {"usage": [{"item_id", "quantity"}]}: 400 naming "usage" for anything else.
Result<std::vector<std::pair<std::int64_t, std::int64_t>>> ReadUsage(const http::Json& body);

}  // namespace careops::inventory
