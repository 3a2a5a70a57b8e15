#include "inventory/inventory_repository.hpp"

#include <string>

#include "db/database.hpp"

namespace careops::inventory {
namespace {

// `consumed` is what consume rows took from on hand, in all.
constexpr const char* kSelect =
    "SELECT i.id, i.workspace_id, i.name, i.unit, i.on_hand, i.reserved, i.low_stock_threshold, "
    "i.low_since, i.is_active, i.created_at, i.updated_at, "
    "(SELECT IFNULL(-SUM(l.on_hand_delta), 0) FROM inventory_ledger l "
    " WHERE l.item_id = i.id AND l.kind = 'consume') "
    "FROM inventory_items i ";

Item FromRow(const db::Row& r) {
  Item item;
  item.id = r.Int(0);
  item.workspace_id = r.Int(1);
  item.name = r.Text(2);
  item.unit = r.Text(3);
  item.on_hand = r.Int(4);
  item.reserved = r.Int(5);
  item.low_stock_threshold = r.Int(6);
  item.low_since = r.OptInt(7);
  item.is_active = r.Int(8) != 0;
  item.created_at = r.Int(9);
  item.updated_at = r.Int(10);
  item.consumed = r.Int(11);
  return item;
}

db::Value Opt(const std::optional<std::int64_t>& v) { return v ? db::Value(*v) : db::Value(); }

}  // namespace

std::optional<Item> InventoryRepository::Find(std::int64_t workspace_id, std::int64_t id) const {
  auto row = conn_.QueryOne(std::string(kSelect) + "WHERE i.workspace_id = ? AND i.id = ?",
                            {workspace_id, id});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::vector<Item> InventoryRepository::List(std::int64_t workspace_id,
                                            bool include_archived) const {
  std::vector<Item> items;
  for (const db::Row& r :
       conn_.Query(std::string(kSelect) + "WHERE i.workspace_id = ? AND (? = 1 OR i.is_active = 1) "
                                          "ORDER BY i.name COLLATE NOCASE, i.id",
                   {workspace_id, std::int64_t{include_archived ? 1 : 0}})) {
    items.push_back(FromRow(r));
  }
  return items;
}

std::vector<Item> InventoryRepository::ListLow(std::int64_t workspace_id) const {
  std::vector<Item> items;
  for (const db::Row& r :
       conn_.Query(std::string(kSelect) + "WHERE i.workspace_id = ? AND i.low_since IS NOT NULL "
                                          "ORDER BY i.low_since, i.id",
                   {workspace_id})) {
    items.push_back(FromRow(r));
  }
  return items;
}

std::int64_t InventoryRepository::Insert(const Item& item) const {
  return conn_.Insert(
      "INSERT INTO inventory_items (workspace_id, name, unit, on_hand, reserved, "
      "low_stock_threshold, low_since, is_active, created_at, updated_at) "
      "VALUES (?, ?, ?, 0, 0, ?, NULL, ?, ?, ?)",
      {item.workspace_id, item.name, item.unit, item.low_stock_threshold,
       std::int64_t{item.is_active ? 1 : 0}, item.created_at, item.updated_at});
}

void InventoryRepository::UpdateFields(const Item& item) const {
  conn_.Execute(
      "UPDATE inventory_items SET name = ?, unit = ?, low_stock_threshold = ?, is_active = ?, "
      "updated_at = ? WHERE id = ? AND workspace_id = ?",
      {item.name, item.unit, item.low_stock_threshold, std::int64_t{item.is_active ? 1 : 0},
       item.updated_at, item.id, item.workspace_id});
}

bool InventoryRepository::DeleteOrArchive(std::int64_t workspace_id, std::int64_t id,
                                          Millis now) const {
  const bool moved = conn_
                         .QueryOne(
                             "SELECT 1 FROM inventory_ledger WHERE item_id = ? AND kind <> "
                             "'initial' LIMIT 1",
                             {id})
                         .has_value();
  if (!moved) {
    conn_.Execute("DELETE FROM inventory_items WHERE id = ? AND workspace_id = ?",
                  {id, workspace_id});
    return true;
  }
  conn_.Execute(
      "UPDATE inventory_items SET is_active = 0, updated_at = ? WHERE id = ? AND workspace_id = ?",
      {now, id, workspace_id});
  return false;
}

std::int64_t InventoryRepository::Apply(std::int64_t workspace_id, const StockMove& move,
                                        Millis now) const {
  conn_.Execute(
      "UPDATE inventory_items SET on_hand = on_hand + ?, reserved = reserved + ?, updated_at = ? "
      "WHERE id = ? AND workspace_id = ?",
      {move.on_hand_delta, move.reserved_delta, now, move.item_id, workspace_id});
  return conn_.Insert(
      "INSERT INTO inventory_ledger (workspace_id, item_id, kind, on_hand_delta, reserved_delta, "
      "booking_id, reason, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {workspace_id, move.item_id, std::string(LedgerKindName(move.kind)), move.on_hand_delta,
       move.reserved_delta, Opt(move.booking_id), move.reason, Opt(move.author_id), now});
}

void InventoryRepository::SetLowSince(std::int64_t item_id, std::optional<Millis> low_since) const {
  conn_.Execute("UPDATE inventory_items SET low_since = ? WHERE id = ?", {Opt(low_since), item_id});
}

std::vector<LedgerEntry> InventoryRepository::Ledger(std::int64_t item_id,
                                                     std::optional<std::int64_t> before_id,
                                                     std::int64_t limit) const {
  std::vector<LedgerEntry> entries;
  for (const db::Row& r : conn_.Query(
           "SELECT l.id, l.item_id, l.kind, l.on_hand_delta, l.reserved_delta, l.booking_id, "
           "l.reason, l.author_id, IFNULL(u.full_name, ''), l.created_at "
           "FROM inventory_ledger l LEFT JOIN users u ON u.id = l.author_id "
           "WHERE l.item_id = ? AND (? IS NULL OR l.id < ?) ORDER BY l.id DESC LIMIT ?",
           {item_id, Opt(before_id), Opt(before_id), limit})) {
    LedgerEntry e;
    e.id = r.Int(0);
    e.item_id = r.Int(1);
    e.kind = ParseLedgerKind(r.Text(2)).value_or(LedgerKind::kAdjustment);
    e.on_hand_delta = r.Int(3);
    e.reserved_delta = r.Int(4);
    e.booking_id = r.OptInt(5);
    e.reason = r.Text(6);
    e.author_id = r.OptInt(7);
    e.author_name = r.Text(8);
    e.created_at = r.Int(9);
    entries.push_back(std::move(e));
  }
  return entries;
}

std::vector<ItemUsage> InventoryRepository::UsageOfItem(std::int64_t item_id) const {
  std::vector<ItemUsage> usage;
  for (const db::Row& r :
       conn_.Query("SELECT s.id, s.name, si.quantity FROM service_items si "
                   "JOIN services s ON s.id = si.service_id WHERE si.item_id = ? "
                   "ORDER BY s.name COLLATE NOCASE, s.id",
                   {item_id})) {
    usage.push_back({r.Int(0), r.Text(1), r.Int(2)});
  }
  return usage;
}

std::vector<ServiceUsage> InventoryRepository::UsageOfService(std::int64_t service_id) const {
  std::vector<ServiceUsage> usage;
  for (const db::Row& r :
       conn_.Query("SELECT i.id, i.name, i.unit, si.quantity, i.is_active FROM service_items si "
                   "JOIN inventory_items i ON i.id = si.item_id WHERE si.service_id = ? "
                   "ORDER BY i.name COLLATE NOCASE, i.id",
                   {service_id})) {
    usage.push_back({r.Int(0), r.Text(1), r.Text(2), r.Int(3), r.Int(4) != 0});
  }
  return usage;
}

void InventoryRepository::ReplaceUsage(
    std::int64_t service_id,
    const std::vector<std::pair<std::int64_t, std::int64_t>>& lines) const {
  conn_.Execute("DELETE FROM service_items WHERE service_id = ?", {service_id});
  for (const auto& [item_id, quantity] : lines) {
    conn_.Execute("INSERT INTO service_items (service_id, item_id, quantity) VALUES (?, ?, ?)",
                  {service_id, item_id, quantity});
  }
}

bool InventoryRepository::HasReserved(std::int64_t booking_id) const {
  return conn_
      .QueryOne("SELECT 1 FROM inventory_ledger WHERE booking_id = ? AND kind = 'reserve' LIMIT 1",
                {booking_id})
      .has_value();
}

std::vector<std::pair<std::int64_t, std::int64_t>> InventoryRepository::HeldBy(
    std::int64_t booking_id) const {
  std::vector<std::pair<std::int64_t, std::int64_t>> held;
  for (const db::Row& r :
       conn_.Query("SELECT item_id, SUM(reserved_delta) FROM inventory_ledger "
                   "WHERE booking_id = ? GROUP BY item_id HAVING SUM(reserved_delta) > 0 "
                   "ORDER BY item_id",
                   {booking_id})) {
    held.emplace_back(r.Int(0), r.Int(1));
  }
  return held;
}

std::vector<UpcomingHold> InventoryRepository::UpcomingHolds(std::int64_t workspace_id,
                                                             std::int64_t item_id,
                                                             Millis from) const {
  std::vector<UpcomingHold> holds;
  for (const db::Row& r : conn_.Query(
           "SELECT b.id, b.start_at, SUM(l.reserved_delta) FROM bookings b "
           "JOIN inventory_ledger l ON l.booking_id = b.id AND l.item_id = ? "
           "WHERE b.workspace_id = ? AND b.start_at >= ? AND b.status = 'confirmed' "
           "GROUP BY b.id, b.start_at HAVING SUM(l.reserved_delta) > 0 ORDER BY b.start_at, b.id",
           {item_id, workspace_id, from})) {
    holds.push_back({r.Int(0), r.Int(1), r.Int(2)});
  }
  return holds;
}

bool InventoryRepository::HasActiveUsage(std::int64_t workspace_id) const {
  return conn_
      .QueryOne(
          "SELECT 1 FROM service_items si JOIN inventory_items i ON i.id = si.item_id "
          "JOIN services s ON s.id = si.service_id "
          "WHERE i.workspace_id = ? AND i.is_active = 1 AND s.workspace_id = ? AND s.is_active = 1 "
          "LIMIT 1",
          {workspace_id, workspace_id})
      .has_value();
}

}  // namespace careops::inventory
