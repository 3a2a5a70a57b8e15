// The iCalendar writer: structure, UTC times, TEXT escaping, and folding at 75 octets without
// splitting UTF-8 — every line of the output ends in CRLF.

#include "booking/ical.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "booking/booking_test_fixture.hpp"

namespace careops::booking {
namespace {

using namespace date::literals;

// The physical lines of `text`, each without its CRLF; fails when a line ends in a bare LF.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t lf = text.find('\n', start);
    EXPECT_NE(lf, std::string::npos) << "the text must end in CRLF";
    if (lf == std::string::npos) break;
    EXPECT_TRUE(lf > start && text[lf - 1] == '\r') << "bare LF at byte " << lf;
    lines.push_back(text.substr(start, lf - start - 1));
    start = lf + 1;
  }
  return lines;
}

bool ValidUtf8Start(const std::string& s) {
  return s.empty() || (static_cast<unsigned char>(s[0]) & 0xC0) != 0x80;
}

TEST(IcalTest, WritesACalendarOfUtcEvents) {
  IcsCalendar cal;
  cal.name = "Sunny Clinic";
  cal.events.push_back({"booking-7@example.com", Utc(2026_y / 3 / 30, 8), Utc(2026_y / 3 / 30, 9),
                        "Consultation — Dana", "1 High St", "", true});
  const std::string text = WriteCalendar(cal, Utc(2026_y / 3 / 1, 12, 30));
  const auto lines = Lines(text);
  ASSERT_GE(lines.size(), 10u);
  EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  for (const char* expected :
       {"VERSION:2.0", "PRODID:-//CareOps//CareOps Bookings//EN", "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH", "X-WR-CALNAME:Sunny Clinic", "BEGIN:VEVENT", "UID:booking-7@example.com",
        "DTSTAMP:20260301T123000Z", "DTSTART:20260330T080000Z", "DTEND:20260330T090000Z",
        "SUMMARY:Consultation — Dana", "LOCATION:1 High St", "STATUS:TENTATIVE", "END:VEVENT"}) {
    EXPECT_NE(std::find(lines.begin(), lines.end(), expected), lines.end()) << expected;
  }
  EXPECT_EQ(text.find("DESCRIPTION"), std::string::npos);
}

TEST(IcalTest, EscapesTextValues) {
  EXPECT_EQ(IcsEscapeText("a\\b;c,d\ne\r\nf\rg"), "a\\\\b\\;c\\,d\\ne\\nf\\ng");
  EXPECT_EQ(IcsEscapeText(std::string("x\x01y\tz", 5)), "xy z");
  EXPECT_EQ(IcsEscapeText("Zoë: 10:00"), "Zoë: 10:00");
}

TEST(IcalTest, FoldsLongLinesAt75OctetsKeepingUtf8Whole) {
  std::string value;
  for (int i = 0; i < 60; ++i) value += "é";  // 2 octets each
  const std::string folded = IcsFold("SUMMARY:" + value);
  const auto lines = Lines(folded);
  ASSERT_GT(lines.size(), 1u);
  std::string unfolded;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_LE(lines[i].size(), 75u) << i;
    if (i > 0) {
      ASSERT_EQ(lines[i][0], ' ');
      EXPECT_TRUE(ValidUtf8Start(lines[i].substr(1))) << i;
      unfolded += lines[i].substr(1);
    } else {
      unfolded += lines[i];
    }
  }
  EXPECT_EQ(unfolded, "SUMMARY:" + value);

  const std::string ascii(200, 'a');
  const auto plain = Lines(IcsFold(ascii));
  ASSERT_EQ(plain.size(), 3u);  // 75 + 74 + 51
  EXPECT_EQ(plain[0].size(), 75u);
  EXPECT_EQ(plain[1].size(), 75u);
  EXPECT_EQ(IcsFold("SHORT:x"), "SHORT:x\r\n");
}

}  // namespace
}  // namespace careops::booking
