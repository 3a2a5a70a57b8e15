#include "forms/form_stats.hpp"

#include <gtest/gtest.h>

#include "booking/bookings_test_fixture.hpp"

namespace careops::forms {
namespace {

using booking::kHour;

class FormStatsTest : public booking::BookingsFixture {
 protected:
  FormStatsTest() {
    form_ = conn_->Insert(
        "INSERT INTO forms (workspace_id, name, fields, created_at, updated_at) "
        "VALUES (?, 'Intake', '[]', 0, 0)",
        {ws_});
  }

  // A request of a new booking `hours_ahead` from now, due at its start.
  std::int64_t AddRequest(Millis due_at, const std::string& status,
                          std::optional<Millis> completed_at = std::nullopt) {
    const std::int64_t booking = InsertBooking(ann_, due_at + 1000 * kHour * ++bookings_).value();
    db::Value completed = completed_at ? db::Value(*completed_at) : db::Value();
    return conn_->Insert(
        "INSERT INTO form_requests (workspace_id, form_id, booking_id, contact_id, status, "
        "due_at, completed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)",
        {ws_, form_, booking, cleo_, status, due_at, completed});
  }

  std::int64_t form_ = 0;
  int bookings_ = 0;
};

TEST_F(FormStatsTest, CountsPendingOverdueAndRecentlyCompleted) {
  const Millis now = clock_.NowMillis();
  AddRequest(now + kHour, "pending");
  AddRequest(now, "pending");  // due exactly now: overdue
  const std::int64_t late = AddRequest(now - 2 * kHour, "pending");
  AddRequest(now - kHour, "completed", now - kHour);
  AddRequest(now - 3 * kHour, "completed", now - 30 * kHour);  // before the window
  AddRequest(now - kHour, "cancelled");

  const FormCounts c = CountForms(*conn_, ws_, now, now - 24 * kHour);
  EXPECT_EQ(c.pending, 1);
  EXPECT_EQ(c.overdue, 2);
  EXPECT_EQ(c.completed, 1);

  const auto overdue = OverdueRequests(*conn_, ws_, now, 10);
  ASSERT_EQ(overdue.size(), 2u);
  EXPECT_EQ(overdue[0].id, late);  // longest overdue first
  EXPECT_EQ(overdue[0].form_name, "Intake");
  EXPECT_EQ(overdue[0].contact_id, cleo_);
  EXPECT_EQ(overdue[0].contact_name, "Cleo Customer");
  EXPECT_EQ(overdue[0].due_at, now - 2 * kHour);
  EXPECT_EQ(OverdueRequests(*conn_, ws_, now, 1).size(), 1u);
}

TEST_F(FormStatsTest, AnotherWorkspaceCountsNothing) {
  AddRequest(clock_.NowMillis() - kHour, "pending");
  const FormCounts c = CountForms(*conn_, ws_ + 1, clock_.NowMillis(), 0);
  EXPECT_EQ(c.pending + c.overdue + c.completed, 0);
  EXPECT_TRUE(OverdueRequests(*conn_, ws_ + 1, clock_.NowMillis(), 10).empty());
}

}  // namespace
}  // namespace careops::forms
