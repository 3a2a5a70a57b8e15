#include "inventory/inventory_stats.hpp"

#include "booking/time_format.hpp"
#include "inventory/inventory_repository.hpp"
#include "inventory/inventory_rules.hpp"

namespace careops::inventory {

Forecast ItemForecast(db::Connection& conn, const Item& item, const std::string& timezone,
                      Millis now) {
  std::vector<HeldUse> upcoming;
  for (const UpcomingHold& h :
       InventoryRepository(conn).UpcomingHolds(item.workspace_id, item.id, now)) {
    upcoming.push_back({booking::LocalDateOf(h.start_at, timezone), h.quantity});
  }
  return ForecastRunOut(item.on_hand, item.reserved, upcoming, booking::LocalDateOf(now, timezone));
}

std::vector<LowStockItem> LowStockItems(db::Connection& conn, std::int64_t workspace_id,
                                        const std::string& timezone, Millis now) {
  std::vector<LowStockItem> out;
  for (const Item& item : InventoryRepository(conn).ListLow(workspace_id)) {
    LowStockItem low;
    low.id = item.id;
    low.name = item.name;
    low.unit = item.unit;
    low.on_hand = item.on_hand;
    low.reserved = item.reserved;
    low.available = item.available();
    low.threshold = item.low_stock_threshold;
    low.low_since = item.low_since.value_or(0);
    low.forecast = ItemForecast(conn, item, timezone, now);
    out.push_back(std::move(low));
  }
  return out;
}

}  // namespace careops::inventory
