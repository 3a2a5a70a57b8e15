#include "inventory/inventory_service.hpp"

#include <charconv>
#include <set>

#include "booking/service_repository.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "inventory/inventory_live.hpp"
#include "inventory/inventory_repository.hpp"
#include "inventory/inventory_rules.hpp"
#include "inventory/inventory_stats.hpp"
#include "inventory/stock.hpp"
#include "messaging/outbox.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::inventory {
namespace {

Error NoSuchItem() { return Error::NotFound("no such item"); }

std::string TimezoneOf(db::Connection& conn, std::int64_t workspace_id) {
  auto w = workspaces::WorkspaceRepository(conn).FindById(workspace_id);
  return w ? w->timezone : "UTC";
}

// Checks the fields present and writes them to `item`.
Status ApplyFields(Item& item, const ItemFields& fields) {
  if (fields.name) {
    auto name = CheckName(*fields.name);
    if (!name.ok()) return std::move(name).error();
    item.name = std::move(name).value();
  }
  if (fields.unit) {
    auto unit = CheckUnit(*fields.unit);
    if (!unit.ok()) return std::move(unit).error();
    item.unit = std::move(unit).value();
  }
  if (fields.low_stock_threshold) {
    if (Status s = CheckStockQuantity(*fields.low_stock_threshold, "low_stock_threshold");
        !s.ok()) {
      return s;
    }
    item.low_stock_threshold = *fields.low_stock_threshold;
  }
  if (fields.is_active) item.is_active = *fields.is_active;
  return Ok();
}

}  // namespace

ItemView InventoryService::View(db::Connection& conn, Item item,
                                const std::string& timezone) const {
  ItemView v;
  v.usage = InventoryRepository(conn).UsageOfItem(item.id);
  v.forecast = ItemForecast(conn, item, timezone, clock_.NowMillis());
  v.item = std::move(item);
  return v;
}

void InventoryService::Announce(std::int64_t workspace_id, std::int64_t item_id,
                                int messages_queued) const {
  if (messages_queued > 0) outbox_.Wake();
  PublishItem(events_, workspace_id, item_id);
}

std::vector<ItemView> InventoryService::List(db::Connection& conn, std::int64_t workspace_id,
                                             bool include_archived) const {
  const std::string tz = TimezoneOf(conn, workspace_id);
  std::vector<ItemView> views;
  for (Item& item : InventoryRepository(conn).List(workspace_id, include_archived)) {
    views.push_back(View(conn, std::move(item), tz));
  }
  return views;
}

Result<ItemView> InventoryService::Get(db::Connection& conn, std::int64_t workspace_id,
                                       std::int64_t id) const {
  auto item = InventoryRepository(conn).Find(workspace_id, id);
  if (!item) return NoSuchItem();
  return View(conn, *std::move(item), TimezoneOf(conn, workspace_id));
}

Result<ItemView> InventoryService::Create(db::Connection& conn, std::int64_t workspace_id,
                                          std::int64_t author_id, const ItemFields& fields) const {
  if (!fields.name) return Error::InvalidArgument("name is required", "name");
  if (fields.is_active) {
    return Error::InvalidArgument("is_active is set by archiving, not on create", "is_active");
  }
  Item item;
  item.workspace_id = workspace_id;
  if (Status s = ApplyFields(item, fields); !s.ok()) return std::move(s).error();
  const std::int64_t on_hand = fields.on_hand.value_or(0);
  if (Status s = CheckStockQuantity(on_hand, "on_hand"); !s.ok()) return std::move(s).error();

  const Millis now = clock_.NowMillis();
  db::Transaction tx(conn);
  auto w = workspaces::WorkspaceRepository(conn).FindById(workspace_id);
  if (!w) return Error::NotFound("no such workspace");
  InventoryRepository repo(conn);
  item.created_at = item.updated_at = now;
  item.id = repo.Insert(item);
  StockEffects effects;
  if (on_hand > 0) {
    StockMove initial;
    initial.item_id = item.id;
    initial.kind = LedgerKind::kInitial;
    initial.on_hand_delta = on_hand;
    initial.reason = "initial stock";
    initial.author_id = author_id;
    repo.Apply(workspace_id, initial, now);
  }
  Item stored = repo.Find(workspace_id, item.id).value();
  SettleAlert(conn, outbox_, *w, stored, now, false, effects);
  tx.Commit();
  Announce(workspace_id, stored.id, effects.messages_queued);
  return View(conn, std::move(stored), w->timezone);
}

Result<ItemView> InventoryService::Update(db::Connection& conn, std::int64_t workspace_id,
                                          std::int64_t id, const ItemFields& fields) const {
  if (fields.on_hand) {
    return Error::InvalidArgument(
        "on_hand changes by restock or adjustment (POST …/adjustments), not here", "on_hand");
  }
  const Millis now = clock_.NowMillis();
  db::Transaction tx(conn);
  auto w = workspaces::WorkspaceRepository(conn).FindById(workspace_id);
  if (!w) return Error::NotFound("no such workspace");
  InventoryRepository repo(conn);
  auto found = repo.Find(workspace_id, id);
  if (!found) return NoSuchItem();
  Item item = *std::move(found);
  if (Status s = ApplyFields(item, fields); !s.ok()) return std::move(s).error();
  item.updated_at = now;
  repo.UpdateFields(item);
  StockEffects effects;
  SettleAlert(conn, outbox_, *w, item, now, true, effects);
  tx.Commit();
  Announce(workspace_id, item.id, effects.messages_queued);
  return View(conn, std::move(item), w->timezone);
}

Status InventoryService::Delete(db::Connection& conn, std::int64_t workspace_id,
                                std::int64_t id) const {
  db::Transaction tx(conn);
  InventoryRepository repo(conn);
  if (!repo.Find(workspace_id, id)) return NoSuchItem();
  // An archived item is no longer watched: its alert closes.
  if (!repo.DeleteOrArchive(workspace_id, id, clock_.NowMillis())) repo.SetLowSince(id, {});
  tx.Commit();
  Announce(workspace_id, id, 0);
  return Ok();
}

Result<ItemView> InventoryService::Adjust(db::Connection& conn, std::int64_t workspace_id,
                                          std::int64_t author_id, std::int64_t id,
                                          const Adjustment& adjustment) const {
  const Millis now = clock_.NowMillis();
  db::Transaction tx(conn);
  auto w = workspaces::WorkspaceRepository(conn).FindById(workspace_id);
  if (!w) return Error::NotFound("no such workspace");
  auto found = InventoryRepository(conn).Find(workspace_id, id);
  if (!found) return NoSuchItem();
  auto move =
      AdjustmentMove(adjustment.kind, adjustment.quantity, adjustment.reason, found->on_hand);
  if (!move.ok()) return std::move(move).error();
  move->item_id = id;
  move->author_id = author_id;
  StockEffects effects;
  Item item = RecordMove(conn, outbox_, *w, *move, now, effects);
  tx.Commit();
  Announce(workspace_id, id, effects.messages_queued);
  return View(conn, std::move(item), w->timezone);
}

Result<LedgerPage> InventoryService::Ledger(db::Connection& conn, std::int64_t workspace_id,
                                            std::int64_t id, const std::string& cursor,
                                            std::int64_t limit) const {
  if (limit < 1 || limit > kMaxLedgerLimit) {
    return Error::InvalidArgument("limit must be a number from 1 to 200", "limit");
  }
  std::optional<std::int64_t> before;
  if (!cursor.empty()) {
    std::int64_t value = 0;
    const char* last = cursor.data() + cursor.size();
    if (auto [p, ec] = std::from_chars(cursor.data(), last, value);
        ec != std::errc() || p != last || value <= 0) {
      return Error::InvalidArgument("cursor is not a page's next_cursor", "cursor");
    }
    before = value;
  }
  InventoryRepository repo(conn);
  if (!repo.Find(workspace_id, id)) return NoSuchItem();
  LedgerPage page;
  page.entries = repo.Ledger(id, before, limit + 1);
  if (static_cast<std::int64_t>(page.entries.size()) > limit) {
    page.entries.resize(static_cast<std::size_t>(limit));
    page.next_cursor = std::to_string(page.entries.back().id);
  }
  return page;
}

Result<std::vector<ServiceUsage>> InventoryService::GetUsage(db::Connection& conn,
                                                             std::int64_t workspace_id,
                                                             std::int64_t service_id) const {
  if (!booking::ServiceRepository(conn).Find(workspace_id, service_id)) {
    return Error::NotFound("no such service");
  }
  return InventoryRepository(conn).UsageOfService(service_id);
}

Result<std::vector<ServiceUsage>> InventoryService::PutUsage(
    db::Connection& conn, std::int64_t workspace_id, std::int64_t service_id,
    const std::vector<std::pair<std::int64_t, std::int64_t>>& lines) const {
  if (lines.size() > kMaxUsageLines) {
    return Error::InvalidArgument("usage lists at most 50 items", "usage");
  }
  std::set<std::int64_t> seen;
  for (const auto& [item_id, quantity] : lines) {
    if (quantity < 1 || quantity > kMaxUsageQuantity) {
      return Error::InvalidArgument("each usage quantity must be between 1 and 100000", "usage");
    }
    if (!seen.insert(item_id).second) {
      return Error::InvalidArgument("item " + std::to_string(item_id) + " is listed twice",
                                    "usage");
    }
  }
  db::Transaction tx(conn);
  if (!booking::ServiceRepository(conn).Find(workspace_id, service_id)) {
    return Error::NotFound("no such service");
  }
  InventoryRepository repo(conn);
  for (const auto& [item_id, quantity] : lines) {
    const auto item = repo.Find(workspace_id, item_id);
    if (!item || !item->is_active) {
      return Error::InvalidArgument(
          "item " + std::to_string(item_id) + " is not an active item of this workspace", "usage");
    }
  }
  repo.ReplaceUsage(service_id, lines);
  tx.Commit();
  return repo.UsageOfService(service_id);
}

}  // namespace careops::inventory
