#pragma once
// The rules of a workspace's inventory (PRODUCT.md I1–I3; docs/API.md, Inventory): items,
// restocks and adjustments, the ledger, and the usage of services. Knows nothing of HTTP;
// membership and the inventory permission are checked by the router's guard. Every stock
// change goes through stock.hpp (one ledger row per change, alert settled). Thread-safe
// (read-only after construction; uses the caller's connection). Methods that write open their
// own transaction (REQUIRES: none open on `conn`); after the commit they wake the outbox when
// an alert was queued and publish the item live.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "inventory/model.hpp"

namespace careops {
class Clock;
}
namespace careops::db {
class Connection;
}
namespace careops::http {
class EventHub;
}
namespace careops::messaging {
class Outbox;
}

namespace careops::inventory {

// An item as the API shows it.
struct ItemView {
  Item item;
  std::vector<ItemUsage> usage;
  Forecast forecast;
};

// Fields a caller may set; absent ones take defaults (create) or stay (update).
struct ItemFields {
  std::optional<std::string> name;
  std::optional<std::string> unit;
  std::optional<std::int64_t> on_hand;  // create only: recorded as an `initial` ledger row
  std::optional<std::int64_t> low_stock_threshold;
  std::optional<bool> is_active;  // update only
};

struct Adjustment {
  std::string kind;  // "restock" | "adjustment"
  std::int64_t quantity = 0;
  std::string reason;
};

struct LedgerPage {
  std::vector<LedgerEntry> entries;
  std::optional<std::string> next_cursor;  // nullopt on the last page
};

inline constexpr std::int64_t kDefaultLedgerLimit = 50;
inline constexpr std::int64_t kMaxLedgerLimit = 200;

class InventoryService {
 public:
  // All must outlive the service.
  InventoryService(const Clock& clock, const messaging::Outbox& outbox, http::EventHub& events)
      : clock_(clock), outbox_(outbox), events_(events) {}

  // By name; archived ones too when `include_archived`.
  std::vector<ItemView> List(db::Connection& conn, std::int64_t workspace_id,
                             bool include_archived) const;
  // NotFound unless the workspace has the item (archived ones included).
  Result<ItemView> Get(db::Connection& conn, std::int64_t workspace_id, std::int64_t id) const;
  // A new item; name required. InvalidArgument naming "name", "unit", "on_hand" or
  // "low_stock_threshold". An item created at or below its threshold is low from the start,
  // quietly (no message: its creator knows).
  Result<ItemView> Create(db::Connection& conn, std::int64_t workspace_id, std::int64_t author_id,
                          const ItemFields& fields) const;
  // Changes name, unit, threshold, is_active (a new threshold settles the alert, and may raise
  // it). InvalidArgument as Create, "on_hand" when given (stock moves by adjustments only).
  Result<ItemView> Update(db::Connection& conn, std::int64_t workspace_id, std::int64_t id,
                          const ItemFields& fields) const;
  // Deletes an item whose ledger holds only its `initial` row; archives any other. NotFound.
  Status Delete(db::Connection& conn, std::int64_t workspace_id, std::int64_t id) const;
  // A restock or a signed adjustment by `author_id` (inventory_rules.hpp AdjustmentMove).
  Result<ItemView> Adjust(db::Connection& conn, std::int64_t workspace_id, std::int64_t author_id,
                          std::int64_t id, const Adjustment& adjustment) const;
  // The item's ledger, newest first; `cursor` is "" or a page's next_cursor, `limit` 1–200.
  // NotFound for the item; InvalidArgument naming "cursor" or "limit".
  Result<LedgerPage> Ledger(db::Connection& conn, std::int64_t workspace_id, std::int64_t id,
                            const std::string& cursor, std::int64_t limit) const;

  // The items service `service_id` uses. NotFound for another workspace's service.
  Result<std::vector<ServiceUsage>> GetUsage(db::Connection& conn, std::int64_t workspace_id,
                                             std::int64_t service_id) const;
  // Replaces the service's usage by `lines` (item id, quantity): at most 50, each item once,
  // an active item of the workspace, quantity 1–100,000; InvalidArgument naming "usage".
  // Bookings keep what they already reserved.
  Result<std::vector<ServiceUsage>> PutUsage(
      db::Connection& conn, std::int64_t workspace_id, std::int64_t service_id,
      const std::vector<std::pair<std::int64_t, std::int64_t>>& lines) const;

 private:
  ItemView View(db::Connection& conn, Item item, const std::string& timezone) const;
  // After a commit: wake the outbox when messages were queued; publish the item.
  void Announce(std::int64_t workspace_id, std::int64_t item_id, int messages_queued) const;

  const Clock& clock_;
  const messaging::Outbox& outbox_;
  http::EventHub& events_;
};

}  // namespace careops::inventory
