// The bookings table through its repository: the database's own no-overlap guarantee,
// workspace scoping, keyset pages and the next upcoming booking of a contact.

#include "booking/booking_repository.hpp"

#include <gtest/gtest.h>

#include "booking/bookings_test_fixture.hpp"

namespace careops::booking {
namespace {

class BookingRepositoryTest : public BookingsFixture {};

constexpr Millis kTuesday10Utc = kMonday0800Utc + kDayMs + 2 * kHour;

TEST_F(BookingRepositoryTest, InsertsAndFindsWithWhatPagesShow) {
  auto id = InsertBooking(sam_, kTuesday10Utc);
  ASSERT_TRUE(id.ok());
  BookingRepository repo(*conn_);
  auto found = repo.Find(ws_, *id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->booking.staff_id, sam_);
  EXPECT_EQ(found->booking.status, BookingStatus::kConfirmed);
  EXPECT_EQ(found->booking.end_at, kTuesday10Utc + kHour);
  EXPECT_EQ(found->booking.created_at, clock_.NowMillis());
  EXPECT_EQ(found->service_name, "Haircut");
  EXPECT_EQ(found->service_duration_minutes, 60);
  EXPECT_EQ(found->staff_name, "Sam Staff");
  EXPECT_EQ(found->contact_name, "Cleo Customer");
  EXPECT_EQ(found->contact_phone, "+14155550101");
  EXPECT_FALSE(found->conversation_id);
  EXPECT_TRUE(repo.FindAnyWorkspace(*id));
}

TEST_F(BookingRepositoryTest, AnotherWorkspaceNeverSeesIt) {
  auto id = InsertBooking(sam_, kTuesday10Utc);
  ASSERT_TRUE(id.ok());
  BookingRepository repo(*conn_);
  EXPECT_FALSE(repo.Find(ws_ + 1, *id));
  EXPECT_TRUE(repo.List(ws_ + 1, {}).empty());
  Booking b = repo.Find(ws_, *id)->booking;
  b.workspace_id = ws_ + 1;
  b.notes = "changed";
  ASSERT_TRUE(repo.Update(b, clock_.NowMillis()).ok());
  EXPECT_EQ(repo.Find(ws_, *id)->booking.notes, "");
}

TEST_F(BookingRepositoryTest, TheDatabaseRefusesOverlappingTimeOfOneStaffMember) {
  ASSERT_TRUE(InsertBooking(sam_, kTuesday10Utc).ok());
  auto overlap = InsertBooking(sam_, kTuesday10Utc + 30 * 60'000);
  ASSERT_FALSE(overlap.ok());
  EXPECT_EQ(overlap.error().code, ErrorCode::kConflict);
  EXPECT_EQ(overlap.error().field, "start");
  // Touching is fine, so is another staff member, so is a booking that holds no time.
  EXPECT_TRUE(InsertBooking(sam_, kTuesday10Utc + kHour).ok());
  EXPECT_TRUE(InsertBooking(ann_, kTuesday10Utc).ok());
  EXPECT_TRUE(InsertBooking(sam_, kTuesday10Utc, 60, BookingStatus::kCancelled).ok());
}

TEST_F(BookingRepositoryTest, TheLongestBookingStillBlocksTheNextDayAndLongerIsRefused) {
  // A day-long booking (the longest a service allows) overlaps one starting 23 hours later:
  // the bounded look-back of the triggers (two days) still sees it.
  ASSERT_TRUE(InsertBooking(sam_, kTuesday10Utc, 1440).ok());
  auto overlap = InsertBooking(sam_, kTuesday10Utc + 23 * kHour);
  ASSERT_FALSE(overlap.ok());
  EXPECT_EQ(overlap.error().field, "start");
  EXPECT_TRUE(InsertBooking(sam_, kTuesday10Utc + 24 * kHour).ok());
  // Busy time beyond two days would escape that bound: the database refuses it.
  EXPECT_THROW((void)InsertBooking(ann_, kTuesday10Utc, 2 * 1440 + 1), db::DbError);
}

TEST_F(BookingRepositoryTest, UpdateIsRefusedIntoTakenTimeAndFreesTimeWhenCancelled) {
  auto first = InsertBooking(sam_, kTuesday10Utc);
  auto second = InsertBooking(sam_, kTuesday10Utc + 2 * kHour);
  ASSERT_TRUE(first.ok() && second.ok());
  BookingRepository repo(*conn_);
  Booking moved = repo.Find(ws_, *second)->booking;
  moved.start_at = kTuesday10Utc + 30 * 60'000;
  moved.end_at = moved.start_at + kHour;
  moved.busy_from = moved.start_at;
  moved.busy_until = moved.end_at;
  auto refused = repo.Update(moved, clock_.NowMillis());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "start");

  Booking cancelled = repo.Find(ws_, *first)->booking;
  cancelled.status = BookingStatus::kCancelled;
  cancelled.cancelled_at = clock_.NowMillis();
  cancelled.cancelled_by = "staff";
  ASSERT_TRUE(repo.Update(cancelled, clock_.NowMillis()).ok());
  EXPECT_TRUE(repo.Update(moved, clock_.NowMillis()).ok());
  EXPECT_EQ(repo.Find(ws_, *first)->booking.cancelled_by, "staff");
  // A booking moved within its own time is not in its own way.
  moved.start_at += 15 * 60'000;
  moved.end_at += 15 * 60'000;
  moved.busy_until = moved.end_at;
  EXPECT_TRUE(repo.Update(moved, clock_.NowMillis()).ok());
}

TEST_F(BookingRepositoryTest, ListsPageByStartThenIdWithFilters) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 5; ++i) {
    ids.push_back(InsertBooking(i % 2 == 0 ? sam_ : ann_, kTuesday10Utc + i * kHour).value());
  }
  BookingRepository repo(*conn_);
  BookingFilter f;
  f.limit = 2;
  std::vector<std::int64_t> seen;
  for (int page = 0; page < 5; ++page) {
    auto rows = repo.List(ws_, f);
    for (const auto& r : rows) seen.push_back(r.booking.id);
    if (rows.size() < 2) break;
    f.after = std::pair(rows.back().booking.start_at, rows.back().booking.id);
  }
  EXPECT_EQ(seen, ids);

  BookingFilter sams;
  sams.staff_id = sam_;
  EXPECT_EQ(repo.List(ws_, sams).size(), 3u);
  BookingFilter window;
  window.from = kTuesday10Utc + kHour;
  window.to = kTuesday10Utc + 3 * kHour;
  auto in_window = repo.List(ws_, window);
  ASSERT_EQ(in_window.size(), 2u);
  EXPECT_EQ(in_window[0].booking.id, ids[1]);
  BookingFilter cancelled;
  cancelled.statuses = {BookingStatus::kCancelled, BookingStatus::kNoShow};
  EXPECT_TRUE(repo.List(ws_, cancelled).empty());
  BookingFilter other_contact;
  other_contact.contact_id = cleo_ + 100;
  EXPECT_TRUE(repo.List(ws_, other_contact).empty());
}

TEST_F(BookingRepositoryTest, NextUpcomingSkipsThePastAndWhatHoldsNoTime) {
  BookingRepository repo(*conn_);
  EXPECT_FALSE(repo.NextUpcoming(ws_, cleo_, clock_.NowMillis()));
  ASSERT_TRUE(InsertBooking(sam_, kMonday0800Utc - kHour).ok());  // already over
  ASSERT_TRUE(InsertBooking(sam_, kTuesday10Utc, 60, BookingStatus::kCancelled).ok());
  auto later = InsertBooking(sam_, kTuesday10Utc + 3 * kHour);
  auto sooner = InsertBooking(ann_, kTuesday10Utc, 60, BookingStatus::kPending);
  ASSERT_TRUE(later.ok() && sooner.ok());
  auto next = repo.NextUpcoming(ws_, cleo_, clock_.NowMillis());
  ASSERT_TRUE(next);
  EXPECT_EQ(next->booking.id, *sooner);
  EXPECT_FALSE(repo.NextUpcoming(ws_ + 1, cleo_, clock_.NowMillis()));
}

}  // namespace
}  // namespace careops::booking
