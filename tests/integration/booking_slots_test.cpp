// Slots and calendar feeds over HTTP (docs/API.md, Booking and Public booking; PRODUCT.md B2,
// B3, B7): the public services and slots of an open workspace, weekly hours across the 2026
// DST changes of Europe/London and the half-hour offset of Asia/Kolkata, notice on the public
// page but not for staff, busy time of bookings (with buffers), and the iCalendar feed.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "booking/time_format.hpp"
#include "support/booking_fixture.hpp"

namespace careops::testing {
namespace {

Millis At(const std::string& rfc3339) { return booking::ParseInstant(rfc3339).value(); }

class BookingSlotsTest : public BookingHttpTest {
 protected:
  // An hourly service served by Bob, who works 09:00–17:00 every day; bookable a year ahead.
  std::int64_t HourlyService(Json extra = Json::object()) {
    extra["member_ids"] = {bob_id_};
    extra["horizon_days"] = 365;
    extra["slot_interval_minutes"] = 60;
    const std::int64_t id = CreateService(extra);
    SetDailyHours(bob_id_, "09:00", "17:00");
    return id;
  }
  std::string PublicSlots(std::int64_t service, const std::string& query) {
    return "/api/public/ann-clinic/services/" + std::to_string(service) + "/slots?" + query;
  }
  // The public slots answer (a failure fails the test).
  Json Slots(std::int64_t service, const std::string& query) {
    auto r = Call("GET", PublicSlots(service, query));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.Json() : Json::object();
  }
  // The starts of the public slots of one local day (the workspace's zone).
  std::vector<std::string> Day(std::int64_t service, const std::string& date) {
    const Json answer = Slots(service, "from=" + date + "&to=" + date + "T23:59:59Z");
    std::vector<std::string> out;
    for (const std::string& s : Starts(answer)) {
      if (s < NextDay(date)) out.push_back(s);
    }
    return out;
  }
  static std::string NextDay(const std::string& date) {
    auto d = booking::ParseDate(date).value();
    const Millis next = booking::StartOfLocalDay(d, "UTC").value() + 86'400'000;
    return booking::FormatDate(booking::LocalDateOf(next, "UTC"));
  }
  // The path of a feed URL ("http://127.0.0.1:1234/api/calendar/…" -> "/api/calendar/…").
  static std::string PathOf(const std::string& url) {
    return url.substr(url.find("/api/calendar/"));
  }
};

// Eight hourly starts from `first`, an RFC 3339 instant on the hour.
std::vector<std::string> EightFrom(const std::string& first) {
  std::vector<std::string> out;
  for (int i = 0; i < 8; ++i) out.push_back(booking::FormatInstant(At(first) + i * 3'600'000));
  return out;
}

TEST_F(BookingSlotsTest, ThePublicPageIsClosedUntilTheWorkspaceIsOpen) {
  const std::int64_t id = HourlyService();
  auto closed = Call("GET", "/api/public/ann-clinic/services");
  ASSERT_EQ(closed.status, 409) << closed.body;
  EXPECT_EQ(closed.Json()["error"]["message"], "Ann's Clinic is not open yet");
  EXPECT_EQ(closed.Json()["error"]["field"], "workspace");
  EXPECT_EQ(Call("GET", PublicSlots(id, "from=2026-03-02&to=2026-03-03")).status, 409);
  EXPECT_EQ(Call("GET", "/api/public/no-such-clinic/services").status, 404);
  EXPECT_EQ(Call("GET", "/api/public/no-such-clinic/services/1/slots?from=2026-03-02&to=2026-03-03")
                .status,
            404);
}

TEST_F(BookingSlotsTest, ThePublicPageListsStaffedActiveServices) {
  HourlyService({{"name", "Massage"}, {"price_cents", 5000}, {"currency", "GBP"}});
  CreateService({{"name", "Nobody Does This"}});  // no staff
  const std::int64_t archived = CreateService({{"name", "Old"}, {"member_ids", {bob_id_}}});
  ASSERT_EQ(As(ann_, "PATCH", path_ + "/services/" + std::to_string(archived),
               Json{{"is_active", false}}.dump())
                .status,
            200);
  Activate();
  auto r = Call("GET", "/api/public/ann-clinic/services");
  ASSERT_EQ(r.status, 200) << r.body;
  const Json answer = r.Json();
  EXPECT_EQ(
      answer["workspace"],
      (Json{{"name", "Ann's Clinic"}, {"slug", "ann-clinic"}, {"timezone", "Europe/London"}}));
  ASSERT_EQ(answer["services"].size(), 1u);
  const Json s = answer["services"][0];
  EXPECT_EQ(s["name"], "Massage");
  EXPECT_EQ(s["price_cents"], 5000);
  EXPECT_EQ(s["currency"], "GBP");
  EXPECT_FALSE(s.contains("member_ids")) << "staff ids are not for the public list";
  EXPECT_EQ(Call("GET", PublicSlots(archived, "from=2026-03-02&to=2026-03-03")).status, 404);
}

TEST_F(BookingSlotsTest, SlotQueriesAreCheckedNamingTheParameter) {
  const std::int64_t id = HourlyService();
  Activate();
  auto field = [&](const std::string& query) {
    auto r = Call("GET", PublicSlots(id, query));
    return r.status == 400 ? r.Json()["error"].value("field", "") : std::to_string(r.status);
  };
  EXPECT_EQ(field("to=2026-03-03"), "from");
  EXPECT_EQ(field("from=2026-03-02"), "to");
  EXPECT_EQ(field("from=yesterday&to=2026-03-03"), "from");
  EXPECT_EQ(field("from=2026-02-30&to=2026-03-03"), "from");
  EXPECT_EQ(field("from=2026-03-02&to=2026-03-02T25:00:00Z"), "to");
  EXPECT_EQ(field("from=2026-03-03&to=2026-03-02"), "to");
  EXPECT_EQ(field("from=2026-03-01&to=2026-05-03"), "to") << "63 days";
  EXPECT_EQ(field("from=2026-03-01&to=2026-05-02"), "200") << "62 days";
  EXPECT_EQ(field("from=2026-03-02&to=2026-03-03&tz=Mars/Olympus"), "tz");
  EXPECT_EQ(field("from=2026-03-02&to=2026-03-03&tz=" + std::string(300, 'A')), "tz");
  EXPECT_EQ(field("from=%zz&to=2026-03-03"), "query");
  EXPECT_EQ(Call("GET", PublicSlots(999999, "from=2026-03-02&to=2026-03-03")).status, 404);
}

TEST_F(BookingSlotsTest, SlotsNameTheirStaffInUtc) {
  const std::int64_t id = HourlyService();
  Activate();
  const Json answer = Slots(id, "from=2026-03-02&to=2026-03-03");
  EXPECT_EQ(answer["timezone"], "Europe/London");
  ASSERT_EQ(answer["slots"].size(), 8u);
  EXPECT_EQ(answer["slots"][0], (Json{{"start", "2026-03-02T09:00:00Z"},
                                      {"end", "2026-03-02T10:00:00Z"},
                                      {"staff", {{{"id", bob_id_}, {"name", "Bob Staff"}}}}}));
  const Json in_utc = Slots(id, "from=2026-03-02&to=2026-03-03&tz=UTC");
  EXPECT_EQ(in_utc["timezone"], "UTC");
  EXPECT_EQ(Starts(in_utc), Starts(answer)) << "London is on UTC in March before the change";
}

// 09:00–17:00 London is 09:00Z–17:00Z in GMT and 08:00Z–16:00Z in BST. The clocks go forward
// at 01:00Z on Sunday 29 March 2026 and back at 01:00Z on Sunday 25 October 2026.
TEST_F(BookingSlotsTest, WeeklyHoursKeepTheirLocalTimeAcrossBothDstChanges) {
  const std::int64_t id = HourlyService();
  Activate();
  EXPECT_EQ(Day(id, "2026-03-28"), EightFrom("2026-03-28T09:00:00Z"));
  EXPECT_EQ(Day(id, "2026-03-29"), EightFrom("2026-03-29T08:00:00Z"));
  EXPECT_EQ(Day(id, "2026-03-30"), EightFrom("2026-03-30T08:00:00Z"));
  EXPECT_EQ(Day(id, "2026-10-24"), EightFrom("2026-10-24T08:00:00Z"));
  EXPECT_EQ(Day(id, "2026-10-25"), EightFrom("2026-10-25T09:00:00Z"));
  EXPECT_EQ(Day(id, "2026-10-26"), EightFrom("2026-10-26T09:00:00Z"));
}

TEST_F(BookingSlotsTest, AHalfHourZoneShiftsTheUtcInstants) {
  Sql("UPDATE workspaces SET timezone = 'Asia/Kolkata' WHERE id = " + std::to_string(ws_));
  const std::int64_t id = HourlyService();
  Activate();
  const Json answer = Slots(id, "from=2026-03-30&to=2026-03-31");
  EXPECT_EQ(answer["timezone"], "Asia/Kolkata");
  EXPECT_EQ(Starts(answer), EightFrom("2026-03-30T03:30:00Z")) << "09:00 at +05:30";
}

TEST_F(BookingSlotsTest, StaffSeeSlotsWithoutTheMinimumNotice) {
  const std::int64_t id = HourlyService({{"min_notice_minutes", 120}});
  Activate();
  clock().Set(At("2026-03-30T08:30:00Z"));  // 09:30 in London
  ann_ = Token(kAnnEmail);                  // the sessions of January have expired
  bob_ = Token(kBobEmail);
  const std::string query = "from=2026-03-30&to=2026-03-31";
  EXPECT_EQ(Starts(Slots(id, query)).front(), "2026-03-30T11:00:00Z") << "two hours' notice";
  auto staff = As(ann_, "GET", path_ + "/services/" + std::to_string(id) + "/slots?" + query);
  ASSERT_EQ(staff.status, 200) << staff.body;
  const auto starts = Starts(staff.Json());
  ASSERT_FALSE(starts.empty());
  EXPECT_EQ(starts.front(), "2026-03-30T09:00:00Z") << "no notice, but never in the past";
  EXPECT_EQ(starts.size(), 7u);
  EXPECT_EQ(As(bob_, "GET", path_ + "/services/" + std::to_string(id) + "/slots?" + query).status,
            403)
      << "Bob lacks the bookings permission";
}

TEST_F(BookingSlotsTest, ABookingTakesItsBusyTimeAndTheNewServicesBuffersAvoidIt) {
  const std::int64_t id = HourlyService({{"buffer_after_minutes", 30}});
  Activate();
  // 10:00–11:00 London (BST) with 30 minutes after: busy 09:00Z–10:30Z.
  AddBooking(id, bob_id_, AddContact("Dana"), "confirmed", At("2026-03-30T09:00:00Z"),
             At("2026-03-30T10:00:00Z"), At("2026-03-30T09:00:00Z"), At("2026-03-30T10:30:00Z"));
  AddBooking(id, bob_id_, AddContact("Eve"), "cancelled", At("2026-03-30T13:00:00Z"),
             At("2026-03-30T14:00:00Z"), At("2026-03-30T13:00:00Z"), At("2026-03-30T14:30:00Z"));
  // 08:00Z would run its buffer into the booking; 10:00Z starts inside the booking's buffer.
  EXPECT_EQ(Day(id, "2026-03-30"),
            (std::vector<std::string>{"2026-03-30T11:00:00Z", "2026-03-30T12:00:00Z",
                                      "2026-03-30T13:00:00Z", "2026-03-30T14:00:00Z",
                                      "2026-03-30T15:00:00Z"}));
  EXPECT_EQ(Day(id, "2026-03-31").size(), 8u) << "the next day is untouched";
}

TEST_F(BookingSlotsTest, CalendarFeedsServeValidIcsAndRotationRetiresTheOldUrl) {
  const std::int64_t id = HourlyService(
      {{"name", "Deep Tissue Massage with Hot Stones, Aromatherapy; and a Long Name To Fold"},
       {"location", "1 High St, Leeds"}});
  const std::int64_t booking = AddBooking(id, bob_id_, AddContact("Dana \\ Smith"), "pending",
                                          At("2026-03-30T09:00:00Z"), At("2026-03-30T10:00:00Z"),
                                          At("2026-03-30T09:00:00Z"), At("2026-03-30T10:00:00Z"));

  auto mine = As(bob_, "GET", path_ + "/calendar-feeds");
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_EQ(mine.Json()["feeds"].size(), 1u) << "staff get their own feed only";
  const Json bob_feed = mine.Json()["feeds"][0];
  EXPECT_EQ(bob_feed["scope"], "member");
  EXPECT_EQ(bob_feed["member_id"], bob_id_);
  const std::string url = bob_feed["url"];
  EXPECT_TRUE(url.ends_with(".ics")) << url;
  EXPECT_EQ(As(bob_, "GET", path_ + "/calendar-feeds").Json()["feeds"][0]["url"], url)
      << "the same URL until rotated";
  const auto owners = As(ann_, "GET", path_ + "/calendar-feeds").Json()["feeds"];
  ASSERT_EQ(owners.size(), 2u);
  EXPECT_EQ(owners[1]["scope"], "workspace");
  EXPECT_TRUE(owners[1]["member_id"].is_null());

  auto feed = Call("GET", PathOf(url));
  ASSERT_EQ(feed.status, 200) << feed.body;
  EXPECT_EQ(feed.Header("content-type"), "text/calendar; charset=utf-8");
  const std::string& ics = feed.body;
  EXPECT_TRUE(ics.starts_with("BEGIN:VCALENDAR\r\n"));
  EXPECT_TRUE(ics.ends_with("END:VCALENDAR\r\n"));
  for (std::size_t at = ics.find('\n'); at != std::string::npos; at = ics.find('\n', at + 1)) {
    ASSERT_EQ(ics[at - 1], '\r') << "bare LF at " << at;
  }
  for (std::size_t start = 0, end; (end = ics.find("\r\n", start)) != std::string::npos;
       start = end + 2) {
    EXPECT_LE(end - start, 75u) << ics.substr(start, end - start);
  }
  std::string unfolded = ics;
  for (std::size_t at; (at = unfolded.find("\r\n ")) != std::string::npos;) unfolded.erase(at, 3);
  EXPECT_NE(unfolded.find("UID:booking-" + std::to_string(booking) + "@127.0.0.1\r\n"),
            std::string::npos);
  EXPECT_NE(unfolded.find("DTSTART:20260330T090000Z\r\nDTEND:20260330T100000Z\r\n"),
            std::string::npos);
  EXPECT_NE(unfolded.find("SUMMARY:Deep Tissue Massage with Hot Stones\\, Aromatherapy\\; and a "
                          "Long Name To Fold — Dana \\\\ Smith\r\n"),
            std::string::npos)
      << unfolded;
  EXPECT_NE(unfolded.find("LOCATION:1 High St\\, Leeds\r\n"), std::string::npos);
  EXPECT_NE(unfolded.find("STATUS:TENTATIVE\r\n"), std::string::npos);
  EXPECT_NE(unfolded.find("METHOD:PUBLISH\r\n"), std::string::npos);
  const std::string without_suffix = PathOf(url).substr(0, PathOf(url).size() - 4);
  EXPECT_EQ(Call("GET", without_suffix).status, 200);

  auto rotated =
      As(bob_, "POST", path_ + "/calendar-feeds/rotate", Json{{"scope", "member"}}.dump());
  ASSERT_EQ(rotated.status, 200) << rotated.body;
  EXPECT_NE(rotated.Json()["url"], url);
  EXPECT_EQ(Call("GET", PathOf(url)).status, 404) << "the old URL stops working";
  EXPECT_EQ(Call("GET", PathOf(rotated.Json()["url"])).status, 200);
  EXPECT_EQ(As(bob_, "POST", path_ + "/calendar-feeds/rotate", Json{{"scope", "workspace"}}.dump())
                .status,
            403);
  EXPECT_EQ(As(bob_, "POST", path_ + "/calendar-feeds/rotate", Json{{"scope", "all"}}.dump())
                .Json()["error"]["field"],
            "scope");
  EXPECT_EQ(Call("GET", "/api/calendar/not-a-real-token-at-all.ics").status, 404);
  EXPECT_EQ(Call("GET", "/api/calendar/..%2F..%2Fetc").status, 404);
}

}  // namespace
}  // namespace careops::testing
