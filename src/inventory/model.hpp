#pragma once
// The inventory domain's records (PRODUCT.md I1–I3; migrations/sqlite/0009_inventory.sql;
// docs/API.md, Inventory). Quantities are whole numbers of an item's unit; times are UTC
// milliseconds.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "booking/slots.hpp"
#include "core/clock.hpp"

namespace careops::inventory {

// What moved an item's stock (the ledger's `kind`): initial / restock / adjustment change
// on_hand only; reserve adds to reserved, release takes from it; consume takes from both.
enum class LedgerKind { kInitial, kRestock, kAdjustment, kReserve, kRelease, kConsume };

const char* LedgerKindName(LedgerKind kind);  // "initial", …, "consume"
std::optional<LedgerKind> ParseLedgerKind(std::string_view name);

// "Runs out in N days": the local date stock runs short, and the days from today; both
// nullopt when the stock on hand covers every booking that holds the item.
struct Forecast {
  std::optional<booking::LocalDate> runs_out_on;
  std::optional<std::int64_t> days;
};

struct Item {
  std::int64_t id = 0;
  std::int64_t workspace_id = 0;
  std::string name;
  std::string unit = "pcs";
  std::int64_t on_hand = 0;
  std::int64_t reserved = 0;
  std::int64_t consumed = 0;  // what completed bookings used, in all (from the ledger)
  std::int64_t low_stock_threshold = 0;
  std::optional<Millis> low_since;  // the open low-stock alert
  bool is_active = true;
  Millis created_at = 0;
  Millis updated_at = 0;

  // May be below zero: bookings are never refused for stock.
  std::int64_t available() const { return on_hand - reserved; }
};

// One service that uses an item (an item's `usage`).
struct ItemUsage {
  std::int64_t service_id = 0;
  std::string service_name;
  std::int64_t quantity = 0;
};

// One item a service uses (a service's usage).
struct ServiceUsage {
  std::int64_t item_id = 0;
  std::string name;
  std::string unit;
  std::int64_t quantity = 0;
  bool is_active = true;  // the item's; archived items are not reserved
};

// A change of one item's stock, about to be written as a ledger row.
struct StockMove {
  std::int64_t item_id = 0;
  LedgerKind kind = LedgerKind::kAdjustment;
  std::int64_t on_hand_delta = 0;
  std::int64_t reserved_delta = 0;
  std::optional<std::int64_t> booking_id;
  std::string reason;
  std::optional<std::int64_t> author_id;  // nullopt: the customer or the system
};

// A ledger row as the API lists it.
struct LedgerEntry {
  std::int64_t id = 0;
  std::int64_t item_id = 0;
  LedgerKind kind = LedgerKind::kAdjustment;
  std::int64_t on_hand_delta = 0;
  std::int64_t reserved_delta = 0;
  std::optional<std::int64_t> booking_id;
  std::string reason;
  std::optional<std::int64_t> author_id;
  std::string author_name;  // "" when there is no author (or the account is gone)
  Millis created_at = 0;
};

}  // namespace careops::inventory
