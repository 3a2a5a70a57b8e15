// Bookings over HTTP (docs/API.md, "Bookings", "Public booking"): the public page's booking
// with its confirmation SMS through the workspace's own Twilio account, taken slots, the race
// for the last slot, staff's bookings, moves and status changes, the customer's signed links,
// the conversation thread, workspace isolation and bad input.

#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <thread>
#include <vector>

#include "jobs/scheduler.hpp"
#include "support/bookings_fixture.hpp"
#include "support/event_stream_client.hpp"

namespace careops::testing {
namespace {

using nlohmann::json;

class BookingTest : public BookingsHttpTest {
 protected:
  ClientResponse Manage(const std::string& action, json body) {
    return Post("/api/public/bookings/" + action, body);
  }
};

TEST_F(BookingTest, PublicBookingConfirmsBySmsThroughTheWorkspacesOwnAccount) {
  auto r = PublicBooking(At(2, 10));
  ASSERT_EQ(r.status, 201) << r.body;
  const json body = r.Json();
  const json& booking = body["booking"];
  EXPECT_EQ(booking["status"], "confirmed");
  EXPECT_EQ(booking["start"], "2026-01-02T10:00:00Z");
  EXPECT_EQ(booking["end"], "2026-01-02T11:00:00Z");
  EXPECT_EQ(booking["service"]["name"], "Haircut");
  EXPECT_EQ(booking["member"]["id"], ann_id_);
  EXPECT_FALSE(booking.contains("contact"));  // the public answer names nobody else
  const std::string token = body["manage_token"];
  EXPECT_EQ(
      SqlInt("SELECT COUNT(*) FROM contacts WHERE phone = '+14155550101' AND workspace_id = " +
             std::to_string(ws_)),
      1);

  auto sent = twilio_.WaitForMessages(1, std::chrono::seconds(10));
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].account_sid, kBookingSid);
  EXPECT_EQ(sent[0].from, kBookingNumber);
  EXPECT_EQ(sent[0].to, "+14155550101");
  EXPECT_NE(sent[0].body.find(PublicUrl() + "/b#token=" + token), std::string::npos)
      << sent[0].body;
  EXPECT_NE(sent[0].body.find("Fri 2 Jan at 10:00"), std::string::npos) << sent[0].body;
  EXPECT_NE(sent[0].body.find("Reply C to confirm or X to cancel"), std::string::npos);
  EXPECT_EQ(sent[0].body.find("CANCEL"), std::string::npos);
  EXPECT_EQ(sent[0].body.find("STOP"), std::string::npos);
  // The reminder job 24 h before.
  EXPECT_EQ(SqlInt("SELECT COUNT(*) FROM jobs WHERE kind = 'booking_reminder' AND due_at = " +
                   std::to_string(At(1, 10))),
            1);
}

TEST_F(BookingTest, ATakenSlotAnswers409WithTheDaysFreeSlots) {
  ASSERT_EQ(PublicBooking(At(2, 10)).status, 201);
  auto r = PublicBooking(At(2, 10), "+14155550103");
  ASSERT_EQ(r.status, 409) << r.body;
  const json body = r.Json();
  EXPECT_EQ(body["error"]["code"], "conflict");
  EXPECT_EQ(body["error"]["field"], "start");
  ASSERT_TRUE(body["slots"].is_array());
  ASSERT_FALSE(body["slots"].empty());
  for (const json& slot : body["slots"]) {
    EXPECT_NE(slot["start"], "2026-01-02T10:00:00Z");
    EXPECT_GE(slot["start"].get<std::string>(), "2026-01-02T09:00:00Z");
    EXPECT_LT(slot["start"].get<std::string>(), "2026-01-02T17:00:00Z");
    EXPECT_EQ(slot["staff"][0]["name"], "Ann Owner");
  }
  EXPECT_EQ(SqlInt("SELECT COUNT(*) FROM contacts WHERE phone = '+14155550103'"), 0);
}

// B4: of 50 simultaneous requests for the last free slot, exactly one wins; 20 rounds, each on
// a day whose only slot is 10:00–11:00.
TEST_F(BookingTest, FiftyRacersForTheLastSlotGetOne201And49Conflicts) {
  constexpr int kRacers = 50;
  constexpr int kRounds = 20;
  for (int round = 0; round < kRounds; ++round) {
    const int day = 5 + round;  // 5–24 January
    Override(ann_id_, "2026-01-" + std::string(day < 10 ? "0" : "") + std::to_string(day),
             "600-660");
    std::atomic<int> created{0}, conflicts{0}, other{0};
    std::latch start(kRacers);
    std::vector<std::thread> racers;
    for (int i = 0; i < kRacers; ++i) {
      racers.emplace_back([&, i] {
        const std::string body =
            json{{"service_id", haircut_},
                 {"start", Rfc3339(At(day, 10))},
                 {"name", "Racer " + std::to_string(i)},
                 {"phone", "+1415555" + std::to_string(1000 + round * kRacers + i)}}
                .dump();
        start.arrive_and_wait();
        try {
          auto r = Request(port(), "POST", "/api/public/ann-clinic/bookings", body,
                           {{"Content-Type", "application/json"}}, std::chrono::seconds(60));
          if (r.status == 201) {
            ++created;
          } else if (r.status == 409 && r.Json()["error"]["field"] == "start" &&
                     r.Json()["slots"].is_array()) {
            ++conflicts;
          } else {
            ++other;
            ADD_FAILURE() << r.status << " " << r.body;
          }
        } catch (const std::exception& e) {
          ++other;
          ADD_FAILURE() << "round " << round << ": " << e.what();
        }
      });
    }
    for (auto& t : racers) t.join();
    ASSERT_EQ(created.load(), 1) << "round " << round;
    ASSERT_EQ(conflicts.load(), kRacers - 1) << "round " << round;
    ASSERT_EQ(other.load(), 0);
    ASSERT_EQ(
        SqlInt("SELECT COUNT(*) FROM bookings WHERE start_at = " + std::to_string(At(day, 10))), 1);
  }
}

TEST_F(BookingTest, StaffCreateMoveCancelAndComplete) {
  json booking = StaffBook(At(2, 10), "+14155550102", {{"notes", "first visit"}});
  ASSERT_TRUE(booking.contains("id"));
  EXPECT_EQ(booking["source"], "staff");
  EXPECT_EQ(booking["status"], "confirmed");
  EXPECT_EQ(booking["notes"], "first visit");
  EXPECT_EQ(booking["contact"]["phone"], "+14155550102");
  const std::string path = Ws("/bookings/" + std::to_string(booking["id"].get<std::int64_t>()));

  auto moved = As(ann_, "PATCH", path, json{{"start", Rfc3339(At(2, 14))}}.dump());
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.Json()["start"], "2026-01-02T14:00:00Z");
  auto detail = As(ann_, "GET", path);
  ASSERT_EQ(detail.status, 200);
  ASSERT_EQ(detail.Json()["reminders"].size(), 2u);  // the first one cancelled by the move
  EXPECT_EQ(detail.Json()["reminders"][0]["status"], "cancelled");
  EXPECT_EQ(detail.Json()["reminders"][1]["status"], "pending");
  EXPECT_EQ(detail.Json()["reminders"][1]["due_at"], "2026-01-01T14:00:00Z");

  auto early = As(ann_, "PATCH", path, json{{"status", "completed"}}.dump());
  ASSERT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(early.Json()["error"]["field"], "status");
  clock().Set(At(2, 14, 30));
  auto completed = As(ann_, "PATCH", path, json{{"status", "completed"}}.dump());
  ASSERT_EQ(completed.status, 200) << completed.body;
  EXPECT_EQ(completed.Json()["status"], "completed");
  auto reopen = As(ann_, "PATCH", path, json{{"status", "confirmed"}}.dump());
  EXPECT_EQ(reopen.status, 409);
  EXPECT_EQ(reopen.Json()["error"]["field"], "status");

  json other = StaffBook(At(5, 10), "+14155550104");
  const std::string other_path = Ws("/bookings/" + std::to_string(other["id"].get<std::int64_t>()));
  auto cancelled = As(ann_, "PATCH", other_path, json{{"status", "cancelled"}}.dump());
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.Json()["cancelled_by"], "staff");
  EXPECT_EQ(As(ann_, "PATCH", other_path, json{{"status", "confirmed"}}.dump()).status, 409);
  EXPECT_EQ(As(ann_, "PATCH", other_path, json{{"start", Rfc3339(At(5, 11))}}.dump()).status, 409);

  auto listed = As(ann_, "GET", Ws("/bookings?status=cancelled,completed&limit=1"));
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.Json()["bookings"].size(), 1u);
  const std::string cursor = listed.Json()["next_cursor"];
  auto next = As(ann_, "GET", Ws("/bookings?status=cancelled,completed&limit=1&cursor=" + cursor));
  ASSERT_EQ(next.status, 200);
  ASSERT_EQ(next.Json()["bookings"].size(), 1u);
  EXPECT_TRUE(next.Json()["next_cursor"].is_null());
  EXPECT_EQ(next.Json()["bookings"][0]["status"], "cancelled");
  auto january = As(ann_, "GET", Ws("/bookings?from=2026-01-05&to=2026-01-06"));
  ASSERT_EQ(january.status, 200);
  ASSERT_EQ(january.Json()["bookings"].size(), 1u);
}

TEST_F(BookingTest, ManageLinksShowCancelRescheduleAndConfirm) {
  const json made = BookPublic(At(2, 10));
  const std::string token = made["manage_token"];
  auto shown = Manage("manage", {{"token", token}});
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_EQ(shown.Json()["can_change"], true);
  EXPECT_EQ(shown.Json()["workspace"]["slug"], kBookingSlug);
  EXPECT_EQ(shown.Json()["booking"]["id"], made["booking"]["id"]);

  auto confirmed = Manage("confirm", {{"token", token}});
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_FALSE(confirmed.Json()["customer_confirmed_at"].is_null());

  ASSERT_EQ(PublicBooking(At(2, 13), "+14155550105").status, 201);
  auto taken = Manage("reschedule", {{"token", token}, {"start", Rfc3339(At(2, 13))}});
  ASSERT_EQ(taken.status, 409) << taken.body;
  EXPECT_TRUE(taken.Json()["slots"].is_array());
  auto moved = Manage("reschedule", {{"token", token}, {"start", Rfc3339(At(2, 15))}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.Json()["start"], "2026-01-02T15:00:00Z");

  auto cancelled = Manage("cancel", {{"token", token}});
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.Json()["status"], "cancelled");
  EXPECT_EQ(Manage("cancel", {{"token", token}}).status, 409);
  EXPECT_EQ(Manage("manage", {{"token", token}}).Json()["can_change"], false);

  std::string forged = token;
  forged.back() = forged.back() == '0' ? '1' : '0';
  EXPECT_EQ(Manage("manage", {{"token", forged}}).status, 404);
  EXPECT_EQ(Manage("cancel", {{"token", "1.99999999999999.abc"}}).status, 404);
  clock().Set(At(9, 16));  // 7 days after the start it was made for
  auto expired = Manage("manage", {{"token", token}});
  EXPECT_EQ(expired.status, 410) << expired.body;
}

TEST_F(BookingTest, TheConversationThreadHoldsTheBookingsEvents) {
  const json made = BookPublic(At(2, 10));
  ASSERT_EQ(
      Manage("reschedule", {{"token", made["manage_token"]}, {"start", Rfc3339(At(2, 11))}}).status,
      200);
  ASSERT_EQ(Manage("cancel", {{"token", made["manage_token"]}}).status, 200);
  const std::int64_t id = made["booking"]["id"];
  auto booking = As(ann_, "GET", Ws("/bookings/" + std::to_string(id)));
  ASSERT_EQ(booking.status, 200);
  const std::int64_t conversation = booking.Json()["conversation_id"];
  auto thread = As(ann_, "GET", Ws("/conversations/" + std::to_string(conversation)));
  ASSERT_EQ(thread.status, 200) << thread.body;
  const json body = thread.Json();
  std::vector<std::string> kinds;
  for (const json& e : body["events"]) {
    kinds.push_back(e["kind"]);
    EXPECT_EQ(e["booking_id"], id);
  }
  EXPECT_EQ(kinds,
            (std::vector<std::string>{"booking_created", "booking_moved", "booking_cancelled"}));
  std::vector<std::string> messages;
  for (const json& m : body["messages"]) messages.push_back(m["kind"]);
  EXPECT_EQ(messages, (std::vector<std::string>{"booking_confirmation", "booking_moved",
                                                "booking_cancelled"}));
}

TEST_F(BookingTest, OpenPagesHearOfEveryBookingChangeLive) {
  EventStreamClient stream(port(), Ws("/events"), false, "Bearer " + ann_);
  ASSERT_EQ(stream.ReadHead().status, 200);
  const json made = BookPublic(At(2, 10));
  const std::string id = std::to_string(made["booking"]["id"].get<std::int64_t>());
  // The booking, then its conversation (the confirmation's message events may follow).
  auto events = stream.ReadMessages(2);
  EXPECT_NE(events[0].find("event: booking\ndata: {\"id\":" + id + "}"), std::string::npos)
      << events[0];
  EXPECT_NE(events[1].find("event: conversation"), std::string::npos) << events[1];
  ASSERT_EQ(Manage("cancel", {{"token", made["manage_token"]}}).status, 200);
  bool heard = false;
  for (int i = 0; i < 10 && !heard; ++i) {
    for (const std::string& e : stream.ReadMessages(1)) {
      heard = heard || e.find("event: booking\ndata: {\"id\":" + id + "}") != std::string::npos;
    }
  }
  EXPECT_TRUE(heard);
}

// The workspace stream serves every member, carrying only what their permissions cover: Bob
// (bookings, no inbox) hears of bookings but never of conversations or messages.
TEST_F(BookingTest, AMemberWithoutTheInboxHearsBookingsOnly) {
  Sql("UPDATE workspace_members SET perm_bookings = 1, perm_inbox = 0 WHERE user_id = " +
      std::to_string(bob_id_));
  EventStreamClient stream(port(), Ws("/events"), false, "Bearer " + bob_);
  ASSERT_EQ(stream.ReadHead().status, 200);
  const json first = BookPublic(At(2, 10));
  const json second = BookPublic(At(2, 12));
  auto events = stream.ReadMessages(2);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_NE(events[0].find("event: booking\ndata: {\"id\":" +
                           std::to_string(first["booking"]["id"].get<std::int64_t>()) + "}"),
            std::string::npos)
      << events[0];
  EXPECT_NE(events[1].find("event: booking\ndata: {\"id\":" +
                           std::to_string(second["booking"]["id"].get<std::int64_t>()) + "}"),
            std::string::npos)
      << events[1] << " (a conversation or message event came between)";

  Sql("UPDATE workspace_members SET perm_bookings = 0 WHERE user_id = " + std::to_string(bob_id_));
  EventStreamClient bare(port(), Ws("/events"), false, "Bearer " + bob_);
  ASSERT_EQ(bare.ReadHead().status, 200);
  BookPublic(At(2, 14));
  EXPECT_ANY_THROW(bare.ReadMessages(1, std::chrono::milliseconds(1500)));  // nothing arrives
}

// The wiring of the inbox's C / X hook and of the reminder jobs (the detailed tests of both
// live with the inbox and the scheduler).
TEST_F(BookingTest, AReminderFiresWhenDueAndAnXReplyCancelsTheNextBooking) {
  const json first = BookPublic(At(2, 10));
  const json second = BookPublic(At(5, 10));
  ASSERT_EQ(twilio_.WaitForMessages(2).size(), 2u);

  clock().Set(At(1, 10));  // the first booking's reminder is due
  server_->app().scheduler().Wake();
  auto sent = twilio_.WaitForMessages(3, std::chrono::seconds(20));
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_NE(sent[2].body.find("reminder of your Haircut on Fri 2 Jan at 10:00"), std::string::npos)
      << sent[2].body;
  EXPECT_EQ(sent[2].account_sid, kBookingSid);

  auto reply = twilio_.PostSignedForm(port(), PublicUrl(), "/api/webhooks/twilio/inbound",
                                      {{"AccountSid", kBookingSid},
                                       {"From", "+14155550101"},
                                       {"To", kBookingNumber},
                                       {"Body", " x "},
                                       {"MessageSid", "SM00000000000000000000000000000042"},
                                       {"NumMedia", "0"}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  sent = twilio_.WaitForMessages(4);
  ASSERT_EQ(sent.size(), 4u);
  EXPECT_NE(sent[3].body.find("is cancelled"), std::string::npos) << sent[3].body;
  auto cancelled = As(
      ann_, "GET", Ws("/bookings/" + std::to_string(first["booking"]["id"].get<std::int64_t>())));
  EXPECT_EQ(cancelled.Json()["status"], "cancelled");
  EXPECT_EQ(cancelled.Json()["cancelled_by"], "customer");
  auto untouched = As(
      ann_, "GET", Ws("/bookings/" + std::to_string(second["booking"]["id"].get<std::int64_t>())));
  EXPECT_EQ(untouched.Json()["status"], "confirmed");
  EXPECT_EQ(untouched.Json()["reminders"][0]["status"], "pending");
}

class BookingLimitTest : public BookingTest {
 protected:
  BookingLimitTest() {
    configure_more_ = [](app::Config& c) { c.public_bookings_per_ip_hour = 2; };
  }
};

TEST_F(BookingLimitTest, OneAddressMakesAtMostTheHoursAllowanceOfPublicBookings) {
  ASSERT_EQ(PublicBooking(At(2, 10), "+14155550111").status, 201);
  EXPECT_EQ(PublicBooking(At(2, 10), "+14155550112").status, 409);  // refusals do not count
  ASSERT_EQ(PublicBooking(At(2, 11), "+14155550113").status, 201);
  auto third = PublicBooking(At(2, 12), "+14155550114");
  EXPECT_EQ(third.status, 429) << third.body;
  EXPECT_EQ(third.Header("retry-after"), "3600");
  EXPECT_EQ(SqlInt("SELECT COUNT(*) FROM bookings"), 2);
  // Staff are not limited; an hour later the page books again.
  EXPECT_FALSE(StaffBook(At(2, 13)).empty());
  clock().Advance(kHourMs + 1);
  EXPECT_EQ(PublicBooking(At(2, 14), "+14155550114").status, 201);
}

TEST_F(BookingTest, AnotherWorkspacesBookingIsNotFound) {
  const json made = BookPublic(At(2, 10));
  const std::int64_t bobs = CreateWorkspace(bob_, "Bob Barber", "bob-barber");
  const std::string path = "/api/workspaces/" + std::to_string(bobs) + "/bookings/" +
                           std::to_string(made["booking"]["id"].get<std::int64_t>());
  EXPECT_EQ(As(bob_, "GET", path).status, 404);
  EXPECT_EQ(As(bob_, "PATCH", path, json{{"status", "cancelled"}}.dump()).status, 404);
  EXPECT_EQ(As(bob_, "GET", "/api/workspaces/" + std::to_string(bobs) + "/bookings")
                .Json()["bookings"]
                .size(),
            0u);
  // In Ann's workspace Bob is staff without the bookings permission.
  EXPECT_EQ(As(bob_, "GET", Ws("/bookings")).status, 403);
  EXPECT_EQ(
      As(bob_, "GET", Ws("/bookings/" + std::to_string(made["booking"]["id"].get<std::int64_t>())))
          .status,
      403);
}

TEST_F(BookingTest, BadInputIsA400NamingTheField) {
  auto field_of = [](const ClientResponse& r) {
    return r.status == 400 ? r.Json()["error"].value("field", "")
                           : "status " + std::to_string(r.status);
  };
  const std::string start = Rfc3339(At(2, 10));
  const std::string pub = "/api/public/ann-clinic/bookings";
  EXPECT_EQ(field_of(Post(pub, {{"start", start}, {"name", "A"}, {"phone", "+14155550101"}})),
            "service_id");
  EXPECT_EQ(field_of(Post(pub, {{"service_id", haircut_},
                                {"start", "tomorrow"},
                                {"name", "A"},
                                {"phone", "+14155550101"}})),
            "start");
  EXPECT_EQ(
      field_of(Post(pub, {{"service_id", haircut_}, {"start", start}, {"phone", "+14155550101"}})),
      "name");
  EXPECT_EQ(field_of(Post(pub, {{"service_id", haircut_}, {"start", start}, {"name", "A"}})),
            "phone");
  EXPECT_EQ(
      field_of(Post(
          pub, {{"service_id", "1"}, {"start", start}, {"name", "A"}, {"phone", "+14155550101"}})),
      "service_id");
  EXPECT_EQ(field_of(Post(pub, {{"service_id", haircut_},
                                {"start", start},
                                {"name", "A"},
                                {"phone", "+14155550101"},
                                {"website", "x"}})),
            "website");
  EXPECT_EQ(Call("POST", pub, "not json").status, 400);
  EXPECT_EQ(
      Post("/api/public/nowhere/bookings",
           {{"service_id", haircut_}, {"start", start}, {"name", "A"}, {"phone", "+14155550101"}})
          .status,
      404);
  EXPECT_EQ(field_of(Post("/api/public/bookings/manage", json::object())), "token");
  EXPECT_EQ(field_of(Post("/api/public/bookings/manage", {{"token", 5}})), "token");
  EXPECT_EQ(field_of(Post("/api/public/bookings/reschedule", {{"token", "1.2.3"}})), "start");

  EXPECT_EQ(field_of(As(ann_, "POST", Ws("/bookings"),
                        json{{"service_id", haircut_}, {"start", start}}.dump())),
            "contact_id");
  EXPECT_EQ(
      field_of(As(ann_, "POST", Ws("/bookings"),
                  json{{"service_id", haircut_}, {"start", start}, {"contact", "Ann"}}.dump())),
      "contact");
  EXPECT_EQ(field_of(As(ann_, "POST", Ws("/bookings"),
                        json{{"service_id", haircut_},
                             {"start", start},
                             {"member_id", -3},
                             {"contact", {{"name", "A"}, {"phone", "+14155550101"}}}}
                            .dump())),
            "member_id");
  EXPECT_EQ(field_of(As(ann_, "POST", Ws("/bookings"),
                        json{{"service_id", haircut_},
                             {"start", start},
                             {"notify", "no"},
                             {"contact", {{"name", "A"}, {"phone", "+14155550101"}}}}
                            .dump())),
            "notify");
  const json made = StaffBook(At(2, 10));
  const std::string path = Ws("/bookings/" + std::to_string(made["id"].get<std::int64_t>()));
  EXPECT_EQ(field_of(As(ann_, "PATCH", path, json{{"status", "done"}}.dump())), "status");
  EXPECT_EQ(field_of(As(ann_, "PATCH", path, json{{"start", 12}}.dump())), "start");
  EXPECT_EQ(field_of(As(ann_, "PATCH", path, json{{"notes", std::string(2001, 'x')}}.dump())),
            "notes");
  EXPECT_EQ(field_of(As(ann_, "GET", Ws("/bookings?limit=0"))), "limit");
  EXPECT_EQ(field_of(As(ann_, "GET", Ws("/bookings?from=yesterday"))), "from");
  EXPECT_EQ(field_of(As(ann_, "GET", Ws("/bookings?status=open"))), "status");
  EXPECT_EQ(field_of(As(ann_, "GET", Ws("/bookings?cursor=abc"))), "cursor");
  EXPECT_EQ(field_of(As(ann_, "GET", Ws("/bookings?member_id=x"))), "member_id");
  EXPECT_EQ(As(ann_, "GET", Ws("/bookings/999999")).status, 404);
}

}  // namespace
}  // namespace careops::testing
