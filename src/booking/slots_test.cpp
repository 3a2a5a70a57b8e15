// The slot engine: working hours minus busy time, buffers, notice and horizon, overrides,
// several staff merged, and local wall time across DST changes and half-hour offsets.

#include "booking/slots.hpp"

#include <date/date.h>
#include <gtest/gtest.h>

#include <string>

namespace careops::booking {
namespace {

using namespace date::literals;

// UTC instant of a calendar date and time.
Millis Utc(date::year_month_day ymd, int hour, int minute = 0) {
  const auto t = date::sys_days{ymd} + std::chrono::hours{hour} + std::chrono::minutes{minute};
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

WeeklyHours EveryDay(int start_minute, int end_minute) {
  WeeklyHours h;
  for (auto& day : h.days) day = {{start_minute, end_minute}};
  return h;
}

ServiceRules Hourly() {
  ServiceRules r;
  r.duration_minutes = 60;
  r.slot_interval_minutes = 60;
  r.horizon_days = 365;
  return r;
}

std::vector<Millis> Starts(const std::vector<Slot>& slots) {
  std::vector<Millis> out;
  for (const Slot& s : slots) out.push_back(s.start_utc);
  return out;
}

// A fixed "now" well before the dates queried, so notice and horizon do not interfere.
const Millis kNow = Utc(2026_y / 1 / 1, 0);

std::vector<Slot> Compute(std::string_view zone, const ServiceRules& rules,
                          const std::vector<StaffAvailability>& staff, Millis from, Millis to,
                          Millis now = kNow) {
  auto result = ComputeSlots(zone, rules, staff, now, from, to);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.ok() ? std::move(result).value() : std::vector<Slot>{};
}

TEST(SlotsTest, BasicDayOffersEachHourOfTheWorkingDay) {
  StaffAvailability ann{7, {}, {}, {}};
  ann.hours.days[2] = {{540, 1020}};  // Wednesday 09:00–17:00
  const auto slots =
      Compute("UTC", Hourly(), {ann}, Utc(2026_y / 12 / 1, 0), Utc(2026_y / 12 / 4, 0));
  ASSERT_EQ(slots.size(), 8u);
  for (int i = 0; i < 8; ++i) {
    EXPECT_EQ(slots[i].start_utc, Utc(2026_y / 12 / 2, 9 + i));
    EXPECT_EQ(slots[i].end_utc, Utc(2026_y / 12 / 2, 10 + i));
    EXPECT_EQ(slots[i].staff_ids, std::vector<std::int64_t>{7});
  }
}

TEST(SlotsTest, StartsAlignToTheIntervalFromTheStartOfEachWorkingInterval) {
  ServiceRules rules = Hourly();
  rules.duration_minutes = 45;
  rules.slot_interval_minutes = 30;
  StaffAvailability ann{1, EveryDay(555, 720), {}, {}};  // 09:15–12:00
  const auto d = 2026_y / 6 / 10;
  const auto slots = Compute("UTC", rules, {ann}, Utc(d, 0), Utc(d, 23));
  EXPECT_EQ(Starts(slots), (std::vector<Millis>{Utc(d, 9, 15), Utc(d, 9, 45), Utc(d, 10, 15),
                                                Utc(d, 10, 45), Utc(d, 11, 15)}));
}

TEST(SlotsTest, TouchingIntervalsJoinSoASlotMaySpanThem) {
  StaffAvailability ann{1, EveryDay(540, 600), {}, {}};
  for (auto& day : ann.hours.days) day.push_back({600, 660});  // 09–10 and 10–11
  ServiceRules rules = Hourly();
  rules.duration_minutes = 120;
  const auto d = 2026_y / 6 / 10;
  EXPECT_EQ(Starts(Compute("UTC", rules, {ann}, Utc(d, 0), Utc(d, 23))),
            std::vector<Millis>{Utc(d, 9)});
}

TEST(SlotsTest, BuffersMustNotOverlapBusyTimeButMayLeaveWorkingHours) {
  const auto d = 2026_y / 6 / 10;
  StaffAvailability ann{1, EveryDay(540, 1020), {}, {{Utc(d, 12), Utc(d, 13)}}};
  ServiceRules rules = Hourly();
  rules.buffer_before_minutes = 30;
  rules.buffer_after_minutes = 15;
  // 11:00 ends where busy starts, but its 15 minutes after touch it; 13:00 needs 12:30 free.
  EXPECT_EQ(Starts(Compute("UTC", rules, {ann}, Utc(d, 0), Utc(d, 23))),
            (std::vector<Millis>{Utc(d, 9), Utc(d, 10), Utc(d, 14), Utc(d, 15), Utc(d, 16)}));
  rules.buffer_before_minutes = 0;
  rules.buffer_after_minutes = 0;
  EXPECT_EQ(Compute("UTC", rules, {ann}, Utc(d, 0), Utc(d, 23)).size(), 7u);
}

TEST(SlotsTest, MinNoticeDropsStartsTooSoon) {
  const auto d = 2026_y / 6 / 10;
  ServiceRules rules = Hourly();
  rules.min_notice_minutes = 60;
  StaffAvailability ann{1, EveryDay(540, 1020), {}, {}};
  const auto slots = Compute("UTC", rules, {ann}, Utc(d, 0), Utc(d, 23), Utc(d, 10, 20));
  ASSERT_FALSE(slots.empty());
  EXPECT_EQ(slots.front().start_utc, Utc(d, 12));
  EXPECT_EQ(slots.size(), 5u);
}

TEST(SlotsTest, HorizonEndsTheOffer) {
  ServiceRules rules = Hourly();
  rules.horizon_days = 2;
  StaffAvailability ann{1, EveryDay(540, 1020), {}, {}};
  const Millis now = Utc(2026_y / 6 / 10, 12);
  const auto slots = Compute("UTC", rules, {ann}, now, Utc(2026_y / 6 / 30, 0), now);
  ASSERT_FALSE(slots.empty());
  EXPECT_EQ(slots.front().start_utc, Utc(2026_y / 6 / 10, 12));
  EXPECT_EQ(slots.back().start_utc, Utc(2026_y / 6 / 12, 11)) << "start < now + 48h";
  EXPECT_EQ(slots.size(), 5u + 8u + 3u);
}

TEST(SlotsTest, QueryWindowBoundsStartsHalfOpen) {
  StaffAvailability ann{1, EveryDay(540, 1020), {}, {}};
  const auto d = 2026_y / 6 / 10;
  EXPECT_EQ(Starts(Compute("UTC", Hourly(), {ann}, Utc(d, 10), Utc(d, 12))),
            (std::vector<Millis>{Utc(d, 10), Utc(d, 11)}));
  EXPECT_TRUE(Compute("UTC", Hourly(), {ann}, Utc(d, 12), Utc(d, 12)).empty());
}

TEST(SlotsTest, OverridesCloseADayOrReplaceItsHours) {
  StaffAvailability ann{1, EveryDay(540, 1020), {}, {}};
  ann.overrides.push_back({{2026, 6, 10}, true, {}});
  ann.overrides.push_back({{2026, 6, 11}, false, {{780, 900}}});
  ann.overrides.push_back({{2026, 6, 12}, true, {}});
  ann.overrides.push_back({{2026, 6, 12}, false, {{600, 660}}});  // the last one wins
  const auto slots =
      Compute("UTC", Hourly(), {ann}, Utc(2026_y / 6 / 10, 0), Utc(2026_y / 6 / 13, 0));
  EXPECT_EQ(Starts(slots), (std::vector<Millis>{Utc(2026_y / 6 / 11, 13), Utc(2026_y / 6 / 11, 14),
                                                Utc(2026_y / 6 / 12, 10)}));
}

TEST(SlotsTest, SeveralStaffMergeIntoOneSlotWithSortedIds) {
  const auto d = 2026_y / 6 / 10;
  StaffAvailability bob{9, EveryDay(600, 780), {}, {{Utc(d, 10), Utc(d, 11)}}};  // 10–13
  StaffAvailability ann{4, EveryDay(540, 720), {}, {}};                          // 09–12
  const auto slots = Compute("UTC", Hourly(), {bob, ann}, Utc(d, 0), Utc(d, 23));
  ASSERT_EQ(slots.size(), 4u);
  EXPECT_EQ(slots[0].start_utc, Utc(d, 9));
  EXPECT_EQ(slots[0].staff_ids, std::vector<std::int64_t>{4});
  EXPECT_EQ(slots[1].staff_ids, std::vector<std::int64_t>{4});
  EXPECT_EQ(slots[2].start_utc, Utc(d, 11));
  EXPECT_EQ(slots[2].staff_ids, (std::vector<std::int64_t>{4, 9}));
  EXPECT_EQ(slots[3].start_utc, Utc(d, 12));
  EXPECT_EQ(slots[3].staff_ids, std::vector<std::int64_t>{9});
}

// The first slot of each local day, for a 09:00–17:00 week in Europe/London.
std::vector<Millis> FirstSlotPerDay(date::year_month_day from, int days) {
  StaffAvailability ann{1, EveryDay(540, 1020), {}, {}};
  const auto slots = Compute("Europe/London", Hourly(), {ann}, Utc(from, 0),
                             Utc(from, 0) + days * std::int64_t{86'400'000});
  EXPECT_EQ(slots.size(), 8u * static_cast<std::size_t>(days));
  std::vector<Millis> firsts;
  for (std::size_t i = 0; i < slots.size(); i += 8) firsts.push_back(slots[i].start_utc);
  return firsts;
}

TEST(SlotsTest, DstSpringForwardKeepsLocalHoursInEuropeLondon) {
  EXPECT_EQ(FirstSlotPerDay(2026_y / 3 / 27, 4),
            (std::vector<Millis>{Utc(2026_y / 3 / 27, 9), Utc(2026_y / 3 / 28, 9),
                                 Utc(2026_y / 3 / 29, 8), Utc(2026_y / 3 / 30, 8)}));
}

TEST(SlotsTest, DstFallBackKeepsLocalHoursInEuropeLondon) {
  EXPECT_EQ(FirstSlotPerDay(2026_y / 10 / 23, 4),
            (std::vector<Millis>{Utc(2026_y / 10 / 23, 8), Utc(2026_y / 10 / 24, 8),
                                 Utc(2026_y / 10 / 25, 9), Utc(2026_y / 10 / 26, 9)}));
}

ServiceRules HalfHourly() {
  ServiceRules r = Hourly();
  r.duration_minutes = 30;
  r.slot_interval_minutes = 30;
  return r;
}

TEST(SlotsTest, DstNightShiftSkipsNonexistentLocalStarts) {
  // 29 Mar 2026: 01:00 GMT jumps to 02:00 BST, so 01:00 and 01:30 local do not exist.
  StaffAvailability ann{1, EveryDay(30, 180), {}, {}};  // 00:30–03:00 local
  const auto slots = Compute("Europe/London", HalfHourly(), {ann}, Utc(2026_y / 3 / 28, 12),
                             Utc(2026_y / 3 / 29, 12));
  EXPECT_EQ(Starts(slots), (std::vector<Millis>{Utc(2026_y / 3 / 29, 0, 30),
                                                Utc(2026_y / 3 / 29, 1, 0),  // 02:00 BST
                                                Utc(2026_y / 3 / 29, 1, 30)}));
}

TEST(SlotsTest, DstNightShiftTakesTheLaterOfAmbiguousLocalStarts) {
  // 25 Oct 2026: 02:00 BST falls back to 01:00 GMT, so 01:00–01:59 local happen twice.
  StaffAvailability ann{1, EveryDay(30, 180), {}, {}};  // 00:30–03:00 local
  const auto slots = Compute("Europe/London", HalfHourly(), {ann}, Utc(2026_y / 10 / 24, 12),
                             Utc(2026_y / 10 / 25, 12));
  EXPECT_EQ(Starts(slots),
            (std::vector<Millis>{Utc(2026_y / 10 / 24, 23, 30),  // 00:30 BST
                                 Utc(2026_y / 10 / 25, 1, 0),    // 01:00 GMT, the later one
                                 Utc(2026_y / 10 / 25, 1, 30), Utc(2026_y / 10 / 25, 2, 0),
                                 Utc(2026_y / 10 / 25, 2, 30)}));
}

TEST(SlotsTest, HalfHourOffsetOfAsiaKolkata) {
  StaffAvailability ann{1, EveryDay(540, 1020), {}, {}};
  const auto slots =
      Compute("Asia/Kolkata", Hourly(), {ann}, Utc(2026_y / 6 / 10, 0), Utc(2026_y / 6 / 10, 12));
  ASSERT_EQ(slots.size(), 8u);
  EXPECT_EQ(slots.front().start_utc, Utc(2026_y / 6 / 10, 3, 30));
  EXPECT_EQ(slots.back().start_utc, Utc(2026_y / 6 / 10, 10, 30));
}

TEST(SlotsTest, UnknownTimeZoneIsAnInvalidArgument) {
  for (const char* zone : {"Mars/Olympus_Mons", ""}) {
    const auto result = ComputeSlots(zone, Hourly(), {}, kNow, kNow, kNow + 1);
    ASSERT_FALSE(result.ok()) << zone;
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(result.error().field, std::optional<std::string>("timezone"));
  }
}

TEST(SlotsTest, RulesAndHoursOutOfRangeAreInvalidArguments) {
  ServiceRules rules = Hourly();
  rules.slot_interval_minutes = 0;
  auto result = ComputeSlots("UTC", rules, {}, kNow, kNow, kNow + 1);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, std::optional<std::string>("slot_interval_minutes"));

  StaffAvailability ann{1, EveryDay(600, 540), {}, {}};
  result = ComputeSlots("UTC", Hourly(), {ann}, kNow, kNow, kNow + 1);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, std::optional<std::string>("hours"));

  StaffAvailability bob{2, EveryDay(540, 600), {{{2026, 2, 30}, true, {}}}, {}};
  result = ComputeSlots("UTC", Hourly(), {bob}, kNow, kNow, kNow + 1);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, std::optional<std::string>("overrides"));
}

}  // namespace
}  // namespace careops::booking
