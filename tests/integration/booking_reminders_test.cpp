// Booking reminders over HTTP with the fake clock (docs/API.md, "Reminders"; PRODUCT.md B6):
// a reminder fires once at T−24 h, moves with its booking, is dropped when the booking is
// cancelled, and fires exactly once when the server was stopped across its due time.

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "jobs/scheduler.hpp"
#include "support/bookings_fixture.hpp"

namespace careops::testing {
namespace {

using nlohmann::json;

constexpr const char* kCustomer = "+14155550142";
constexpr Millis kHour = kHourMs;
constexpr Millis kMonday10 = kJan1 + 4 * kDayMillis + 10 * kHourMs;  // Mon 5 Jan, 10:00 London

class BookingRemindersTest : public BookingsHttpTest {
 protected:
  std::int64_t Book(Millis start) {
    return BookPublic(start, kCustomer)["booking"]["id"].get<std::int64_t>();
  }
  // The scheduler polls at least every 250 ms: this lets it run a few rounds.
  static void LetTheSchedulerRun() { std::this_thread::sleep_for(std::chrono::milliseconds(800)); }

  std::int64_t Reminders(const std::string& status, std::int64_t booking) {
    return SqlInt("SELECT COUNT(*) FROM jobs WHERE kind = 'booking_reminder' AND subject_id = " +
                  std::to_string(booking) + " AND status = '" + status + "'");
  }
  std::size_t RemindersSentTo(const std::string& to) {
    std::size_t n = 0;
    for (const auto& m : twilio_.messages()) {
      if (m.to == to && m.body.find("a reminder of") != std::string::npos) ++n;
    }
    return n;
  }
};

TEST_F(BookingRemindersTest, FiresOnceAtItsDueTimeAndNotBefore) {
  const std::int64_t id = Book(kMonday10);
  ASSERT_EQ(SentTo(kCustomer, 1).size(), 1u);  // the confirmation
  EXPECT_EQ(Reminders("pending", id), 1);

  clock().Set(kMonday10 - 24 * kHour - 1'000);
  LetTheSchedulerRun();
  EXPECT_EQ(Reminders("pending", id), 1);
  EXPECT_EQ(SentTo(kCustomer, 1).size(), 1u);

  clock().Set(kMonday10 - 24 * kHour);
  const auto sent = SentTo(kCustomer, 2);
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_NE(sent[1].body.find("Reply C to confirm or X to cancel"), std::string::npos)
      << sent[1].body;
  EXPECT_EQ(sent[1].body.find("CANCEL"), std::string::npos) << sent[1].body;
  EXPECT_NE(sent[1].body.find("/b#token="), std::string::npos) << sent[1].body;

  clock().Advance(kHour);
  LetTheSchedulerRun();
  EXPECT_EQ(RemindersSentTo(kCustomer), 1u);  // once
  EXPECT_EQ(SentTo(kCustomer, 1).size(), 2u);
  EXPECT_EQ(Reminders("done", id), 1);
  const json booking = GetBooking(id);
  ASSERT_EQ(booking["reminders"].size(), 1u);
  EXPECT_EQ(booking["reminders"][0]["status"], "done");
}

TEST_F(BookingRemindersTest, ARescheduleMovesTheReminder) {
  const std::int64_t id = Book(kMonday10);
  auto moved = As(ann_, "PATCH", Ws("/bookings/" + std::to_string(id)),
                  json{{"start", Rfc3339(kMonday10 + 24 * kHour)}}.dump());
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.Json()["start"], Rfc3339(kMonday10 + 24 * kHour));

  // The old due time passes: nothing.
  clock().Set(kMonday10 - 24 * kHour + kHour);
  LetTheSchedulerRun();
  EXPECT_EQ(RemindersSentTo(kCustomer), 0u);
  // The new one: the reminder.
  clock().Set(kMonday10 + kHour);
  for (int i = 0; i < 400 && RemindersSentTo(kCustomer) == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  EXPECT_EQ(RemindersSentTo(kCustomer), 1u);
  LetTheSchedulerRun();
  EXPECT_EQ(RemindersSentTo(kCustomer), 1u);
}

TEST_F(BookingRemindersTest, ACancelDropsTheReminder) {
  const std::int64_t id = Book(kMonday10);
  auto cancelled = As(ann_, "PATCH", Ws("/bookings/" + std::to_string(id)),
                      json{{"status", "cancelled"}}.dump());
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(Reminders("cancelled", id), 1);
  EXPECT_EQ(Reminders("pending", id), 0);

  clock().Set(kMonday10 - kHour);
  LetTheSchedulerRun();
  EXPECT_EQ(RemindersSentTo(kCustomer), 0u);
}

TEST_F(BookingRemindersTest, FiresExactlyOnceWhenTheServerWasDownAtItsDueTime) {
  const std::int64_t id = Book(kMonday10);
  ASSERT_EQ(SentTo(kCustomer, 1).size(), 1u);
  server_->Stop();
  clock().Set(kMonday10 - 24 * kHour + 2 * kHour);  // the due time passes while it is down
  server_->Restart();

  for (int i = 0; i < 400 && RemindersSentTo(kCustomer) == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  EXPECT_EQ(RemindersSentTo(kCustomer), 1u);
  LetTheSchedulerRun();
  EXPECT_EQ(RemindersSentTo(kCustomer), 1u);
  EXPECT_EQ(Reminders("done", id), 1);

  // And once more across a second restart: nothing new.
  server_->Stop();
  server_->Restart();
  LetTheSchedulerRun();
  EXPECT_EQ(RemindersSentTo(kCustomer), 1u);
}

TEST_F(BookingRemindersTest, AutomationPausedSkipsTheReminderButNotTheConfirmation) {
  const std::int64_t id = Book(kMonday10);
  ASSERT_EQ(SentTo(kCustomer, 1).size(), 1u);  // the confirmation is always sent
  const std::int64_t conversation = GetBooking(id)["conversation_id"].get<std::int64_t>();
  auto paused = As(ann_, "PATCH", Ws("/conversations/" + std::to_string(conversation)),
                   json{{"automation_paused", true}}.dump());
  ASSERT_EQ(paused.status, 200) << paused.body;

  clock().Set(kMonday10 - 24 * kHour);
  for (int i = 0; i < 400 && Reminders("skipped", id) == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  EXPECT_EQ(Reminders("skipped", id), 1);
  EXPECT_EQ(RemindersSentTo(kCustomer), 0u);
}

}  // namespace
}  // namespace careops::testing
