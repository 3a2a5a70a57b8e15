#pragma once
// The rules of inventory (PRODUCT.md I1–I3; docs/API.md, Inventory), as pure functions:
// field limits, what an adjustment writes, what a booking's status change does to the stock
// it holds, the low-stock alert's state machine and the run-out forecast. Thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "booking/model.hpp"
#include "booking/slots.hpp"
#include "core/error.hpp"
#include "inventory/model.hpp"

namespace careops::inventory {

inline constexpr std::size_t kMaxNameChars = 200;
inline constexpr std::size_t kMaxUnitChars = 20;
inline constexpr std::size_t kMaxReasonChars = 500;
// Every quantity an API caller gives (initial stock, threshold, an adjustment's size).
inline constexpr std::int64_t kMaxQuantity = 1'000'000'000;
inline constexpr std::int64_t kMaxUsageQuantity = 100'000;
inline constexpr std::size_t kMaxUsageLines = 50;

// Trimmed name 1–200 characters, no control characters; InvalidArgument naming "name".
Result<std::string> CheckName(std::string_view name);
// Trimmed unit 1–20 characters; InvalidArgument naming "unit".
Result<std::string> CheckUnit(std::string_view unit);
// 0–kMaxQuantity; InvalidArgument naming `field`.
Status CheckStockQuantity(std::int64_t value, const char* field);

// What an adjustment request asks: kind "restock" (quantity > 0, reason optional) or
// "adjustment" (quantity ≠ 0, signed; reason required). InvalidArgument naming "kind",
// "quantity" or "reason"; Conflict naming "quantity" when it would take on_hand below zero
// (`on_hand` is the item's now). The move has no item, author or booking yet.
Result<StockMove> AdjustmentMove(std::string_view kind, std::int64_t quantity,
                                 std::string_view reason, std::int64_t on_hand);

// What a booking's change does to the stock of its service's items:
//   into confirmed (created confirmed, or approved)          -> reserve (once per booking)
//   into cancelled or no_show                                -> release what it holds
//   into completed                                           -> consume what it holds
//   anything else (a move, notes, the customer's "C")        -> nothing
// `before` is nullopt for a booking just created.
enum class BookingStockAction { kNone, kReserve, kRelease, kConsume };
BookingStockAction StockActionFor(const std::optional<booking::BookingStatus>& before,
                                  booking::BookingStatus after);

// The low-stock alert after a change: raise it when the item is low (available ≤ threshold)
// and none is open, clear it when it is no longer low and one is open; else nothing.
enum class AlertStep { kNone, kRaise, kClear };
AlertStep NextAlertStep(std::int64_t available, std::int64_t threshold, bool alert_open);

// A confirmed booking that holds `quantity` of the item, on the local date it starts.
struct HeldUse {
  booking::LocalDate date;
  std::int64_t quantity = 0;
};

// "Runs out in N days". `upcoming` are the confirmed bookings not yet started that hold the
// item, in start order; what `reserved` holds beyond them belongs to bookings already started
// (they will still consume it), so it is taken from `on_hand` first. Walking `upcoming`, the
// first booking after which the cumulative usage exceeds what is left gives the date; when
// the started ones alone exceed it, the date is `today`. `days` = date − today. Both null
// when stock covers everything.
Forecast ForecastRunOut(std::int64_t on_hand, std::int64_t reserved,
                        const std::vector<HeldUse>& upcoming, const booking::LocalDate& today);

// Whole days from `from` to `to` (negative when `to` is earlier).
std::int64_t DaysBetween(const booking::LocalDate& from, const booking::LocalDate& to);

}  // namespace careops::inventory
