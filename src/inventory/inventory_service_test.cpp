// The inventory against a real SQLite database: items and the ledger, adjustments, usage, the
// booking observer (called directly, as BookingService calls it inside its transaction), the
// low-stock alert's state machine and messages, the forecast in local dates and the
// onboarding step.

#include "inventory/inventory_service.hpp"

#include <gtest/gtest.h>

#include "booking/booking_repository.hpp"
#include "booking/booking_test_fixture.hpp"
#include "core/crypto.hpp"
#include "core/random.hpp"
#include "http/event_hub.hpp"
#include "inventory/booking_stock.hpp"
#include "inventory/inventory_repository.hpp"
#include "inventory/inventory_stats.hpp"
#include "inventory/inventory_step.hpp"
#include "inventory/low_stock_alert.hpp"
#include "messaging/outbox.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::inventory {
namespace {

using booking::BookingStatus;

class InventoryServiceTest : public booking::BookingFixture {
 protected:
  InventoryServiceTest()
      : key_((InitCrypto(), std::string(64, 'k'))),
        outbox_(clock_, key_, [this] { ++wakes_; }),
        service_(clock_, outbox_, events_) {
    service = AddService({ann_});
  }

  std::int64_t NewItem(const std::string& name, std::int64_t on_hand, std::int64_t threshold) {
    ItemFields f;
    f.name = name;
    f.on_hand = on_hand;
    f.low_stock_threshold = threshold;
    auto created = service_.Create(*conn_, ws_, ann_, f);
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? created->item.id : 0;
  }

  Item ItemOf(std::int64_t id) { return service_.Get(*conn_, ws_, id).value().item; }

  // The ledger's sums for `item`: (on hand, reserved).
  std::pair<std::int64_t, std::int64_t> Sums(std::int64_t item) {
    auto r = conn_->QueryOne(
        "SELECT IFNULL(SUM(on_hand_delta), 0), IFNULL(SUM(reserved_delta), 0) FROM "
        "inventory_ledger WHERE item_id = ?",
        {item});
    return {r->Int(0), r->Int(1)};
  }

  void ExpectLedgerMatches(std::int64_t item) {
    const Item i = ItemOf(item);
    EXPECT_EQ(Sums(item), std::make_pair(i.on_hand, i.reserved)) << "item " << item;
  }

  // Writes `status` to the booking and tells the observer, as BookingService does.
  void Transition(std::int64_t booking_id, std::optional<BookingStatus> before, BookingStatus after,
                  std::optional<std::int64_t> author = std::nullopt) {
    conn_->Execute("UPDATE bookings SET status = ? WHERE id = ?",
                   {std::string(booking::BookingStatusName(after)), booking_id});
    booking::Booking b = booking::BookingRepository(*conn_).Find(ws_, booking_id)->booking;
    std::optional<booking::Booking> prior;
    if (before) {
      prior = b;
      prior->status = *before;
    }
    const auto w = workspaces::WorkspaceRepository(*conn_).FindById(ws_).value();
    db::Transaction tx(*conn_);
    booking::BookingChangeContext ctx{*conn_, w, prior, b, author, clock_.NowMillis()};
    ApplyBookingChange(outbox_, ctx);
    tx.Commit();
    for (auto& f : ctx.after_commit) f();
  }

  // A booking of the service, created `status` and observed.
  std::int64_t Book(Millis start, BookingStatus status = BookingStatus::kConfirmed) {
    const std::int64_t id = AddBooking(service, ann_, start, booking::BookingStatusName(status));
    Transition(id, std::nullopt, status, ann_);
    return id;
  }

  std::int64_t Alerts() {
    return conn_->QueryOne("SELECT COUNT(*) FROM messages WHERE kind = 'low_stock_alert'")->Int(0);
  }

  SecretKey key_;
  http::EventHub events_;
  int wakes_ = 0;
  messaging::Outbox outbox_;
  InventoryService service_;
  booking::Service service;
};

TEST_F(InventoryServiceTest, CreateRestockAndAdjustKeepTheLedgerEqualToTheColumns) {
  const std::int64_t gloves = NewItem("  Gloves ", 10, 2);
  Item i = ItemOf(gloves);
  EXPECT_EQ(i.name, "Gloves");
  EXPECT_EQ(i.unit, "pcs");
  EXPECT_EQ(i.on_hand, 10);
  EXPECT_FALSE(i.low_since.has_value());
  ASSERT_TRUE(service_.Adjust(*conn_, ws_, bob_, gloves, {"restock", 5, ""}).ok());
  ASSERT_TRUE(service_.Adjust(*conn_, ws_, ann_, gloves, {"adjustment", -3, "torn box"}).ok());
  i = ItemOf(gloves);
  EXPECT_EQ(i.on_hand, 12);
  ExpectLedgerMatches(gloves);

  auto page = service_.Ledger(*conn_, ws_, gloves, "", 2).value();
  ASSERT_EQ(page.entries.size(), 2u);
  EXPECT_EQ(page.entries[0].kind, LedgerKind::kAdjustment);
  EXPECT_EQ(page.entries[0].reason, "torn box");
  EXPECT_EQ(page.entries[0].author_name, "Ann Owner");
  EXPECT_EQ(page.entries[1].kind, LedgerKind::kRestock);
  EXPECT_EQ(page.entries[1].author_name, "Bob Staff");
  ASSERT_TRUE(page.next_cursor.has_value());
  auto last = service_.Ledger(*conn_, ws_, gloves, *page.next_cursor, 2).value();
  ASSERT_EQ(last.entries.size(), 1u);
  EXPECT_EQ(last.entries[0].kind, LedgerKind::kInitial);
  EXPECT_EQ(last.entries[0].on_hand_delta, 10);
  EXPECT_FALSE(last.next_cursor.has_value());
  EXPECT_EQ(service_.Ledger(*conn_, ws_, gloves, "abc", 2).error().field, "cursor");
  EXPECT_EQ(service_.Ledger(*conn_, ws_, gloves, "", 0).error().field, "limit");

  // Refused changes write nothing.
  EXPECT_EQ(service_.Adjust(*conn_, ws_, ann_, gloves, {"adjustment", -13, "x"}).error().field,
            "quantity");
  EXPECT_EQ(service_.Adjust(*conn_, ws_, ann_, gloves, {"adjustment", -1, ""}).error().field,
            "reason");
  EXPECT_EQ(ItemOf(gloves).on_hand, 12);
  ExpectLedgerMatches(gloves);
  EXPECT_EQ(service_.Adjust(*conn_, ws_ + 100, ann_, gloves, {"restock", 1, ""}).error().code,
            ErrorCode::kNotFound);
}

TEST_F(InventoryServiceTest, BookingsReserveOnceReleaseAndConsumeWhatTheyHold) {
  const std::int64_t gloves = NewItem("Gloves", 20, 0);
  ASSERT_TRUE(service_.PutUsage(*conn_, ws_, service.id, {{gloves, 2}}).ok());
  const Millis day = booking::Utc(date::year{2026} / 3 / 10, 10);

  const std::int64_t kept = Book(day);
  EXPECT_EQ(ItemOf(gloves).reserved, 2);
  // A confirmed booking told again (moved, or an approval seen twice) reserves nothing more.
  Transition(kept, BookingStatus::kPending, BookingStatus::kConfirmed);
  EXPECT_EQ(ItemOf(gloves).reserved, 2);

  // Pending bookings hold nothing until approved.
  const std::int64_t pending = Book(day + 2 * 3'600'000, BookingStatus::kPending);
  EXPECT_EQ(ItemOf(gloves).reserved, 2);
  Transition(pending, BookingStatus::kPending, BookingStatus::kConfirmed, ann_);
  EXPECT_EQ(ItemOf(gloves).reserved, 4);

  // The usage changes: bookings keep what they reserved.
  ASSERT_TRUE(service_.PutUsage(*conn_, ws_, service.id, {{gloves, 5}}).ok());
  Transition(pending, BookingStatus::kConfirmed, BookingStatus::kCancelled);
  EXPECT_EQ(ItemOf(gloves).reserved, 2);
  // Cancelled twice releases nothing more.
  Transition(pending, BookingStatus::kConfirmed, BookingStatus::kCancelled);
  EXPECT_EQ(ItemOf(gloves).reserved, 2);

  Transition(kept, BookingStatus::kConfirmed, BookingStatus::kCompleted, ann_);
  Item i = ItemOf(gloves);
  EXPECT_EQ(i.reserved, 0);
  EXPECT_EQ(i.on_hand, 18);
  EXPECT_EQ(i.consumed, 2);

  const std::int64_t missed = Book(day + 4 * 3'600'000);
  EXPECT_EQ(ItemOf(gloves).reserved, 5);
  Transition(missed, BookingStatus::kConfirmed, BookingStatus::kNoShow);
  i = ItemOf(gloves);
  EXPECT_EQ(i.reserved, 0);
  EXPECT_EQ(i.on_hand, 18);
  ExpectLedgerMatches(gloves);

  const auto rows = conn_->Query(
      "SELECT kind, reserved_delta, on_hand_delta, booking_id FROM inventory_ledger WHERE "
      "item_id = ? AND booking_id = ? ORDER BY id",
      {gloves, kept});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].Text(0), "reserve");
  EXPECT_EQ(rows[1].Text(0), "consume");
  EXPECT_EQ(rows[1].Int(1), -2);
  EXPECT_EQ(rows[1].Int(2), -2);
}

TEST_F(InventoryServiceTest, OneAlertPerCrossingToOwnerAndActiveManagers) {
  // Bob becomes a manager; Carl a suspended manager; staff never hear.
  conn_->Execute("UPDATE workspace_members SET role = 'manager' WHERE user_id = ?", {bob_});
  workspaces::WorkspaceRepository(*conn_).AddMember(
      ws_, carl_, workspaces::Role::kManager, workspaces::Permissions::All(), clock_.NowMillis());
  conn_->Execute("UPDATE workspace_members SET status = 'suspended' WHERE user_id = ?", {carl_});

  const std::int64_t wax = NewItem("Wax", 6, 2);
  ASSERT_TRUE(service_.PutUsage(*conn_, ws_, service.id, {{wax, 2}}).ok());
  const Millis day = booking::Utc(date::year{2026} / 3 / 10, 9);
  Book(day);  // available 4
  EXPECT_EQ(Alerts(), 0);
  Book(day + 3'600'000);  // available 2: low
  EXPECT_TRUE(ItemOf(wax).low_since.has_value());
  const auto to = conn_->Query(
      "SELECT to_address, channel, workspace_id, subject FROM messages WHERE kind = "
      "'low_stock_alert' ORDER BY to_address");
  ASSERT_EQ(to.size(), 2u);
  EXPECT_EQ(to[0].Text(0), "ann@example.com");
  EXPECT_EQ(to[1].Text(0), "bob@example.com");
  EXPECT_EQ(to[0].Text(1), "email");
  EXPECT_EQ(to[0].Int(2), ws_);
  EXPECT_NE(to[0].Text(3).find("Wax"), std::string::npos);
  EXPECT_GT(wakes_, 0);

  Book(day + 2 * 3'600'000);  // available 0, still low: nothing more
  Book(day + 3 * 3'600'000);  // -2
  EXPECT_EQ(Alerts(), 2);

  ASSERT_TRUE(service_.Adjust(*conn_, ws_, ann_, wax, {"restock", 10, "delivery"}).ok());
  EXPECT_FALSE(ItemOf(wax).low_since.has_value());  // 8 available
  // A later fall raises a new alert.
  ASSERT_TRUE(service_.Adjust(*conn_, ws_, ann_, wax, {"adjustment", -6, "spilt"}).ok());
  EXPECT_TRUE(ItemOf(wax).low_since.has_value());
  EXPECT_EQ(Alerts(), 4);
}

TEST_F(InventoryServiceTest, RuleOffRecordsTheAlertWithoutMessages) {
  conn_->Execute(
      "INSERT INTO automation_settings (workspace_id, rule, enabled, updated_at) "
      "VALUES (?, 'low_stock_alert', 0, 0)",
      {ws_});
  const std::int64_t wax = NewItem("Wax", 3, 1);
  ASSERT_TRUE(service_.Adjust(*conn_, ws_, ann_, wax, {"adjustment", -2, "count"}).ok());
  EXPECT_TRUE(ItemOf(wax).low_since.has_value());
  EXPECT_EQ(Alerts(), 0);
  ASSERT_EQ(LowStockItems(*conn_, ws_, "Europe/London", clock_.NowMillis()).size(), 1u);
}

TEST_F(InventoryServiceTest, CreatedLowIsRecordedQuietlyAndThresholdChangesSettleIt) {
  const std::int64_t empty = NewItem("Empty", 0, 0);
  EXPECT_TRUE(ItemOf(empty).low_since.has_value());
  EXPECT_EQ(Alerts(), 0);
  const std::int64_t pads = NewItem("Pads", 5, 1);
  ItemFields raise;
  raise.low_stock_threshold = 5;
  ASSERT_TRUE(service_.Update(*conn_, ws_, pads, raise).ok());
  EXPECT_TRUE(ItemOf(pads).low_since.has_value());
  EXPECT_EQ(Alerts(), 1);  // Ann, the owner (Bob is staff)
}

TEST_F(InventoryServiceTest, ForecastDatesInTheWorkspaceZone) {
  conn_->Execute("UPDATE workspaces SET timezone = 'America/Los_Angeles' WHERE id = ?", {ws_});
  // Now: 2026-03-01T00:00Z = 28 February, 16:00 in Los Angeles.
  const std::int64_t oil = NewItem("Oil", 5, 0);
  ASSERT_TRUE(service_.PutUsage(*conn_, ws_, service.id, {{oil, 2}}).ok());
  Book(booking::Utc(date::year{2026} / 3 / 1, 20));  // 1 March local
  Book(booking::Utc(date::year{2026} / 3 / 2, 20));  // 2 March local: 4 of 5
  EXPECT_FALSE(ItemOf(oil).low_since.has_value());
  EXPECT_FALSE(service_.Get(*conn_, ws_, oil)->forecast.runs_out_on.has_value());
  // 3 March 05:00 UTC is still 2 March in Los Angeles: runs short that local day.
  Book(booking::Utc(date::year{2026} / 3 / 3, 5));
  const Forecast f = service_.Get(*conn_, ws_, oil)->forecast;
  ASSERT_TRUE(f.runs_out_on.has_value());
  EXPECT_EQ(f.runs_out_on->month, 3u);
  EXPECT_EQ(f.runs_out_on->day, 2u);
  EXPECT_EQ(*f.days, 2);

  const auto low = LowStockItems(*conn_, ws_, "America/Los_Angeles", clock_.NowMillis());
  ASSERT_EQ(low.size(), 1u);
  EXPECT_EQ(low[0].id, oil);
  EXPECT_EQ(low[0].available, -1);
  EXPECT_EQ(low[0].threshold, 0);
  EXPECT_EQ(low[0].forecast.days, 2);
}

TEST_F(InventoryServiceTest, UsageIsCheckedAndTheOnboardingStepFollowsIt) {
  const auto w = workspaces::WorkspaceRepository(*conn_).FindById(ws_).value();
  EXPECT_FALSE(InventoryStep(*conn_, w).done);
  const std::int64_t gloves = NewItem("Gloves", 1, 0);
  EXPECT_FALSE(InventoryStep(*conn_, w).done);
  EXPECT_EQ(service_.PutUsage(*conn_, ws_, service.id, {{gloves, 0}}).error().field, "usage");
  EXPECT_EQ(service_.PutUsage(*conn_, ws_, service.id, {{gloves, 1}, {gloves, 2}}).error().field,
            "usage");
  EXPECT_EQ(service_.PutUsage(*conn_, ws_, service.id, {{gloves + 99, 1}}).error().field, "usage");
  EXPECT_EQ(service_.PutUsage(*conn_, ws_, service.id + 99, {}).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(service_.PutUsage(*conn_, ws_, service.id, {{gloves, 3}}).ok());
  EXPECT_TRUE(InventoryStep(*conn_, w).done);
  const auto usage = service_.GetUsage(*conn_, ws_, service.id).value();
  ASSERT_EQ(usage.size(), 1u);
  EXPECT_EQ(usage[0].quantity, 3);
  // Archived (its stock moved): the step is undone, and archived items cannot be added to a
  // service.
  ASSERT_TRUE(service_.Adjust(*conn_, ws_, ann_, gloves, {"restock", 1, ""}).ok());
  ASSERT_TRUE(service_.Delete(*conn_, ws_, gloves).ok());
  EXPECT_TRUE(InventoryRepository(*conn_).Find(ws_, gloves).has_value()) << "archived, not deleted";
  EXPECT_FALSE(InventoryStep(*conn_, w).done);
  EXPECT_EQ(service_.PutUsage(*conn_, ws_, service.id, {{gloves, 1}}).error().field, "usage");
  // Nothing moved but its initial stock: deleted.
  const std::int64_t spare = NewItem("Spare", 4, 0);
  ASSERT_TRUE(service_.Delete(*conn_, ws_, spare).ok());
  EXPECT_FALSE(InventoryRepository(*conn_).Find(ws_, spare).has_value());
}

TEST(LowStockAlert, EmailFirstElseVerifiedPhone) {
  EXPECT_EQ(ChooseAddress(1, "a@b.c", "+14155550100", true)->channel, messaging::Channel::kEmail);
  const auto sms = ChooseAddress(1, "", "+14155550100", true);
  ASSERT_TRUE(sms.has_value());
  EXPECT_EQ(sms->channel, messaging::Channel::kSms);
  EXPECT_EQ(sms->address, "+14155550100");
  EXPECT_FALSE(ChooseAddress(1, "", "+14155550100", false).has_value());
  EXPECT_FALSE(ChooseAddress(1, "", std::nullopt, true).has_value());
}

}  // namespace
}  // namespace careops::inventory
