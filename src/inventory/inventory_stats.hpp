#pragma once
// Inventory figures for other features' reads (the dashboard) and the item view: the items
// with an open low-stock alert and the "runs out in N days" forecast (docs/API.md, Inventory).
// Reads only; uses the caller's connection (within its transaction, if any). Thread-safe.

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "inventory/model.hpp"

namespace careops::db {
class Connection;
}

namespace careops::inventory {

// An item whose low-stock alert is open (available ≤ threshold).
struct LowStockItem {
  std::int64_t id = 0;
  std::string name;
  std::string unit;
  std::int64_t on_hand = 0;
  std::int64_t reserved = 0;
  std::int64_t available = 0;  // on_hand − reserved; may be below zero
  std::int64_t threshold = 0;
  Millis low_since = 0;
  Forecast forecast;
};

// The workspace's items with low_since set (index inventory_items_low), oldest alert first
// (archived items never hold an alert). `timezone` is the workspace's
// IANA zone (dates of the forecast); `now` the current instant.
std::vector<LowStockItem> LowStockItems(db::Connection& conn, std::int64_t workspace_id,
                                        const std::string& timezone, Millis now);

// The forecast of item `item` (its on_hand and reserved as read now) from the confirmed
// bookings that hold it: inventory_rules.hpp ForecastRunOut with the bookings starting at or
// after `now`, dated in `timezone`.
Forecast ItemForecast(db::Connection& conn, const Item& item, const std::string& timezone,
                      Millis now);

}  // namespace careops::inventory
