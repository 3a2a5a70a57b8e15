#pragma once
// Items, service usage and the stock ledger (tables inventory_items, service_items,
// inventory_ledger). SQL only: the rules are in inventory_rules / stock / the service. Uses the
// caller's connection; opens no transaction.

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "inventory/model.hpp"

namespace careops::db {
class Connection;
}

namespace careops::inventory {

// A confirmed booking not yet started that holds some of an item.
struct UpcomingHold {
  std::int64_t booking_id = 0;
  Millis start_at = 0;
  std::int64_t quantity = 0;
};

class InventoryRepository {
 public:
  explicit InventoryRepository(db::Connection& conn) : conn_(conn) {}

  // The item `id` of `workspace_id` (archived too), with `consumed`; nullopt for another
  // workspace's item.
  std::optional<Item> Find(std::int64_t workspace_id, std::int64_t id) const;
  // By name; archived ones only when asked.
  std::vector<Item> List(std::int64_t workspace_id, bool include_archived) const;
  // Items with an open low-stock alert, oldest alert first (index inventory_items_low).
  std::vector<Item> ListLow(std::int64_t workspace_id) const;
  // Inserts `item` with on_hand and reserved 0 (stock arrives through the ledger); new id.
  std::int64_t Insert(const Item& item) const;
  // Writes name, unit, low_stock_threshold, is_active and updated_at.
  void UpdateFields(const Item& item) const;
  // Deletes an item with nothing but `initial` rows in its ledger (returns true); else
  // archives it (returns false).
  bool DeleteOrArchive(std::int64_t workspace_id, std::int64_t id, Millis now) const;

  // Adds the move's deltas to the item's columns and appends its ledger row, both as given
  // (the caller's transaction makes them one change). Returns the ledger row's id.
  std::int64_t Apply(std::int64_t workspace_id, const StockMove& move, Millis now) const;
  void SetLowSince(std::int64_t item_id, std::optional<Millis> low_since) const;

  // An item's ledger, newest first: rows with id < `before_id` (all when nullopt), at most
  // `limit`, with their author's name.
  std::vector<LedgerEntry> Ledger(std::int64_t item_id, std::optional<std::int64_t> before_id,
                                  std::int64_t limit) const;

  // The services (of any state) that use an item, by service name.
  std::vector<ItemUsage> UsageOfItem(std::int64_t item_id) const;
  // The items a service uses, by item name.
  std::vector<ServiceUsage> UsageOfService(std::int64_t service_id) const;
  // Replaces a service's usage by `lines` (item id, quantity).
  void ReplaceUsage(std::int64_t service_id,
                    const std::vector<std::pair<std::int64_t, std::int64_t>>& lines) const;

  // Whether the booking ever reserved anything.
  bool HasReserved(std::int64_t booking_id) const;
  // What the booking holds now, per item: (item id, quantity > 0), by item id.
  std::vector<std::pair<std::int64_t, std::int64_t>> HeldBy(std::int64_t booking_id) const;
  // The confirmed bookings of the workspace starting at or after `from` that hold some of
  // `item_id`, by start then id.
  std::vector<UpcomingHold> UpcomingHolds(std::int64_t workspace_id, std::int64_t item_id,
                                          Millis from) const;
  // Whether an active item is used by an active service of the workspace.
  bool HasActiveUsage(std::int64_t workspace_id) const;

 private:
  db::Connection& conn_;
};

}  // namespace careops::inventory
