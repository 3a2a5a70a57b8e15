#include "http/dispatcher.hpp"

#include <gtest/gtest.h>

#include "http/json.hpp"

namespace careops::http {
namespace {

TEST(RedactTargetTest, HidesSecretAndPersonalValues) {
  EXPECT_EQ(RedactTarget("/api/x"), "/api/x");
  EXPECT_EQ(RedactTarget("/api/auth/verify-sms?email=a%40b.c&code=123456"),
            "/api/auth/verify-sms?email=REDACTED&code=REDACTED");
  EXPECT_EQ(RedactTarget("/x?access_token=abc&Password=p&page=2&apiKey=k"),
            "/x?access_token=REDACTED&Password=REDACTED&page=2&apiKey=REDACTED");
  EXPECT_EQ(RedactTarget("/x?token"), "/x?token");
}

TEST(RedactTargetTest, HidesTheTokenOfACalendarFeedPath) {
  EXPECT_EQ(RedactTarget("/api/calendar/s3cr3t-Token_abc.ics"), "/api/calendar/REDACTED");
  EXPECT_EQ(RedactTarget("/api/calendar/s3cr3t?x=1&token=t"),
            "/api/calendar/REDACTED?x=1&token=REDACTED");
  EXPECT_EQ(RedactTarget("/api/%63alendar/s3cr3t"), "/api/calendar/REDACTED");
  EXPECT_EQ(RedactTarget("/api/calendar/"), "/api/calendar/");
  EXPECT_EQ(RedactTarget("/api/calendars"), "/api/calendars");
}

TEST(HttpDateTest, ImfFixdate) { EXPECT_EQ(HttpDate(784111777), "Sun, 06 Nov 1994 08:49:37 GMT"); }

TEST(SecurityHeadersTest, PagesGetSelfOnlyCspApiGetsNone) {
  Response page;
  page.headers.Set("Content-Type", "text/html; charset=utf-8");
  page.headers.Set("Cache-Control", "no-cache");
  AddSecurityHeaders(page, Csp::kPage);
  const std::string csp(*page.headers.Get("Content-Security-Policy"));
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(page.headers.Get("Cache-Control"), "no-cache");

  Response api = JsonResponse(200, {{"ok", true}});
  AddSecurityHeaders(api, Csp::kApi);
  EXPECT_EQ(api.headers.Get("Content-Security-Policy"),
            "default-src 'none'; frame-ancestors 'none'");
  EXPECT_EQ(api.headers.Get("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(api.headers.Get("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(api.headers.Get("Cache-Control"), "no-store");
}

}  // namespace
}  // namespace careops::http
