// The inbox over HTTP (docs/API.md, "Public contact form and inbox"): inbound SMS through the
// signed Twilio webhook with the carrier keywords, the public contact form with its welcome
// SMS, and staff replies — all against the fake Twilio.

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "support/event_stream_client.hpp"
#include "support/workspace_fixture.hpp"

namespace careops::testing {
namespace {

using nlohmann::json;

constexpr const char* kOwnSid = "AC99999999999999999999999999990077";
constexpr const char* kOwnToken = "own-token-inbox-1";
constexpr const char* kOwnNumber = "+15005550077";
constexpr const char* kCustomer = "+14155550199";

class InboxTest : public WorkspaceHttpTest {
 protected:
  void SetUp() override {
    WorkspaceHttpTest::SetUp();
    ws_ = CreateWorkspace(ann_, "Sunny Clinic", "sunny-clinic");
    auto r = ConnectOwnTwilio(ann_, ws_, kOwnSid, kOwnToken, kOwnNumber);
    ASSERT_EQ(r.status, 200) << r.body;
  }

  std::string Ws(const std::string& rest) const {
    return "/api/workspaces/" + std::to_string(ws_) + rest;
  }
  std::string PublicUrl() const { return server_->app().config().public_base_url; }

  ClientResponse Inbound(const std::string& body, const std::string& sid,
                         const std::string& from = kCustomer, bool bad_signature = false) {
    return twilio_.PostSignedForm(port(), PublicUrl(), "/api/webhooks/twilio/inbound",
                                  {{"AccountSid", kOwnSid},
                                   {"From", from},
                                   {"To", kOwnNumber},
                                   {"Body", body},
                                   {"MessageSid", sid},
                                   {"NumMedia", "0"}},
                                  bad_signature);
  }

  json Conversations() {
    auto r = As(ann_, "GET", Ws("/conversations"));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json()["conversations"];
  }

  // Messages the fake Twilio accepted for `to`, waiting until there are `n` (10 s at most).
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

  // The status of message `id` once it is no longer queued or being sent (10 s at most).
  std::string FinalStatus(std::int64_t id) {
    std::string status;
    for (int i = 0; i < 400; ++i) {
      status = As(ann_, "GET", "/api/messages/" + std::to_string(id)).Json().value("status", "");
      if (status != "queued" && status != "sending" && status != "retrying") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return status;
  }

  std::int64_t TestMessageTo(const std::string& to) {
    auto r = As(ann_, "POST", Ws("/channels/sms/test"), json{{"to", to}}.dump());
    EXPECT_EQ(r.status, 202) << r.body;
    return r.Json()["test"]["message_id"].get<std::int64_t>();
  }

  std::int64_t ws_ = 0;
};

TEST_F(InboxTest, AnSmsFromAnUnknownNumberBecomesAContactAndAConversation) {
  auto r = Inbound("Hi, do you have time on Friday?", "SM00000000000000000000000000000001");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.Header("content-type").find("xml"), std::string::npos);
  EXPECT_NE(r.body.find("<Response/>"), std::string::npos);
  // Twilio redelivers: stored once.
  ASSERT_EQ(Inbound("Hi, do you have time on Friday?", "SM00000000000000000000000000000001").status,
            200);

  const json list = Conversations();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["contact"]["phone"], kCustomer);
  EXPECT_EQ(list[0]["unread_count"], 1);
  EXPECT_EQ(list[0]["waiting_for_reply"], true);
  EXPECT_EQ(list[0]["status"], "open");
  auto thread = As(ann_, "GET", Ws("/conversations/" + std::to_string(list[0]["id"].get<int>())));
  ASSERT_EQ(thread.status, 200) << thread.body;
  ASSERT_EQ(thread.Json()["messages"].size(), 1u);
  EXPECT_EQ(thread.Json()["messages"][0]["direction"], "inbound");
  EXPECT_EQ(thread.Json()["messages"][0]["body"], "Hi, do you have time on Friday?");
  EXPECT_EQ(Conversations()[0]["unread_count"], 0);  // opening it read it
  EXPECT_EQ(SqlInt("SELECT COUNT(*) FROM contacts WHERE source = 'inbound_sms'"), 1);
}

TEST_F(InboxTest, AForgedInboundWebhookIsRefused) {
  EXPECT_EQ(Inbound("hello", "SM00000000000000000000000000000002", kCustomer, true).status, 403);
  EXPECT_EQ(SqlInt("SELECT COUNT(*) FROM contacts"), 0);
}

TEST_F(InboxTest, StopOptsOutUntilStartAndLaterSendsAreRefused) {
  ASSERT_EQ(Inbound("STOP", "SM00000000000000000000000000000003").status, 200);
  auto confirmations = SentTo(kCustomer, 1);
  ASSERT_EQ(confirmations.size(), 1u);
  EXPECT_NE(confirmations[0].body.find("unsubscribed"), std::string::npos);
  EXPECT_EQ(confirmations[0].account_sid, kOwnSid);
  EXPECT_EQ(Conversations()[0]["contact"]["sms_opted_out"], true);

  // Anything later to that number is refused by the outbox, never sent.
  const std::int64_t refused = TestMessageTo(kCustomer);
  EXPECT_EQ(FinalStatus(refused), "refused");
  auto record = As(ann_, "GET", "/api/messages/" + std::to_string(refused)).Json();
  EXPECT_EQ(record["error_code"], "opted_out");
  // A second STOP sends no second confirmation; staff cannot reply by SMS.
  ASSERT_EQ(Inbound("stop", "SM00000000000000000000000000000004").status, 200);
  const int conversation = Conversations()[0]["id"].get<int>();
  EXPECT_EQ(As(ann_, "POST", Ws("/conversations/" + std::to_string(conversation) + "/replies"),
               json{{"channel", "sms"}, {"body", "Still there?"}}.dump())
                .status,
            409);
  EXPECT_EQ(SentTo(kCustomer, 1).size(), 1u);

  ASSERT_EQ(Inbound("Start", "SM00000000000000000000000000000005").status, 200);
  const auto after_start = SentTo(kCustomer, 2);
  ASSERT_EQ(after_start.size(), 2u);
  EXPECT_NE(after_start[1].body.find("resubscribed"), std::string::npos);
  EXPECT_EQ(FinalStatus(TestMessageTo(kCustomer)), "sent");
}

TEST_F(InboxTest, CancelOptsOutAndFlagsTheConversation) {
  ASSERT_EQ(Inbound(" cancel ", "SM00000000000000000000000000000006").status, 200);
  const json list = Conversations();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["contact"]["sms_opted_out"], true);
  EXPECT_EQ(list[0]["flag"], "replied CANCEL: opted out of SMS, booking unchanged");
}

TEST_F(InboxTest, HelpIsAnsweredWithTheBusinessName) {
  ASSERT_EQ(As(ann_, "PATCH", Ws(""), json{{"contact_phone", "+1 415 555 0100"}}.dump()).status,
            200);
  ASSERT_EQ(Inbound("HELP", "SM00000000000000000000000000000007").status, 200);
  const auto sent = SentTo(kCustomer, 1);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_NE(sent[0].body.find("Sunny Clinic"), std::string::npos);
  EXPECT_NE(sent[0].body.find("+1 415 555 0100"), std::string::npos);
}

TEST_F(InboxTest, StaffRepliesReachTwilioAndPauseAutomation) {
  ASSERT_EQ(Inbound("Can I come at 3?", "SM00000000000000000000000000000008").status, 200);
  const int conversation = Conversations()[0]["id"].get<int>();
  auto reply = As(ann_, "POST", Ws("/conversations/" + std::to_string(conversation) + "/replies"),
                  json{{"channel", "sms"}, {"body", "Yes, see you at 3."}}.dump());
  ASSERT_EQ(reply.status, 202) << reply.body;
  EXPECT_EQ(reply.Json()["direction"], "outbound");
  const auto sent = SentTo(kCustomer, 1);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].body, "Yes, see you at 3.");
  EXPECT_EQ(sent[0].account_sid, kOwnSid);
  const json after = Conversations()[0];
  EXPECT_EQ(after["automation_paused"], true);
  EXPECT_EQ(after["waiting_for_reply"], false);

  // Closing resumes automation; bad input names the field.
  auto closed = As(ann_, "PATCH", Ws("/conversations/" + std::to_string(conversation)),
                   json{{"status", "closed"}}.dump());
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.Json()["automation_paused"], false);
  EXPECT_EQ(As(ann_, "PATCH", Ws("/conversations/" + std::to_string(conversation)),
               json{{"status", "gone"}}.dump())
                .Json()["error"]["field"],
            "status");
  EXPECT_EQ(As(ann_, "POST", Ws("/conversations/" + std::to_string(conversation) + "/replies"),
               json{{"channel", "fax"}, {"body", "x"}}.dump())
                .Json()["error"]["field"],
            "channel");
  // Another workspace's member sees nothing of it.
  EXPECT_EQ(As(bob_, "GET", Ws("/conversations/" + std::to_string(conversation))).status, 404);
}

TEST_F(InboxTest, TheContactFormCreatesContactConversationAndWelcomeOnceAndReusesThem) {
  const json form = {{"name", "Carla Customer"},
                     {"phone", "(415) 555-0142"},
                     {"message", "I'd like to book a cleaning."}};
  // Not open yet: refused.
  auto closed = Call("POST", "/api/public/sunny-clinic/contact", form.dump());
  EXPECT_EQ(closed.status, 409) << closed.body;
  Sql("UPDATE workspaces SET is_active = 1 WHERE id = " + std::to_string(ws_));

  auto first = Call("POST", "/api/public/sunny-clinic/contact", form.dump());
  ASSERT_EQ(first.status, 202) << first.body;
  const auto welcome = SentTo("+14155550142", 1);
  ASSERT_EQ(welcome.size(), 1u);
  EXPECT_NE(welcome[0].body.find("Carla Customer"), std::string::npos);
  EXPECT_NE(welcome[0].body.find("Sunny Clinic"), std::string::npos);
  EXPECT_EQ(welcome[0].account_sid, kOwnSid);

  json again = form;
  again["message"] = "Also, do you take new patients?";
  ASSERT_EQ(Call("POST", "/api/public/sunny-clinic/contact", again.dump()).status, 202);
  EXPECT_EQ(SqlInt("SELECT COUNT(*) FROM contacts"), 1);
  EXPECT_EQ(SqlInt("SELECT COUNT(*) FROM conversations"), 1);
  EXPECT_EQ(SqlInt("SELECT COUNT(*) FROM messages WHERE kind = 'contact_form'"), 2);
  const json list = Conversations();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["contact"]["name"], "Carla Customer");

  // The honeypot is accepted and dropped; bad input names the field.
  json bot = form;
  bot["website"] = "http://spam.example";
  EXPECT_EQ(Call("POST", "/api/public/sunny-clinic/contact", bot.dump()).status, 202);
  EXPECT_EQ(SqlInt("SELECT COUNT(*) FROM messages WHERE kind = 'contact_form'"), 2);
  const auto field_of = [&](const json& body) {
    return Call("POST", "/api/public/sunny-clinic/contact", body.dump())
        .Json()["error"]
        .value("field", "");
  };
  EXPECT_EQ(field_of({{"name", ""}, {"phone", "+14155550142"}, {"message", "x"}}), "name");
  EXPECT_EQ(field_of({{"name", "A"}, {"message", "x"}}), "email");
  EXPECT_EQ(field_of({{"name", "A"}, {"phone", "12"}, {"message", "x"}}), "phone");
  EXPECT_EQ(field_of({{"name", "A"}, {"phone", "+14155550142"}, {"message", ""}}), "message");
  EXPECT_EQ(Call("POST", "/api/public/nobody-here/contact", form.dump()).status, 404);
}

TEST_F(InboxTest, TheContactFormIsLimitedPerAddress) {
  Sql("UPDATE workspaces SET is_active = 1 WHERE id = " + std::to_string(ws_));
  const json form = {{"name", "Dan"}, {"email", "dan@example.com"}, {"message", "Hello"}};
  int accepted = 0;
  int limited = 0;
  for (int i = 0; i < 8; ++i) {
    const int status = Call("POST", "/api/public/sunny-clinic/contact", form.dump()).status;
    accepted += status == 202;
    limited += status == 429;
  }
  EXPECT_EQ(accepted, 5);
  EXPECT_EQ(limited, 3);
}

TEST_F(InboxTest, OpenInboxesHearOfNewMessagesAndDeliveryLive) {
  EventStreamClient stream(port(), Ws("/events"), false, "Bearer " + ann_);
  ASSERT_EQ(stream.ReadHead().status, 200);
  ASSERT_EQ(Inbound("Are you open today?", "SM00000000000000000000000000000009").status, 200);
  const int conversation = Conversations()[0]["id"].get<int>();
  auto events = stream.ReadMessages(1);
  EXPECT_NE(events[0].find("event: conversation"), std::string::npos) << events[0];
  EXPECT_NE(events[0].find("\"id\":" + std::to_string(conversation)), std::string::npos);

  ASSERT_EQ(As(ann_, "POST", Ws("/conversations/" + std::to_string(conversation) + "/replies"),
               json{{"channel", "sms"}, {"body", "Until six."}}.dump())
                .status,
            202);
  // The reply changes the conversation, then its message is sent.
  events = stream.ReadMessages(2);
  EXPECT_NE(events[0].find("event: conversation"), std::string::npos) << events[0];
  EXPECT_NE(events[1].find("event: message"), std::string::npos) << events[1];
  EXPECT_NE(events[1].find("\"status\":\"sent\""), std::string::npos) << events[1];

  // Another workspace's member cannot listen.
  EventStreamClient other(port(), Ws("/events"), false, "Bearer " + bob_);
  EXPECT_EQ(other.ReadHead().status, 404);
}

TEST_F(InboxTest, StaffWithoutTheInboxPermissionSeeNoConversations) {
  AddBareStaff(ws_, kBobEmail);
  EXPECT_EQ(As(bob_, "GET", Ws("/conversations")).status, 403);
  EXPECT_EQ(As(bob_, "GET", Ws("/templates/welcome_sms")).status, 403);
}

}  // namespace
}  // namespace careops::testing
