// FindSlots over a real database: who counts as staff, weekly hours, overrides, busy time of
// bookings that hold time (with their buffers), the ignored booking, notice and one member.

#include "booking/slot_finder.hpp"

#include <gtest/gtest.h>

#include "booking/booking_test_fixture.hpp"

namespace careops::booking {
namespace {

using namespace date::literals;

constexpr auto kMonday = 2026_y / 3 / 2;  // GMT in London: local time = UTC

std::vector<Millis> Starts(const std::vector<Slot>& slots) {
  std::vector<Millis> out;
  for (const Slot& s : slots) out.push_back(s.start_utc);
  return out;
}

class SlotFinderTest : public BookingFixture {
 protected:
  std::vector<Slot> Find(const Service& s, SlotQuery q) {
    auto result = FindSlots(*conn_, "Europe/London", s, q, clock_.NowMillis());
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    return result.ok() ? std::move(result).value() : std::vector<Slot>{};
  }
  SlotQuery Monday() const {
    SlotQuery q;
    q.from = Utc(kMonday, 0);
    q.to = Utc(kMonday, 24);
    return q;
  }
};

TEST_F(SlotFinderTest, MergesTheStaffOfEachStart) {
  const Service s = AddService({ann_, bob_});
  AddHours(ann_, 0, 9 * 60, 11 * 60);
  AddHours(bob_, 0, 10 * 60, 12 * 60);
  const auto slots = Find(s, Monday());
  ASSERT_EQ(slots.size(), 3u);
  EXPECT_EQ(slots[0].start_utc, Utc(kMonday, 9));
  EXPECT_EQ(slots[0].staff_ids, (std::vector<std::int64_t>{ann_}));
  EXPECT_EQ(slots[1].staff_ids, (std::vector<std::int64_t>{ann_, bob_}));
  EXPECT_EQ(slots[2].start_utc, Utc(kMonday, 11));
  EXPECT_EQ(slots[2].staff_ids, (std::vector<std::int64_t>{bob_}));
}

TEST_F(SlotFinderTest, OnlyActiveMembersWhoServeTheServiceCount) {
  const Service s = AddService({bob_, carl_});  // Carl is no member
  AddHours(bob_, 0, 9 * 60, 10 * 60);
  AddHours(carl_, 0, 9 * 60, 10 * 60);
  AddHours(ann_, 0, 9 * 60, 10 * 60);  // Ann does not serve it
  auto slots = Find(s, Monday());
  ASSERT_EQ(slots.size(), 1u);
  EXPECT_EQ(slots[0].staff_ids, (std::vector<std::int64_t>{bob_}));

  conn_->Execute("UPDATE workspace_members SET status = 'suspended' WHERE user_id = ?", {bob_});
  EXPECT_TRUE(Find(s, Monday()).empty());
}

TEST_F(SlotFinderTest, OverridesCloseOrReplaceADate) {
  const Service s = AddService({bob_});
  AddHours(bob_, 0, 9 * 60, 11 * 60);
  AddOverride(bob_, "2026-03-02", false, "780-900");  // 13:00–15:00 instead
  EXPECT_EQ(Starts(Find(s, Monday())), (std::vector<Millis>{Utc(kMonday, 13), Utc(kMonday, 14)}));
  conn_->Execute("UPDATE staff_overrides SET closed = 1");
  EXPECT_TRUE(Find(s, Monday()).empty());
}

TEST_F(SlotFinderTest, BookingsThatHoldTimeBlockWithTheirBuffers) {
  const Service s = AddService({bob_}, 0, 30);  // 30 minutes after each appointment
  AddHours(bob_, 0, 9 * 60, 13 * 60);
  const std::int64_t booked = AddBooking(s, bob_, Utc(kMonday, 10));  // busy 10:00–11:30
  AddBooking(s, bob_, Utc(kMonday, 12), "cancelled");                 // holds nothing
  // 09:00 would end its buffer at 10:30 (inside the booking); 11:00 starts inside its buffer.
  EXPECT_EQ(Starts(Find(s, Monday())), (std::vector<Millis>{Utc(kMonday, 12)}));

  SlotQuery moving = Monday();
  moving.ignore_booking_id = booked;
  EXPECT_EQ(Find(s, moving).size(), 4u);
}

TEST_F(SlotFinderTest, NoticeAppliesUnlessTurnedOffAndOneMemberCanBeAsked) {
  const Service s = AddService({ann_, bob_});  // 60 minutes' notice
  AddHours(ann_, 0, 9 * 60, 11 * 60);
  AddHours(bob_, 0, 9 * 60, 11 * 60);
  clock_.Set(Utc(kMonday, 8, 30));
  EXPECT_EQ(Starts(Find(s, Monday())), (std::vector<Millis>{Utc(kMonday, 10)}));

  SlotQuery staff = Monday();
  staff.apply_notice = false;
  staff.staff_id = bob_;
  const auto slots = Find(s, staff);
  ASSERT_EQ(slots.size(), 2u);
  EXPECT_EQ(slots[0].start_utc, Utc(kMonday, 9));
  EXPECT_EQ(slots[0].staff_ids, (std::vector<std::int64_t>{bob_}));

  staff.staff_id = carl_;  // does not serve it
  EXPECT_TRUE(Find(s, staff).empty());
}

TEST_F(SlotFinderTest, AnUnknownZoneIsAnError) {
  const Service s = AddService({bob_});
  auto result = FindSlots(*conn_, "Mars/Olympus", s, Monday(), clock_.NowMillis());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, "timezone");
}

TEST(IntervalsTextTest, RoundTripsAndSkipsMalformedPairs) {
  const auto parsed = ParseIntervals("540-720,780-1020");
  ASSERT_EQ(parsed.size(), 2u);
  EXPECT_EQ(parsed[1].start_minute, 780);
  EXPECT_EQ(parsed[1].end_minute, 1020);
  EXPECT_EQ(FormatIntervals(parsed), "540-720,780-1020");
  EXPECT_EQ(ParseIntervals("x-1,5-,60-120").size(), 1u);
  EXPECT_TRUE(ParseIntervals("").empty());
}

TEST(BookingStatusTest, NamesRoundTrip) {
  for (auto s : {BookingStatus::kPending, BookingStatus::kConfirmed, BookingStatus::kCompleted,
                 BookingStatus::kNoShow, BookingStatus::kCancelled}) {
    EXPECT_EQ(ParseBookingStatus(BookingStatusName(s)), s);
  }
  EXPECT_STREQ(BookingStatusName(BookingStatus::kNoShow), "no_show");
  EXPECT_FALSE(ParseBookingStatus("Confirmed").has_value());
}

}  // namespace
}  // namespace careops::booking
