// Wire times: RFC 3339 instants, dates, wall times, and local days across DST changes and
// half-hour offsets.

#include "booking/time_format.hpp"

#include <gtest/gtest.h>

#include "booking/booking_test_fixture.hpp"

namespace careops::booking {
namespace {

using namespace date::literals;

TEST(TimeFormatTest, FormatsInstantsInUtcWholeSeconds) {
  EXPECT_EQ(FormatInstant(Utc(2026_y / 3 / 30, 8)), "2026-03-30T08:00:00Z");
  EXPECT_EQ(FormatInstant(Utc(2026_y / 3 / 30, 8) + 999), "2026-03-30T08:00:00Z");
  EXPECT_EQ(FormatInstant(0), "1970-01-01T00:00:00Z");
}

TEST(TimeFormatTest, ParsesInstantsWithZuluOrOffsetAndFractions) {
  EXPECT_EQ(ParseInstant("2026-03-30T08:00:00Z"), Utc(2026_y / 3 / 30, 8));
  EXPECT_EQ(ParseInstant("2026-03-30T09:00:00+01:00"), Utc(2026_y / 3 / 30, 8));
  EXPECT_EQ(ParseInstant("2026-03-30T03:00:00-05:30"), Utc(2026_y / 3 / 30, 8, 30));
  EXPECT_EQ(ParseInstant("2026-03-30t08:00:00.25z"), Utc(2026_y / 3 / 30, 8) + 250);
  EXPECT_EQ(ParseInstant("2026-03-30T08:00:00.123456Z"), Utc(2026_y / 3 / 30, 8) + 123);
}

TEST(TimeFormatTest, RejectsMalformedInstants) {
  for (const char* bad :
       {"", "2026-03-30", "2026-03-30T08:00Z", "2026-03-30T08:00:00", "2026-02-30T08:00:00Z",
        "2026-03-30T24:00:00Z", "2026-03-30T08:60:00Z", "2026-03-30T08:00:60Z",
        "2026-03-30T08:00:00+1:00", "2026-03-30T08:00:00.Z", "2026-03-30 08:00:00Z",
        "1969-12-31T23:59:59Z", "2026-03-30T08:00:00Zjunk", "+2026-03-30T08:00:00Z",
        "2026-03-30T08:00:00+24:00", "99999-03-30T08:00:00Z"}) {
    EXPECT_FALSE(ParseInstant(bad).has_value()) << bad;
  }
}

TEST(TimeFormatTest, DatesAreRealCalendarDates) {
  const auto d = ParseDate("2028-02-29");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(FormatDate(*d), "2028-02-29");
  for (const char* bad : {"2026-02-29", "2026-13-01", "2026-1-01", "20260101", "2026-01-01x",
                          "0000-01-01", "abcd-ef-gh"}) {
    EXPECT_FALSE(ParseDate(bad).has_value()) << bad;
  }
}

TEST(TimeFormatTest, WallTimesAllow2400OnlyAsAnEnd) {
  EXPECT_EQ(ParseWallTime("09:30", false), 570);
  EXPECT_EQ(ParseWallTime("00:00", false), 0);
  EXPECT_EQ(ParseWallTime("24:00", true), 1440);
  EXPECT_FALSE(ParseWallTime("24:00", false).has_value());
  for (const char* bad : {"9:30", "09:60", "24:01", "25:00", "0930", "09:3a", ""}) {
    EXPECT_FALSE(ParseWallTime(bad, true).has_value()) << bad;
  }
  EXPECT_EQ(FormatWallTime(570), "09:30");
  EXPECT_EQ(FormatWallTime(1440), "24:00");
}

TEST(TimeFormatTest, LocalMidnightFollowsTheZone) {
  EXPECT_EQ(StartOfLocalDay({2026, 1, 15}, "Europe/London").value(), Utc(2026_y / 1 / 15, 0));
  EXPECT_EQ(StartOfLocalDay({2026, 7, 15}, "Europe/London").value(), Utc(2026_y / 7 / 14, 23));
  EXPECT_EQ(StartOfLocalDay({2026, 3, 30}, "Asia/Kolkata").value(), Utc(2026_y / 3 / 29, 18, 30));
  // Santiago springs forward at local midnight: 2026-09-06 begins at 01:00 local (UTC-3).
  EXPECT_EQ(StartOfLocalDay({2026, 9, 6}, "America/Santiago").value(), Utc(2026_y / 9 / 6, 4));
  EXPECT_EQ(StartOfLocalDay({2026, 1, 15}, "Nowhere/City").error().field, "tz");
}

TEST(TimeFormatTest, LocalDateAndMinuteOfAnInstant) {
  const Millis t = Utc(2026_y / 7 / 14, 23, 30);  // 00:30 BST on the 15th
  EXPECT_EQ(FormatDate(LocalDateOf(t, "Europe/London")), "2026-07-15");
  EXPECT_EQ(LocalMinuteOf(t, "Europe/London"), 30);
  EXPECT_EQ(FormatDate(LocalDateOf(t, "UTC")), "2026-07-14");
  EXPECT_EQ(LocalMinuteOf(Utc(2026_y / 3 / 30, 3, 30), "Asia/Kolkata"), 9 * 60);
}

TEST(TimeFormatTest, QueryBoundsTakeInstantsOrLocalDates) {
  EXPECT_EQ(ParseInstantOrDate("2026-07-15", "Europe/London", "from").value(),
            Utc(2026_y / 7 / 14, 23));
  EXPECT_EQ(ParseInstantOrDate("2026-07-15T10:00:00Z", "Europe/London", "from").value(),
            Utc(2026_y / 7 / 15, 10));
  auto bad = ParseInstantOrDate("tomorrow", "Europe/London", "to");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad.error().field, "to");
  EXPECT_EQ(ParseInstantOrDate("2026-07-15", "Bad/Zone", "from").error().field, "tz");
}

TEST(TimeFormatTest, AddDaysCrossesMonthsYearsAndLeapDays) {
  EXPECT_EQ(FormatDate(AddDays({2026, 3, 8}, -29)), "2026-02-07");
  EXPECT_EQ(FormatDate(AddDays({2026, 12, 31}, 1)), "2027-01-01");
  EXPECT_EQ(FormatDate(AddDays({2028, 2, 28}, 1)), "2028-02-29");
  EXPECT_EQ(FormatDate(AddDays({2028, 3, 1}, -1)), "2028-02-29");
  EXPECT_EQ(FormatDate(AddDays({2026, 1, 1}, 0)), "2026-01-01");
}

}  // namespace
}  // namespace careops::booking
