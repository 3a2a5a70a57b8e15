// The slot engine answering a month for a ten-person team: 09:00–17:00 on weekdays in
// Europe/London (the month spans the October DST change), 15-minute starts, 300 bookings.

#include <benchmark/benchmark.h>

#include "booking/slots.hpp"

namespace careops::booking {
namespace {

constexpr Millis kHour = 3'600'000;
constexpr Millis kOct1 = 1'790'812'800'000;  // 2026-10-01T00:00:00Z

std::vector<StaffAvailability> Team() {
  std::vector<StaffAvailability> team;
  for (std::int64_t id = 1; id <= 10; ++id) {
    StaffAvailability s{id, {}, {}, {}};
    for (int d = 0; d < 5; ++d) s.hours.days[d] = {{540, 1020}};
    for (int b = 0; b < 30; ++b) {  // 30 one-hour bookings each, spread over the month
      const Millis start = kOct1 + (b * 24 + 9 + (b + id) % 7) * kHour;
      s.busy.push_back({start, start + kHour});
    }
    team.push_back(std::move(s));
  }
  return team;
}

void BM_ComputeSlotsMonthTenStaff(benchmark::State& state) {
  const std::vector<StaffAvailability> team = Team();
  ServiceRules rules;
  rules.duration_minutes = 45;
  rules.buffer_after_minutes = 15;
  rules.min_notice_minutes = 120;
  rules.horizon_days = 90;
  rules.slot_interval_minutes = 15;
  for (auto _ : state) {
    auto slots = ComputeSlots("Europe/London", rules, team, kOct1, kOct1, kOct1 + 31 * 24 * kHour);
    benchmark::DoNotOptimize(slots);
  }
}
BENCHMARK(BM_ComputeSlotsMonthTenStaff)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace careops::booking
