// Calendar feeds over a real database: one URL per member and one per workspace, stable until
// rotated, answering 404 for anything but a live token — also once the member is suspended.

#include "booking/calendar_feed_service.hpp"

#include <gtest/gtest.h>

#include "booking/booking_test_fixture.hpp"
#include "core/crypto.hpp"
#include "core/random.hpp"

namespace careops::booking {
namespace {

class CalendarFeedServiceTest : public BookingFixture {
 protected:
  CalendarFeedServiceTest() : key_((InitCrypto(), std::string(64, 'k'))) {}

  // The token of a feed URL.
  static std::string TokenOf(const FeedLink& link) {
    const std::string marker = "/api/calendar/";
    return link.url.substr(link.url.find(marker) + marker.size());
  }

  SecretKey key_;
  std::string base_url_ = "https://book.example.com/";
  CalendarFeedService feeds_{clock_, key_, base_url_};
};

TEST_F(CalendarFeedServiceTest, MembersGetTheirFeedAndOwnersTheWorkspacesToo) {
  const auto bob = feeds_.List(*conn_, ws_, bob_);
  ASSERT_EQ(bob.size(), 1u);
  EXPECT_EQ(bob[0].scope, FeedScope::kMember);
  EXPECT_EQ(bob[0].member_id, bob_);
  EXPECT_TRUE(bob[0].url.starts_with("https://book.example.com/api/calendar/")) << bob[0].url;
  EXPECT_TRUE(bob[0].url.ends_with(".ics"));
  EXPECT_EQ(feeds_.List(*conn_, ws_, bob_)[0].url, bob[0].url) << "stable until rotated";

  const auto ann = feeds_.List(*conn_, ws_, ann_);
  ASSERT_EQ(ann.size(), 2u);
  EXPECT_EQ(ann[1].scope, FeedScope::kWorkspace);
  EXPECT_FALSE(ann[1].member_id.has_value());
  EXPECT_EQ(feeds_.Rotate(*conn_, ws_, bob_, FeedScope::kWorkspace).error().code,
            ErrorCode::kPermissionDenied);
  const auto stored = conn_->QueryOne("SELECT token_hash FROM calendar_feeds LIMIT 1")->Text(0);
  EXPECT_EQ(stored.find(TokenOf(bob[0]).substr(0, 43)), std::string::npos)
      << "the token is not stored in the clear";
}

TEST_F(CalendarFeedServiceTest, AFeedListsItsBookingsUntilRotatedOrTheMemberIsSuspended) {
  const Service s = AddService({bob_});
  const std::int64_t booking = AddBooking(s, bob_, Utc(date::year{2026} / 3 / 2, 10));
  AddBooking(s, bob_, Utc(date::year{2026} / 3 / 2, 12), "cancelled");
  const std::string token = TokenOf(feeds_.List(*conn_, ws_, bob_)[0]);

  auto doc = feeds_.Render(*conn_, token);
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_NE(doc->ics.find("UID:booking-" + std::to_string(booking) + "@book.example.com\r\n"),
            std::string::npos);
  EXPECT_NE(doc->ics.find("X-WR-CALNAME:Sunny Clinic — Bob Staff\r\n"), std::string::npos);
  EXPECT_EQ(doc->ics.find("BEGIN:VEVENT"), doc->ics.rfind("BEGIN:VEVENT")) << "one event";
  ASSERT_TRUE(token.ends_with(".ics"));
  EXPECT_TRUE(feeds_.Render(*conn_, token.substr(0, token.size() - 4)).ok());

  for (const std::string& bad : {std::string(), std::string("x.ics"), token + "x",
                                 std::string(200, 'a'), std::string("../etc/passwd")}) {
    EXPECT_EQ(feeds_.Render(*conn_, bad).error().code, ErrorCode::kNotFound) << bad;
  }

  auto rotated = feeds_.Rotate(*conn_, ws_, bob_, FeedScope::kMember);
  ASSERT_TRUE(rotated.ok());
  EXPECT_EQ(feeds_.Render(*conn_, token).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(feeds_.Render(*conn_, TokenOf(*rotated)).ok());

  conn_->Execute("UPDATE workspace_members SET status = 'suspended' WHERE user_id = ?", {bob_});
  EXPECT_EQ(feeds_.Render(*conn_, TokenOf(*rotated)).error().code, ErrorCode::kNotFound);
}

TEST(HostOfTest, TakesTheHostOfABaseUrl) {
  EXPECT_EQ(HostOf("https://book.example.com:8443/x"), "book.example.com");
  EXPECT_EQ(HostOf("http://127.0.0.1:8080"), "127.0.0.1");
  EXPECT_EQ(HostOf("http://user@host.example/"), "host.example");
  EXPECT_EQ(HostOf("http://[::1]:8080/"), "[::1]");
  EXPECT_EQ(HostOf(""), "careops.invalid");
}

}  // namespace
}  // namespace careops::booking
