#pragma once
// The one way stock changes (docs/API.md, Inventory): every change of an item's on_hand or
// reserved is one ledger row written with the same deltas in the same transaction, so the sums
// of the ledger's deltas always equal the item's columns; and after every change the low-stock
// alert is settled (inventory_rules.hpp NextAlertStep): raised — low_since set and, unless the
// rule is off, one message queued (low_stock_alert.hpp) — or cleared.
//
// REQUIRES an open transaction on `conn` (the caller commits, then wakes the outbox when
// messages were queued and publishes the item live). Thread-safe (stateless).

#include <cstdint>

#include "core/clock.hpp"
#include "inventory/model.hpp"

namespace careops::db {
class Connection;
}
namespace careops::messaging {
class Outbox;
}
namespace careops::workspaces {
struct Workspace;
}

namespace careops::inventory {

// What a change left for after the commit.
struct StockEffects {
  int messages_queued = 0;
};

// Writes `move` for its item (which must belong to `w`; throws std::logic_error when it does
// not: callers find the item first) and settles the alert. Returns the item as it is now.
Item RecordMove(db::Connection& conn, const messaging::Outbox& outbox,
                const workspaces::Workspace& w, const StockMove& move, Millis now,
                StockEffects& effects);

// Settles the alert of `item` (as just read or written) and updates `item.low_since`. A raise
// queues the alert only when `notify` (an item created already low records its state
// quietly: whoever created it knows). An archived item's alert is cleared, never raised.
void SettleAlert(db::Connection& conn, const messaging::Outbox& outbox,
                 const workspaces::Workspace& w, Item& item, Millis now, bool notify,
                 StockEffects& effects);

}  // namespace careops::inventory
