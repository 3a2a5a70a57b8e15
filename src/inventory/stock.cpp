#include "inventory/stock.hpp"

#include <stdexcept>

#include "inventory/inventory_repository.hpp"
#include "inventory/inventory_rules.hpp"
#include "inventory/low_stock_alert.hpp"
#include "workspaces/model.hpp"

namespace careops::inventory {

Item RecordMove(db::Connection& conn, const messaging::Outbox& outbox,
                const workspaces::Workspace& w, const StockMove& move, Millis now,
                StockEffects& effects) {
  InventoryRepository repo(conn);
  repo.Apply(w.id, move, now);
  auto item = repo.Find(w.id, move.item_id);
  if (!item) throw std::logic_error("stock move for an item outside its workspace");
  SettleAlert(conn, outbox, w, *item, now, true, effects);
  return *std::move(item);
}

void SettleAlert(db::Connection& conn, const messaging::Outbox& outbox,
                 const workspaces::Workspace& w, Item& item, Millis now, bool notify,
                 StockEffects& effects) {
  // An archived item is not watched: its alert closes and none opens.
  const AlertStep step = item.is_active ? NextAlertStep(item.available(), item.low_stock_threshold,
                                                        item.low_since.has_value())
                                        : (item.low_since ? AlertStep::kClear : AlertStep::kNone);
  switch (step) {
    case AlertStep::kRaise:
      item.low_since = now;
      InventoryRepository(conn).SetLowSince(item.id, now);
      if (notify) effects.messages_queued += QueueLowStockAlert(conn, outbox, w, item);
      break;
    case AlertStep::kClear:
      item.low_since.reset();
      InventoryRepository(conn).SetLowSince(item.id, std::nullopt);
      break;
    case AlertStep::kNone:
      break;
  }
}

}  // namespace careops::inventory
