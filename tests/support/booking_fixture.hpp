#pragma once
// The booking HTTP tests' fixture (also for reminder and SMS-reply tests): Ann's open
// workspace "Sunny Clinic" (slug sunny-clinic, Europe/Berlin) sending SMS through its own
// account at the fake Twilio, Ann working Monday to Friday 09:00–17:00 local, and a
// 60-minute "Haircut" (every 30 minutes, notice 60 minutes, reminder 24 h before) she serves.
// The fake clock starts on Thursday 1 January 2026 00:00 UTC (01:00 in Berlin).
//
// Booking quickly: `auto r = BookPublic(At(2, 10));` books Friday 2 January 10:00 Berlin for
// a new customer (+14155550101 unless told) and returns the 201's body; `StaffBook` does the
// same through the member route.

#include <gtest/gtest.h>

#include <ctime>
#include <string>

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "support/workspace_fixture.hpp"

namespace careops::testing {

inline constexpr const char* kBookingSid = "AC99999999999999999999999999990088";
inline constexpr const char* kBookingToken = "own-token-booking-1";
inline constexpr const char* kBookingNumber = "+15005550088";
inline constexpr const char* kBookingSlug = "sunny-clinic";
inline constexpr Millis kJan1 = 1'767'225'600'000;  // 2026-01-01T00:00:00Z, a Thursday
inline constexpr Millis kHourMs = 3'600'000;
inline constexpr Millis kDayMillis = 24 * kHourMs;

class BookingHttpTest : public WorkspaceHttpTest {
 protected:
  void SetUp() override {
    WorkspaceHttpTest::SetUp();
    ws_ = CreateWorkspace(ann_, "Sunny Clinic", kBookingSlug);
    ann_id_ = UserId(kAnnEmail);
    auto r = ConnectOwnTwilio(ann_, ws_, kBookingSid, kBookingToken, kBookingNumber);
    ASSERT_EQ(r.status, 200) << r.body;
    Sql("UPDATE workspaces SET is_active = 1 WHERE id = " + std::to_string(ws_));
    WorkWeekdays(ann_id_, 9 * 60, 17 * 60);
    haircut_ = AddService("Haircut", 60, {ann_id_});
  }

  // January 2026 `day` at `hour`:`minute` in Berlin (UTC+1 in winter), as UTC milliseconds.
  static Millis At(int day, int hour, int minute = 0) {
    return kJan1 + (day - 1) * kDayMillis + (hour - 1) * kHourMs + minute * 60'000;
  }
  // "2026-01-02T09:00:00Z"
  static std::string Rfc3339(Millis t);

  std::string Ws(const std::string& rest) const {
    return "/api/workspaces/" + std::to_string(ws_) + rest;
  }
  std::string PublicUrl() const { return server_->app().config().public_base_url; }

  void WorkWeekdays(std::int64_t staff_id, int start_minute, int end_minute) {
    for (int weekday = 0; weekday < 5; ++weekday) {
      Sql("INSERT INTO staff_hours (workspace_id, staff_id, weekday, start_minute, end_minute) "
          "VALUES (" +
          std::to_string(ws_) + ", " + std::to_string(staff_id) + ", " + std::to_string(weekday) +
          ", " + std::to_string(start_minute) + ", " + std::to_string(end_minute) + ")");
    }
  }
  // Replaces `staff_id`'s hours on `date` ("2026-01-12") by `intervals` ("600-660").
  void Override(std::int64_t staff_id, const std::string& date, const std::string& intervals) {
    Sql("INSERT INTO staff_overrides (workspace_id, staff_id, date, closed, intervals) VALUES (" +
        std::to_string(ws_) + ", " + std::to_string(staff_id) + ", '" + date + "', 0, '" +
        intervals + "')");
  }
  // A service served by `staff` (interval 30, notice 60, horizon 60 days).
  std::int64_t AddService(const std::string& name, int minutes,
                          std::initializer_list<std::int64_t> staff,
                          const std::string& reminder_offsets = "1440") {
    Sql("INSERT INTO services (workspace_id, name, duration_minutes, min_notice_minutes, "
        "horizon_days, slot_interval_minutes, reminder_offsets, created_at, updated_at) VALUES (" +
        std::to_string(ws_) + ", '" + name + "', " + std::to_string(minutes) + ", 60, 60, 30, '" +
        reminder_offsets + "', 0, 0)");
    const std::int64_t id = SqlInt("SELECT MAX(id) FROM services");
    for (std::int64_t s : staff) {
      Sql("INSERT INTO service_staff (service_id, staff_id) VALUES (" + std::to_string(id) + ", " +
          std::to_string(s) + ")");
    }
    return id;
  }

  // POST /api/public/{slug}/bookings for `service` (default: the haircut).
  ClientResponse PublicBooking(Millis start, const std::string& phone = "+14155550101",
                               std::int64_t service = 0) {
    return Post("/api/public/" + std::string(kBookingSlug) + "/bookings",
                {{"service_id", service != 0 ? service : haircut_},
                 {"start", Rfc3339(start)},
                 {"name", "Pat Public"},
                 {"phone", phone}});
  }
  // PublicBooking that must succeed: returns its body ({"booking", "manage_token"}).
  nlohmann::json BookPublic(Millis start, const std::string& phone = "+14155550101") {
    auto r = PublicBooking(start, phone);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json() : nlohmann::json::object();
  }
  // POST …/bookings as Ann for a contact made from `phone`; returns the booking (201).
  nlohmann::json StaffBook(Millis start, const std::string& phone = "+14155550102",
                           nlohmann::json extra = nlohmann::json::object()) {
    extra["service_id"] = haircut_;
    extra["start"] = Rfc3339(start);
    if (!extra.contains("contact_id"))
      extra["contact"] = {{"name", "Sam Staffbook"}, {"phone", phone}};
    auto r = As(ann_, "POST", Ws("/bookings"), extra.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json() : nlohmann::json::object();
  }

  std::int64_t ws_ = 0;
  std::int64_t ann_id_ = 0;
  std::int64_t haircut_ = 0;
};

inline std::string BookingHttpTest::Rfc3339(Millis t) {
  const std::time_t seconds = static_cast<std::time_t>(t / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

}  // namespace careops::testing
