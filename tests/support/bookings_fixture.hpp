#pragma once
// The bookings HTTP tests' fixture (also for reminder and SMS-reply tests), on top of
// BookingHttpTest: Ann's workspace (slug ann-clinic, Europe/London — UTC in January) opened to
// the public and sending SMS through its own account at the fake Twilio, Ann working every day
// 09:00–17:00, and a 60-minute "Haircut" (every 30 minutes, notice 60 minutes, reminder 24 h
// before) she serves. The fake clock starts on Thursday 1 January 2026 00:00 UTC.
//
// Booking quickly: `auto r = BookPublic(At(2, 10));` books Friday 2 January 10:00 for a
// customer (+14155550101 unless told) and returns the 201's body ({"booking",
// "manage_token"}); `StaffBook` does the same through the member route.

#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "support/booking_fixture.hpp"

namespace careops::testing {

inline constexpr const char* kBookingSid = "AC99999999999999999999999999990088";
inline constexpr const char* kBookingToken = "own-token-booking-1";
inline constexpr const char* kBookingNumber = "+15005550088";
inline constexpr const char* kBookingSlug = "ann-clinic";
inline constexpr Millis kJan1 = 1'767'225'600'000;  // 2026-01-01T00:00:00Z, a Thursday
inline constexpr Millis kHourMs = 3'600'000;
inline constexpr Millis kDayMillis = 24 * kHourMs;

class BookingsHttpTest : public BookingHttpTest {
 protected:
  void SetUp() override {
    BookingHttpTest::SetUp();
    auto r = ConnectOwnTwilio(ann_, ws_, kBookingSid, kBookingToken, kBookingNumber);
    ASSERT_EQ(r.status, 200) << r.body;
    Activate();
    SetDailyHours(ann_id_, "09:00", "17:00");
    haircut_ = CreateService({{"name", "Haircut"}, {"member_ids", {ann_id_}}});
  }

  // January 2026 `day` at `hour`:`minute` in London (UTC in winter), as UTC milliseconds.
  static Millis At(int day, int hour, int minute = 0) {
    return kJan1 + (day - 1) * kDayMillis + hour * kHourMs + minute * 60'000;
  }
  // "2026-01-02T09:00:00Z"
  static std::string Rfc3339(Millis t) {
    const std::time_t seconds = static_cast<std::time_t>(t / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
  }

  std::string Ws(const std::string& rest) const { return path_ + rest; }
  std::string PublicUrl() const { return server_->app().config().public_base_url; }

  // Replaces `staff_id`'s hours on `date` ("2026-01-12") by `intervals` ("600-660").
  void Override(std::int64_t staff_id, const std::string& date, const std::string& intervals) {
    Sql("INSERT INTO staff_overrides (workspace_id, staff_id, date, closed, intervals) VALUES (" +
        std::to_string(ws_) + ", " + std::to_string(staff_id) + ", '" + date + "', 0, '" +
        intervals + "')");
  }

  // POST /api/public/{slug}/bookings for the haircut.
  ClientResponse PublicBooking(Millis start, const std::string& phone = "+14155550101") {
    return Post("/api/public/" + std::string(kBookingSlug) + "/bookings",
                {{"service_id", haircut_},
                 {"start", Rfc3339(start)},
                 {"name", "Pat Public"},
                 {"phone", phone}});
  }
  // PublicBooking that must succeed: returns its body ({"booking", "manage_token"}).
  Json BookPublic(Millis start, const std::string& phone = "+14155550101") {
    auto r = PublicBooking(start, phone);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json() : Json::object();
  }
  // POST …/bookings as Ann (a contact made from `phone` unless `extra` names contact_id);
  // returns the booking (201).
  Json StaffBook(Millis start, const std::string& phone = "+14155550102",
                 Json extra = Json::object()) {
    extra["service_id"] = haircut_;
    extra["start"] = Rfc3339(start);
    if (!extra.contains("contact_id")) {
      extra["contact"] = {{"name", "Sam Staffbook"}, {"phone", phone}};
    }
    auto r = As(ann_, "POST", Ws("/bookings"), extra.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json() : Json::object();
  }

  // GET …/bookings/{id} as Ann (the detail, with reminders); null when it fails.
  Json GetBooking(std::int64_t id) {
    auto r = As(ann_, "GET", Ws("/bookings/" + std::to_string(id)));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.Json() : Json();
  }
  // The SMS the fake Twilio accepted for `to`, once there are at least `n` (10 s at most).
  std::vector<FakeTwilio::Sent> SentTo(const std::string& to, std::size_t n) {
    std::vector<FakeTwilio::Sent> out;
    for (int i = 0; i < 400; ++i) {
      out.clear();
      for (const auto& m : twilio_.messages()) {
        if (m.to == to) out.push_back(m);
      }
      if (out.size() >= n) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return out;
  }

  std::int64_t haircut_ = 0;
};

}  // namespace careops::testing
