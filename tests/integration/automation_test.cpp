// Automation over HTTP (docs/API.md, "Automation"; PRODUCT.md C2, C4, B3, B5, B6): the owner's
// rules with their real texts and counts, their log, and every switch made real — an off rule
// sends nothing while the change it would announce still happens.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "support/bookings_fixture.hpp"

namespace careops::testing {
namespace {

using nlohmann::json;

constexpr const char* kCustomer = "+14155550142";

class AutomationTest : public BookingsHttpTest {
 protected:
  ClientResponse Switch(const std::string& rule, const std::string& body) {
    return As(ann_, "PATCH", Ws("/automation/" + rule), body);
  }
  void TurnOff(const std::string& rule) {
    auto r = Switch(rule, R"({"enabled": false})");
    ASSERT_EQ(r.status, 200) << r.body;
    ASSERT_EQ(r.Json()["enabled"], false);
  }
  json Rules() {
    auto r = As(ann_, "GET", Ws("/automation"));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.Json()["rules"] : json::array();
  }
  static json RuleNamed(const json& rules, const std::string& key) {
    for (const json& r : rules) {
      if (r["key"] == key) return r;
    }
    return json();
  }
  std::int64_t Messages(const std::string& kind) {
    return SqlInt("SELECT COUNT(*) FROM messages WHERE kind = '" + kind + "'");
  }
  std::int64_t Events(std::int64_t booking, const std::string& kind) {
    return SqlInt("SELECT COUNT(*) FROM conversation_events WHERE booking_id = " +
                  std::to_string(booking) + " AND kind = '" + kind + "'");
  }
  ClientResponse ContactForm(const std::string& phone) {
    return Post("/api/public/" + std::string(kBookingSlug) + "/contact",
                {{"name", "Cleo Form"}, {"phone", phone}, {"message", "Do you have time?"}});
  }
  ClientResponse Inbound(const std::string& body) {
    char sid[40];
    std::snprintf(sid, sizeof sid, "SM%032d", ++sid_);
    return twilio_.PostSignedForm(port(), PublicUrl(), "/api/webhooks/twilio/inbound",
                                  {{"AccountSid", kBookingSid},
                                   {"From", kCustomer},
                                   {"To", kBookingNumber},
                                   {"Body", body},
                                   {"MessageSid", sid},
                                   {"NumMedia", "0"}});
  }
  std::int64_t BookingId(const json& answer) { return answer["booking"]["id"].get<std::int64_t>(); }

  int sid_ = 0;
};

TEST_F(AutomationTest, TheOwnerSeesEveryRuleWithItsRealTextsAndWhatItSent) {
  BookPublic(At(2, 10), kCustomer);
  ASSERT_EQ(ContactForm("+14155550143").status, 202);
  const json rules = Rules();
  ASSERT_EQ(rules.size(), 8u);
  const std::vector<std::string> keys = {
      "welcome",      "booking_confirmation", "booking_updates", "booking_reminder",
      "form_request", "form_reminder",        "low_stock_alert", "pause_on_staff_reply"};
  for (std::size_t i = 0; i < keys.size(); ++i) {
    EXPECT_EQ(rules[i]["key"], keys[i]);
    EXPECT_EQ(rules[i]["enabled"], true);
    EXPECT_FALSE(rules[i]["title"].get<std::string>().empty());
    EXPECT_FALSE(rules[i]["description"].get<std::string>().empty());
  }
  const json welcome = RuleNamed(rules, "welcome");
  ASSERT_EQ(welcome["templates"].size(), 2u);
  EXPECT_EQ(welcome["templates"][0]["channel"], "sms");
  EXPECT_EQ(welcome["templates"][0]["template_key"], "welcome_sms");
  EXPECT_EQ(welcome["templates"][1]["template_key"], "welcome_email");
  EXPECT_NE(welcome["templates"][0]["body"].get<std::string>().find("Ann's Clinic"),
            std::string::npos)
      << welcome;
  EXPECT_EQ(welcome["sent_last_30_days"], 1);

  const json confirmation = RuleNamed(rules, "booking_confirmation");
  ASSERT_EQ(confirmation["templates"].size(), 4u);  // confirmed and pending, SMS and email
  EXPECT_EQ(confirmation["templates"][0]["kind"], "booking_confirmation");
  EXPECT_EQ(confirmation["templates"][2]["kind"], "booking_pending");
  const std::string sms = confirmation["templates"][0]["body"];
  EXPECT_NE(sms.find("Haircut"), std::string::npos) << sms;
  EXPECT_NE(sms.find("Reply C to confirm or X to cancel"), std::string::npos) << sms;
  EXPECT_NE(sms.find("/b#token=example"), std::string::npos) << sms;
  EXPECT_TRUE(confirmation["templates"][0]["template_key"].is_null());
  EXPECT_FALSE(confirmation["templates"][1]["subject"].get<std::string>().empty());
  EXPECT_EQ(confirmation["sent_last_30_days"], 1);
  EXPECT_EQ(RuleNamed(rules, "booking_updates")["templates"].size(), 6u);
  EXPECT_EQ(RuleNamed(rules, "booking_reminder")["templates"].size(), 2u);
  EXPECT_EQ(RuleNamed(rules, "booking_reminder")["sent_last_30_days"], 0);
  const json form_request = RuleNamed(rules, "form_request");
  ASSERT_EQ(form_request["templates"].size(), 2u);
  EXPECT_EQ(form_request["templates"][0]["kind"], "form_request");
  EXPECT_NE(form_request["templates"][0]["body"].get<std::string>().find("/f#token=example"),
            std::string::npos)
      << form_request;
  EXPECT_EQ(RuleNamed(rules, "form_reminder")["templates"].size(), 2u);
  const json low_stock = RuleNamed(rules, "low_stock_alert");
  ASSERT_EQ(low_stock["templates"].size(), 2u);
  EXPECT_EQ(low_stock["templates"][1]["channel"], "email");
  EXPECT_NE(low_stock["templates"][1]["subject"].get<std::string>().find("Low stock at Ann's"),
            std::string::npos)
      << low_stock;
  EXPECT_TRUE(RuleNamed(rules, "pause_on_staff_reply")["templates"].empty());

  // An edited welcome template shows as edited.
  ASSERT_EQ(As(ann_, "PUT", Ws("/templates/welcome_sms"),
               R"({"body": "Hi {name}, {business} here: we will call you."})")
                .status,
            200);
  EXPECT_EQ(RuleNamed(Rules(), "welcome")["templates"][0]["body"],
            "Hi Alex, Ann's Clinic here: we will call you.");

  // 30 days back counts; a millisecond more does not.
  const Millis month_ago = clock().NowMillis() - 30 * kDayMillis;
  Sql("UPDATE messages SET created_at = " + std::to_string(month_ago) +
      " WHERE kind = 'booking_confirmation'");
  EXPECT_EQ(RuleNamed(Rules(), "booking_confirmation")["sent_last_30_days"], 1);
  Sql("UPDATE messages SET created_at = " + std::to_string(month_ago - 1) +
      " WHERE kind = 'booking_confirmation'");
  EXPECT_EQ(RuleNamed(Rules(), "booking_confirmation")["sent_last_30_days"], 0);
}

TEST_F(AutomationTest, OnlyTheOwnerSeesOrSwitchesRulesAndBadRequestsAreNamed) {
  EXPECT_EQ(As(bob_, "GET", Ws("/automation")).status, 403);
  EXPECT_EQ(As(bob_, "PATCH", Ws("/automation/welcome"), R"({"enabled": false})").status, 403);
  EXPECT_EQ(As(bob_, "GET", Ws("/automation/welcome/log")).status, 403);
  EXPECT_EQ(Call("GET", Ws("/automation")).status, 401);

  EXPECT_EQ(Switch("nope", R"({"enabled": false})").status, 404);
  EXPECT_EQ(As(ann_, "GET", Ws("/automation/nope/log")).status, 404);
  auto missing = Switch("welcome", R"({})");
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.Json()["error"]["field"], "enabled");
  auto wrong = Switch("welcome", R"({"enabled": "no"})");
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(wrong.Json()["error"]["field"], "enabled");
  EXPECT_EQ(Switch("welcome", "not json").status, 400);
  for (const char* q : {"?limit=0", "?limit=201", "?limit=x", "?cursor=abc", "?cursor=1.",
                        "?cursor=-1.2", "?cursor=%zz"}) {
    auto r = As(ann_, "GET", Ws("/automation/welcome/log") + q);
    EXPECT_EQ(r.status, 400) << q << " " << r.body;
  }
  EXPECT_EQ(RuleNamed(Rules(), "welcome")["enabled"], true);  // nothing changed

  TurnOff("welcome");
  EXPECT_EQ(RuleNamed(Rules(), "welcome")["enabled"], false);
  EXPECT_EQ(SqlInt("SELECT updated_by FROM automation_settings WHERE rule = 'welcome'"), ann_id_);
  auto on = Switch("welcome", R"({"enabled": true})");
  ASSERT_EQ(on.status, 200);
  EXPECT_EQ(on.Json()["key"], "welcome");
  EXPECT_EQ(on.Json()["enabled"], true);
}

TEST_F(AutomationTest, WelcomeOffStoresTheMessageButSendsNoWelcome) {
  TurnOff("welcome");
  ASSERT_EQ(ContactForm("+14155550143").status, 202);
  EXPECT_EQ(Messages("contact_form"), 1);
  EXPECT_EQ(Messages("welcome"), 0);
  EXPECT_EQ(SqlInt("SELECT COUNT(*) FROM conversations"), 1);

  ASSERT_EQ(Switch("welcome", R"({"enabled": true})").status, 200);
  ASSERT_EQ(ContactForm("+14155550144").status, 202);
  EXPECT_EQ(Messages("welcome"), 1);
}

TEST_F(AutomationTest, BookingConfirmationOffBooksAndRecordsButSendsNothing) {
  TurnOff("booking_confirmation");
  const std::int64_t id = BookingId(BookPublic(At(5, 10), kCustomer));
  EXPECT_EQ(GetBooking(id)["status"], "confirmed");
  EXPECT_EQ(Messages("booking_confirmation"), 0);
  EXPECT_EQ(Events(id, "booking_created"), 1);
  EXPECT_EQ(SqlInt("SELECT COUNT(*) FROM jobs WHERE subject_id = " + std::to_string(id) +
                   " AND status = 'pending'"),
            1);  // the reminder is another rule's
  // An approval sends no confirmation either.
  const std::int64_t service =
      CreateService({{"name", "Consult"}, {"member_ids", {ann_id_}}, {"requires_approval", true}});
  auto pending =
      Post("/api/public/" + std::string(kBookingSlug) + "/bookings", {{"service_id", service},
                                                                      {"start", Rfc3339(At(6, 10))},
                                                                      {"name", "Pat"},
                                                                      {"phone", kCustomer}});
  ASSERT_EQ(pending.status, 201) << pending.body;
  const std::int64_t pending_id = BookingId(pending.Json());
  EXPECT_EQ(Messages("booking_pending"), 0);
  auto approve = As(ann_, "PATCH", Ws("/bookings/" + std::to_string(pending_id)),
                    R"({"status": "confirmed"})");
  ASSERT_EQ(approve.status, 200) << approve.body;
  EXPECT_EQ(Messages("booking_confirmation"), 0);
  EXPECT_EQ(Events(pending_id, "booking_confirmed"), 1);
}

TEST_F(AutomationTest, BookingUpdatesOffMovesCancelsAndAnswersRepliesSilently) {
  const std::int64_t a = BookingId(BookPublic(At(5, 10), kCustomer));
  const std::int64_t b = BookingId(BookPublic(At(6, 10), kCustomer));
  TurnOff("booking_updates");
  auto moved = As(ann_, "PATCH", Ws("/bookings/" + std::to_string(b)),
                  json{{"start", Rfc3339(At(7, 11))}}.dump());
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(Events(b, "booking_moved"), 1);
  EXPECT_EQ(Messages("booking_moved"), 0);

  // C confirms the next booking with no answer; X cancels it with none.
  ASSERT_EQ(Inbound("C").status, 200);
  EXPECT_FALSE(GetBooking(a)["customer_confirmed_at"].is_null());
  ASSERT_EQ(Inbound("X").status, 200);
  EXPECT_EQ(GetBooking(a)["status"], "cancelled");
  EXPECT_EQ(Events(a, "booking_cancelled"), 1);
  EXPECT_EQ(Messages("booking_reply_answer"), 0);
  EXPECT_EQ(Messages("booking_cancelled"), 0);

  auto cancelled =
      As(ann_, "PATCH", Ws("/bookings/" + std::to_string(b)), R"({"status": "cancelled"})");
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(Messages("booking_cancelled"), 0);
  EXPECT_EQ(Events(b, "booking_cancelled"), 1);
  EXPECT_EQ(Messages("booking_confirmation"), 2);  // the confirmations went before

  // Back on: the next change is announced.
  ASSERT_EQ(Switch("booking_updates", R"({"enabled": true})").status, 200);
  const std::int64_t c = BookingId(BookPublic(At(8, 10), kCustomer));
  ASSERT_EQ(Inbound("X").status, 200);
  EXPECT_EQ(GetBooking(c)["status"], "cancelled");
  EXPECT_EQ(Messages("booking_reply_answer"), 1);
}

TEST_F(AutomationTest, RemindersOffAreSkippedAsRuleOff) {
  const std::int64_t id = BookingId(BookPublic(At(5, 10), kCustomer));
  TurnOff("booking_reminder");
  clock().Set(At(4, 10));  // 24 hours before
  std::string status;
  for (int i = 0; i < 200 && status != "skipped"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    const json reminders = GetBooking(id)["reminders"];
    if (!reminders.empty()) status = reminders[0]["status"];
  }
  const json reminders = GetBooking(id)["reminders"];
  ASSERT_EQ(reminders.size(), 1u);
  EXPECT_EQ(reminders[0]["status"], "skipped");
  EXPECT_EQ(reminders[0]["result"], "rule off");
  EXPECT_EQ(Messages("booking_reminder"), 0);
}

TEST_F(AutomationTest, AStaffReplyPausesAutomationOnlyWhileTheRuleIsOn) {
  ASSERT_EQ(ContactForm(kCustomer).status, 202);
  const std::int64_t conversation = SqlInt("SELECT id FROM conversations");
  const std::string path = Ws("/conversations/" + std::to_string(conversation));
  TurnOff("pause_on_staff_reply");
  auto reply = As(ann_, "POST", path + "/replies", R"({"channel": "sms", "body": "Sure!"})");
  ASSERT_EQ(reply.status, 202) << reply.body;
  json c = As(ann_, "GET", path).Json();
  EXPECT_EQ(c["automation_paused"], false);
  EXPECT_EQ(c["waiting_for_reply"], false);  // the reply still answers the customer

  ASSERT_EQ(Switch("pause_on_staff_reply", R"({"enabled": true})").status, 200);
  ASSERT_EQ(As(ann_, "POST", path + "/replies", R"({"channel": "sms", "body": "Again"})").status,
            202);
  EXPECT_EQ(As(ann_, "GET", path).Json()["automation_paused"], true);
}

TEST_F(AutomationTest, ARulesLogListsWhatItSentNewestFirstInPages) {
  const std::int64_t a = BookingId(BookPublic(At(5, 10), kCustomer));
  clock().Advance(60'000);
  const std::int64_t b = BookingId(BookPublic(At(6, 10), "+14155550143"));
  clock().Advance(60'000);
  ASSERT_EQ(
      As(ann_, "PATCH", Ws("/bookings/" + std::to_string(a)), R"({"status": "cancelled"})").status,
      200);
  (void)b;
  auto page = As(ann_, "GET", Ws("/automation/booking_confirmation/log?limit=1"));
  ASSERT_EQ(page.status, 200) << page.body;
  json body = page.Json();
  ASSERT_EQ(body["messages"].size(), 1u);
  EXPECT_EQ(body["messages"][0]["to"], "+14155550143");
  EXPECT_EQ(body["messages"][0]["kind"], "booking_confirmation");
  EXPECT_EQ(body["messages"][0]["channel"], "sms");
  EXPECT_FALSE(body["messages"][0]["conversation_id"].is_null());
  ASSERT_TRUE(body["next_cursor"].is_string());
  auto next = As(ann_, "GET",
                 Ws("/automation/booking_confirmation/log?limit=1&cursor=") +
                     body["next_cursor"].get<std::string>());
  ASSERT_EQ(next.status, 200) << next.body;
  ASSERT_EQ(next.Json()["messages"].size(), 1u);
  EXPECT_EQ(next.Json()["messages"][0]["to"], kCustomer);
  auto last = As(ann_, "GET",
                 Ws("/automation/booking_confirmation/log?limit=1&cursor=") +
                     next.Json()["next_cursor"].get<std::string>());
  EXPECT_TRUE(last.Json()["messages"].empty());
  EXPECT_TRUE(last.Json()["next_cursor"].is_null());

  const json updates = As(ann_, "GET", Ws("/automation/booking_updates/log")).Json();
  ASSERT_EQ(updates["messages"].size(), 1u);
  EXPECT_EQ(updates["messages"][0]["kind"], "booking_cancelled");
  EXPECT_TRUE(updates["next_cursor"].is_null());
  EXPECT_TRUE(
      As(ann_, "GET", Ws("/automation/pause_on_staff_reply/log")).Json()["messages"].empty());
}

}  // namespace
}  // namespace careops::testing
