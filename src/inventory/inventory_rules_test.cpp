#include "inventory/inventory_rules.hpp"

#include <gtest/gtest.h>

namespace careops::inventory {
namespace {

using booking::BookingStatus;
using booking::LocalDate;

TEST(InventoryRules, NamesAndUnitsAreTrimmedAndBounded) {
  EXPECT_EQ(CheckName("  Gloves ").value(), "Gloves");
  EXPECT_EQ(CheckName("   ").error().field, "name");
  EXPECT_EQ(CheckName(std::string(201, 'a')).error().field, "name");
  EXPECT_TRUE(CheckName(std::string(200, 'a')).ok());
  EXPECT_EQ(CheckName("a\nb").error().field, "name");
  EXPECT_EQ(CheckUnit("ml").value(), "ml");
  EXPECT_EQ(CheckUnit(std::string(21, 'u')).error().field, "unit");
  EXPECT_EQ(CheckUnit("").error().field, "unit");
  EXPECT_TRUE(CheckStockQuantity(0, "on_hand").ok());
  EXPECT_EQ(CheckStockQuantity(-1, "on_hand").error().field, "on_hand");
  EXPECT_EQ(CheckStockQuantity(kMaxQuantity + 1, "low_stock_threshold").error().field,
            "low_stock_threshold");
}

TEST(InventoryRules, RestockAddsToOnHandOnly) {
  auto m = AdjustmentMove("restock", 12, "", 3);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->kind, LedgerKind::kRestock);
  EXPECT_EQ(m->on_hand_delta, 12);
  EXPECT_EQ(m->reserved_delta, 0);
  EXPECT_EQ(m->reason, "");
  EXPECT_EQ(AdjustmentMove("restock", 0, "", 3).error().field, "quantity");
  EXPECT_EQ(AdjustmentMove("restock", -2, "", 3).error().field, "quantity");
}

TEST(InventoryRules, AdjustmentIsSignedAndNeedsAReason) {
  auto down = AdjustmentMove("adjustment", -3, " broken box ", 5);
  ASSERT_TRUE(down.ok());
  EXPECT_EQ(down->kind, LedgerKind::kAdjustment);
  EXPECT_EQ(down->on_hand_delta, -3);
  EXPECT_EQ(down->reason, "broken box");
  EXPECT_EQ(AdjustmentMove("adjustment", 4, "count", 0)->on_hand_delta, 4);
  EXPECT_EQ(AdjustmentMove("adjustment", 0, "x", 5).error().field, "quantity");
  EXPECT_EQ(AdjustmentMove("adjustment", -1, "  ", 5).error().field, "reason");
  EXPECT_EQ(AdjustmentMove("adjustment", -1, std::string(501, 'r'), 5).error().field, "reason");
  EXPECT_EQ(AdjustmentMove("consume", 1, "x", 5).error().field, "kind");
  EXPECT_EQ(AdjustmentMove("", 1, "x", 5).error().field, "kind");
  // Never below zero on hand.
  const auto below = AdjustmentMove("adjustment", -6, "lost", 5);
  ASSERT_FALSE(below.ok());
  EXPECT_EQ(below.error().code, ErrorCode::kConflict);
  EXPECT_EQ(below.error().field, "quantity");
  EXPECT_TRUE(AdjustmentMove("adjustment", -5, "lost", 5).ok());
}

TEST(InventoryRules, StatusTransitionsTable) {
  using A = BookingStockAction;
  const std::optional<BookingStatus> created;
  EXPECT_EQ(StockActionFor(created, BookingStatus::kConfirmed), A::kReserve);
  EXPECT_EQ(StockActionFor(created, BookingStatus::kPending), A::kNone);
  EXPECT_EQ(StockActionFor(BookingStatus::kPending, BookingStatus::kConfirmed), A::kReserve);
  EXPECT_EQ(StockActionFor(BookingStatus::kConfirmed, BookingStatus::kConfirmed), A::kNone);
  EXPECT_EQ(StockActionFor(BookingStatus::kConfirmed, BookingStatus::kCancelled), A::kRelease);
  EXPECT_EQ(StockActionFor(BookingStatus::kPending, BookingStatus::kCancelled), A::kRelease);
  EXPECT_EQ(StockActionFor(BookingStatus::kConfirmed, BookingStatus::kNoShow), A::kRelease);
  EXPECT_EQ(StockActionFor(BookingStatus::kConfirmed, BookingStatus::kCompleted), A::kConsume);
  EXPECT_EQ(StockActionFor(BookingStatus::kCompleted, BookingStatus::kCompleted), A::kNone);
  EXPECT_EQ(StockActionFor(BookingStatus::kCancelled, BookingStatus::kCancelled), A::kNone);
}

TEST(InventoryRules, AlertStateMachine) {
  EXPECT_EQ(NextAlertStep(5, 5, false), AlertStep::kRaise);   // falls to the threshold
  EXPECT_EQ(NextAlertStep(-2, 0, false), AlertStep::kRaise);  // below zero
  EXPECT_EQ(NextAlertStep(4, 5, true), AlertStep::kNone);     // still low: nothing more
  EXPECT_EQ(NextAlertStep(6, 5, true), AlertStep::kClear);    // above it again
  EXPECT_EQ(NextAlertStep(6, 5, false), AlertStep::kNone);
  EXPECT_EQ(NextAlertStep(0, 0, false), AlertStep::kRaise);
}

TEST(InventoryRules, DaysBetweenLocalDates) {
  EXPECT_EQ(DaysBetween({2026, 3, 1}, {2026, 3, 1}), 0);
  EXPECT_EQ(DaysBetween({2026, 2, 27}, {2026, 3, 2}), 3);
  EXPECT_EQ(DaysBetween({2026, 12, 31}, {2027, 1, 1}), 1);
  EXPECT_EQ(DaysBetween({2026, 3, 2}, {2026, 3, 1}), -1);
}

TEST(InventoryRules, ForecastWalksBookingsInStartOrder) {
  const LocalDate today{2026, 3, 1};
  // 5 on hand; bookings using 2, 2, 2: the third one runs short.
  Forecast f =
      ForecastRunOut(5, 6, {{{2026, 3, 2}, 2}, {{2026, 3, 4}, 2}, {{2026, 3, 9}, 2}}, today);
  ASSERT_TRUE(f.runs_out_on.has_value());
  EXPECT_EQ(f.runs_out_on->day, 9u);
  EXPECT_EQ(*f.days, 8);
  // Exactly enough: covered.
  f = ForecastRunOut(6, 6, {{{2026, 3, 2}, 2}, {{2026, 3, 4}, 2}, {{2026, 3, 9}, 2}}, today);
  EXPECT_FALSE(f.runs_out_on.has_value());
  EXPECT_FALSE(f.days.has_value());
  // Nothing booked: covered, whatever the stock.
  f = ForecastRunOut(0, 0, {}, today);
  EXPECT_FALSE(f.runs_out_on.has_value());
  // The first upcoming booking already exceeds: its date.
  f = ForecastRunOut(1, 3, {{{2026, 3, 1}, 3}}, today);
  EXPECT_EQ(f.runs_out_on->day, 1u);
  EXPECT_EQ(*f.days, 0);
}

TEST(InventoryRules, ForecastCountsBookingsUnderWayFirst) {
  const LocalDate today{2026, 3, 1};
  // 6 reserved, 2 of them by a booking already started: 5 on hand leaves 3 for the upcoming
  // 2 + 2.
  Forecast f = ForecastRunOut(5, 6, {{{2026, 3, 3}, 2}, {{2026, 3, 5}, 2}}, today);
  EXPECT_EQ(f.runs_out_on->day, 5u);
  EXPECT_EQ(*f.days, 4);
  // Already short for the started ones: today.
  f = ForecastRunOut(1, 3, {}, today);
  EXPECT_EQ(f.runs_out_on->day, 1u);
  EXPECT_EQ(*f.days, 0);
}

}  // namespace
}  // namespace careops::inventory
