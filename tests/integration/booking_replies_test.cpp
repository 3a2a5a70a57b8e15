// SMS replies to bookings over HTTP (docs/API.md, "SMS replies"; PRODUCT.md B5, M6): C and X
// from the contact's phone act on their next upcoming booking and are answered through the
// workspace's own Twilio account; CANCEL opts out and flags the conversation without touching
// the booking; from an unknown number the replies are ordinary inbox messages.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "support/bookings_fixture.hpp"

namespace careops::testing {
namespace {

using nlohmann::json;

constexpr const char* kCustomer = "+14155550142";
constexpr const char* kStranger = "+14155550177";

class BookingRepliesTest : public BookingsHttpTest {
 protected:
  void SetUp() override {
    BookingsHttpTest::SetUp();
    first_ = BookPublic(At(2, 10), kCustomer)["booking"]["id"].get<std::int64_t>();
    second_ = BookPublic(At(5, 10), kCustomer)["booking"]["id"].get<std::int64_t>();
    ASSERT_EQ(SentTo(kCustomer, 2).size(), 2u);  // two confirmations
  }

  ClientResponse Inbound(const std::string& body, const std::string& from = kCustomer) {
    return twilio_.PostSignedForm(port(), PublicUrl(), "/api/webhooks/twilio/inbound",
                                  {{"AccountSid", kBookingSid},
                                   {"From", from},
                                   {"To", kBookingNumber},
                                   {"Body", body},
                                   {"MessageSid", NextSid()},
                                   {"NumMedia", "0"}});
  }
  std::string NextSid() {
    char sid[40];
    std::snprintf(sid, sizeof sid, "SM%032d", ++sid_);
    return sid;
  }
  std::string Status(std::int64_t booking) {
    return GetBooking(booking)["status"].get<std::string>();
  }

  std::int64_t first_ = 0;
  std::int64_t second_ = 0;
  int sid_ = 0;
};

TEST_F(BookingRepliesTest, CConfirmsTheNextUpcomingBookingAndIsAnswered) {
  ASSERT_EQ(Inbound(" c ").status, 200);
  const auto sent = SentTo(kCustomer, 3);
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_EQ(sent[2].account_sid, kBookingSid);
  EXPECT_NE(sent[2].body.find("confirm"), std::string::npos) << sent[2].body;
  const json first = GetBooking(first_);
  EXPECT_FALSE(first["customer_confirmed_at"].is_null());
  EXPECT_EQ(first["status"], "confirmed");
  EXPECT_TRUE(GetBooking(second_)["customer_confirmed_at"].is_null());
  EXPECT_EQ(SqlInt("SELECT COUNT(*) FROM conversation_events WHERE booking_id = " +
                   std::to_string(first_) + " AND kind = 'booking_customer_confirmed'"),
            1);
}

TEST_F(BookingRepliesTest, XCancelsTheNextUpcomingBookingThenTheOneAfter) {
  ASSERT_EQ(Inbound("X").status, 200);
  auto sent = SentTo(kCustomer, 3);
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_NE(sent[2].body.find("cancelled"), std::string::npos) << sent[2].body;
  const json first = GetBooking(first_);
  EXPECT_EQ(first["status"], "cancelled");
  EXPECT_EQ(first["cancelled_by"], "customer");
  EXPECT_EQ(Status(second_), "confirmed");
  EXPECT_EQ(SqlInt("SELECT COUNT(*) FROM jobs WHERE subject_id = " + std::to_string(first_) +
                   " AND status = 'pending'"),
            0);

  ASSERT_EQ(Inbound("2").status, 200);
  ASSERT_EQ(SentTo(kCustomer, 4).size(), 4u);
  EXPECT_EQ(Status(second_), "cancelled");
}

TEST_F(BookingRepliesTest, CancelOptsOutAndFlagsButLeavesTheBooking) {
  ASSERT_EQ(Inbound("CANCEL").status, 200);
  const auto sent = SentTo(kCustomer, 3);
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_NE(sent[2].body.find("unsubscribed"), std::string::npos) << sent[2].body;
  EXPECT_EQ(Status(first_), "confirmed");
  EXPECT_EQ(Status(second_), "confirmed");
  const std::int64_t conversation = GetBooking(first_)["conversation_id"].get<std::int64_t>();
  const json thread = As(ann_, "GET", Ws("/conversations/" + std::to_string(conversation))).Json();
  EXPECT_EQ(thread["contact"]["sms_opted_out"], true);
  EXPECT_NE(thread["flag"].get<std::string>().find("CANCEL"), std::string::npos);
}

TEST_F(BookingRepliesTest, YesFromAnOptedOutNumberOptsBackInInsteadOfConfirming) {
  ASSERT_EQ(Inbound("STOP").status, 200);
  ASSERT_EQ(SentTo(kCustomer, 3).size(), 3u);
  ASSERT_EQ(Inbound("yes").status, 200);
  const auto sent = SentTo(kCustomer, 4);
  ASSERT_EQ(sent.size(), 4u);
  EXPECT_NE(sent[3].body.find("resubscribed"), std::string::npos) << sent[3].body;
  EXPECT_TRUE(GetBooking(first_)["customer_confirmed_at"].is_null());
  // Subscribed again, YES confirms.
  ASSERT_EQ(Inbound("YES").status, 200);
  ASSERT_EQ(SentTo(kCustomer, 5).size(), 5u);
  EXPECT_FALSE(GetBooking(first_)["customer_confirmed_at"].is_null());
}

TEST_F(BookingRepliesTest, RepliesFromAnUnknownNumberLandInTheInbox) {
  ASSERT_EQ(Inbound("C", kStranger).status, 200);
  ASSERT_EQ(Inbound("X", kStranger).status, 200);
  const json list = As(ann_, "GET", Ws("/conversations")).Json()["conversations"];
  json stranger;
  for (const auto& c : list) {
    if (c["contact"]["phone"] == kStranger) stranger = c;
  }
  ASSERT_FALSE(stranger.is_null()) << list.dump();
  EXPECT_EQ(stranger["unread_count"], 2);
  EXPECT_EQ(stranger["waiting_for_reply"], true);
  // Not answered, and nothing of the customer's changed.
  EXPECT_EQ(SqlInt(std::string("SELECT COUNT(*) FROM messages WHERE direction = 'outbound' "
                               "AND to_address = '") +
                   kStranger + "'"),
            0);
  EXPECT_EQ(Status(first_), "confirmed");
  EXPECT_EQ(Status(second_), "confirmed");
}

}  // namespace
}  // namespace careops::testing
