// The messaging pipeline through the real server: outbox rows sent to the fake Twilio, signed
// status callbacks, the message log and the development outbox.

#include <gtest/gtest.h>

#include <memory>
#include <thread>

#include "core/crypto.hpp"
#include "db/database.hpp"
#include "http/json.hpp"
#include "messaging/messaging_handlers.hpp"
#include "messaging/outbox.hpp"
#include "support/fake_twilio.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace careops::testing {
namespace {

using std::chrono::milliseconds;

constexpr const char* kFrom = "+15005550006";
constexpr const char* kStatusPath = "/api/webhooks/twilio/status";

// GET /test/messages/{id} answers as GET /api/messages/{id} would for the user named in
// X-Test-User: the owner rule is exercised without depending on sign-in.
http::Route OwnerProbeRoute(const messaging::MessagingHandlers& handlers) {
  return {http::Method::kGet, "/test/messages/{id:int}", http::AccessRule{http::Access::kPublic},
          [&handlers](http::RequestContext& ctx) {
            ctx.user_id =
                std::stoll(std::string(ctx.request.headers.Get("X-Test-User").value_or("0")));
            return handlers.GetMessage(ctx);
          }};
}

class MessagingTest : public ::testing::Test {
 protected:
  // Starts the server with these providers ("twilio" points it at the fake).
  void StartServer(const std::string& sms_provider = "twilio",
                   const std::string& email_provider = "console", int twilio_timeout_ms = 15'000) {
    TestServerOptions options;
    options.configure = [this, sms_provider, email_provider, twilio_timeout_ms](app::Config& c) {
      c.twilio_timeout_ms = twilio_timeout_ms;
      c.sms_provider = sms_provider;
      c.email_provider = email_provider;
      if (sms_provider == "twilio") {
        c.twilio_account_sid = fake_.account_sid();
        c.twilio_auth_token = fake_.auth_token();
        c.twilio_phone_number = kFrom;
        c.twilio_api_base_url = fake_.base_url();
      }
      c.sms_send_rate = 1000;
    };
    options.extra_routes.push_back(OwnerProbeRoute(probe_handlers_));
    server_ = std::make_unique<TestServer>(std::move(options));
    database_ = db::OpenDatabase(server_->app().config().database_url);
    conn_ = database_->Connect();
    key_ = std::make_unique<SecretKey>(server_->app().config().secret_key);
  }

  // Writes an outbox row the way a feature would; the server's dispatcher finds it on its own.
  std::int64_t Enqueue(messaging::NewMessage m) {
    messaging::Outbox outbox(server_->clock(), *key_, nullptr);
    return outbox.Enqueue(*conn_, m);
  }
  std::int64_t EnqueueSms(std::string body, bool sensitive = false, std::int64_t user = 42) {
    return Enqueue({.channel = messaging::Channel::kSms,
                    .to = "+14155552671",
                    .body = std::move(body),
                    .kind = "test",
                    .user_id = user,
                    .sensitive = sensitive});
  }

  std::string Status(std::int64_t id) {
    return conn_->QueryOne("SELECT status FROM messages WHERE id = ?", {id})->Text(0);
  }
  bool WaitForStatus(std::int64_t id, const std::string& status) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      if (Status(id) == status) return true;
      std::this_thread::sleep_for(milliseconds(5));
    }
    return false;
  }
  ClientResponse Probe(std::int64_t id, std::int64_t user) {
    return Request(server_->port(), "GET", "/test/messages/" + std::to_string(id), {},
                   {{"X-Test-User", std::to_string(user)}});
  }
  std::string PublicUrl() const { return server_->app().config().public_base_url; }

  FakeTwilio fake_;
  messaging::MessageChanged no_listener_;
  messaging::MessagingHandlers probe_handlers_{nullptr, no_listener_};
  std::unique_ptr<TestServer> server_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<db::Connection> conn_;
  std::unique_ptr<SecretKey> key_;
};

TEST_F(MessagingTest, StatusCallbackNeedsAValidSignatureAndMarksDelivered) {
  StartServer();
  const std::int64_t id = EnqueueSms("Your code is 271828", /*sensitive=*/true);
  const auto sent = fake_.WaitForMessages(1);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].body, "Your code is 271828");
  EXPECT_EQ(sent[0].from, kFrom);
  EXPECT_EQ(sent[0].status_callback, PublicUrl() + kStatusPath);
  ASSERT_TRUE(WaitForStatus(id, "sent"));

  const auto bad = fake_.SendStatusCallback(server_->port(), PublicUrl(), sent[0].sid, "delivered",
                                            "", /*bad_signature=*/true);
  EXPECT_EQ(bad.status, 403);
  EXPECT_EQ(bad.Json()["error"]["code"], "permission_denied");
  const auto unsigned_post = Request(server_->port(), "POST", kStatusPath,
                                     "MessageSid=" + sent[0].sid + "&MessageStatus=delivered",
                                     {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(unsigned_post.status, 403);
  // Signed for another URL: refused too.
  EXPECT_EQ(fake_
                .SendStatusCallback(server_->port(), "https://elsewhere.example", sent[0].sid,
                                    "delivered")
                .status,
            403);
  EXPECT_EQ(Status(id), "sent");

  server_->clock().Advance(1'500);
  const auto good =
      fake_.SendStatusCallback(server_->port(), PublicUrl(), sent[0].sid, "delivered");
  EXPECT_EQ(good.status, 204) << good.body;
  EXPECT_EQ(Status(id), "delivered");
  // Out of order: a late "sent" must not move it back.
  EXPECT_EQ(fake_.SendStatusCallback(server_->port(), PublicUrl(), sent[0].sid, "sent").status,
            204);

  const auto r = Probe(id, 42);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto j = r.Json();
  EXPECT_EQ(j["status"], "delivered");
  EXPECT_EQ(j["channel"], "sms");
  EXPECT_EQ(j["to"], "+14155552671");
  EXPECT_TRUE(j["body"].is_null());  // sensitive
  EXPECT_EQ(j["delivered_at"], server_->clock().NowMillis());
  ASSERT_EQ(j["attempts"].size(), 1u);
  EXPECT_EQ(j["attempts"][0]["outcome"], "accepted");
  ASSERT_EQ(j["events"].size(), 2u);
  EXPECT_EQ(j["events"][0]["status"], "delivered");
  EXPECT_EQ(j["events"][1]["status"], "sent");
  EXPECT_EQ(r.body.find("271828"), std::string::npos);
}

TEST_F(MessagingTest, UndeliveredReportKeepsTheErrorCode) {
  StartServer();
  const std::int64_t id = EnqueueSms("hello");
  const auto sent = fake_.WaitForMessages(1);
  ASSERT_EQ(sent.size(), 1u);
  ASSERT_TRUE(WaitForStatus(id, "sent"));
  EXPECT_EQ(
      fake_.SendStatusCallback(server_->port(), PublicUrl(), sent[0].sid, "undelivered", "30003")
          .status,
      204);
  const auto j = Probe(id, 42).Json();
  EXPECT_EQ(j["status"], "undelivered");
  EXPECT_EQ(j["error_code"], "30003");
  EXPECT_EQ(j["error_message"], "handset unreachable");
  EXPECT_EQ(j["body"], "hello");
  // Final: a late "delivered" changes nothing.
  fake_.SendStatusCallback(server_->port(), PublicUrl(), sent[0].sid, "delivered");
  EXPECT_EQ(Status(id), "undelivered");
}

TEST_F(MessagingTest, UnknownSidIsAcknowledgedAndIgnored) {
  StartServer();
  const auto r = fake_.SendStatusCallback(server_->port(), PublicUrl(),
                                          "SM00000000000000000000000000000000", "delivered");
  EXPECT_EQ(r.status, 204);
  EXPECT_EQ(conn_->QueryOne("SELECT COUNT(*) FROM message_events")->Int(0), 0);
}

TEST_F(MessagingTest, MessagesAreVisibleToTheirOwnerOnly) {
  StartServer();
  const std::int64_t id = EnqueueSms("for 42");
  ASSERT_TRUE(WaitForStatus(id, "sent"));
  EXPECT_EQ(Probe(id, 42).status, 200);
  const auto other = Probe(id, 43);
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(other.Json()["error"]["code"], "not_found");
  EXPECT_EQ(Probe(id + 1000, 42).status, 404);
  // The real route refuses anonymous callers.
  EXPECT_EQ(Get(server_->port(), "/api/messages/" + std::to_string(id)).status, 401);
}

TEST_F(MessagingTest, OwnerReadsTheirVerificationMessageThroughTheRealRoute) {
  StartServer();
  const auto register_user = [&](const std::string& email, const std::string& phone) {
    const auto r = PostJson(server_->port(), "/api/auth/register",
                            nlohmann::json{{"email", email},
                                           {"password", "correct horse battery"},
                                           {"full_name", "Ann Lee"},
                                           {"phone_number", phone}}
                                .dump());
    EXPECT_EQ(r.status, 201) << r.body;
    const auto login =
        PostJson(server_->port(), "/api/auth/login",
                 nlohmann::json{{"email", email}, {"password", "correct horse battery"}}.dump());
    EXPECT_EQ(login.status, 200) << login.body;
    return std::pair(r.Json()["id"].get<std::int64_t>(),
                     "Bearer " + login.Json()["access_token"].get<std::string>());
  };
  const auto [ann, ann_token] = register_user("ann@example.com", "+14155552671");
  const auto [bob, bob_token] = register_user("bob@example.com", "+14155552672");
  ASSERT_EQ(fake_.WaitForMessages(2).size(), 2u);
  const auto row = conn_->QueryOne("SELECT id FROM messages WHERE user_id = ?", {ann});
  ASSERT_TRUE(row.has_value());
  const std::int64_t id = row->Int(0);
  ASSERT_TRUE(WaitForStatus(id, "sent"));
  const std::string path = "/api/messages/" + std::to_string(id);
  const auto mine = Request(server_->port(), "GET", path, {}, {{"Authorization", ann_token}});
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.Json()["kind"], "verification_code");
  EXPECT_EQ(mine.Json()["status"], "sent");
  EXPECT_TRUE(mine.Json()["body"].is_null());
  const auto theirs = Request(server_->port(), "GET", path, {}, {{"Authorization", bob_token}});
  EXPECT_EQ(theirs.status, 404);
  EXPECT_NE(bob, ann);
}

TEST_F(MessagingTest, ServerErrorsAreRetriedWithBackoff) {
  StartServer();
  fake_.ServerErrorNext(503);
  const std::int64_t id = EnqueueSms("retry me");
  ASSERT_TRUE(WaitForStatus(id, "retrying"));
  EXPECT_TRUE(fake_.messages().empty());
  const auto next = conn_->QueryOne("SELECT next_attempt_at FROM messages WHERE id = ?", {id});
  EXPECT_GT(next->Int(0), server_->clock().NowMillis());
  EXPECT_LE(next->Int(0), server_->clock().NowMillis() + 2'000);
  server_->clock().Advance(2'000);
  ASSERT_EQ(fake_.WaitForMessages(1).size(), 1u);
  ASSERT_TRUE(WaitForStatus(id, "sent"));
  const auto j = Probe(id, 42).Json();
  ASSERT_EQ(j["attempts"].size(), 2u);
  EXPECT_EQ(j["attempts"][0]["outcome"], "transient");
  EXPECT_EQ(j["attempts"][1]["outcome"], "accepted");
  EXPECT_EQ(fake_.requests(), 2);
}

TEST_F(MessagingTest, TwilioTimeoutIsRetried) {
  StartServer("twilio", "console", /*twilio_timeout_ms=*/500);
  fake_.TimeoutNext();
  const std::int64_t id = EnqueueSms("slow network");
  ASSERT_TRUE(WaitForStatus(id, "retrying"));
  EXPECT_TRUE(fake_.messages().empty());
  server_->clock().Advance(2'000);
  ASSERT_EQ(fake_.WaitForMessages(1).size(), 1u);
  ASSERT_TRUE(WaitForStatus(id, "sent"));
  const auto j = Probe(id, 42).Json();
  ASSERT_EQ(j["attempts"].size(), 2u);
  EXPECT_EQ(j["attempts"][0]["outcome"], "transient");
  EXPECT_EQ(j["attempts"][0]["error_code"], "timeout");
  EXPECT_EQ(j["attempts"][1]["outcome"], "accepted");
}

TEST_F(MessagingTest, InvalidNumberFailsWithoutRetry) {
  StartServer();
  fake_.FailNext(21211, 400);
  const std::int64_t id = EnqueueSms("never");
  ASSERT_TRUE(WaitForStatus(id, "failed"));
  server_->clock().Advance(3'600'000);
  std::this_thread::sleep_for(milliseconds(600));  // past the dispatcher's idle poll
  EXPECT_EQ(fake_.requests(), 1);
  const auto j = Probe(id, 42).Json();
  EXPECT_EQ(j["status"], "failed");
  EXPECT_EQ(j["error_code"], "21211");
  EXPECT_EQ(j["attempts"].size(), 1u);
  const auto metrics = Get(server_->port(), "/metrics").body;
  EXPECT_NE(metrics.find("careops_messages_sent_total{channel=\"sms\",outcome=\"permanent\"} 1"),
            std::string::npos)
      << metrics;
  EXPECT_NE(metrics.find("careops_messages_queued"), std::string::npos);
}

TEST_F(MessagingTest, DevOutboxIsAbsentWithoutAConsoleProvider) {
  StartServer("twilio", "none");
  const auto r = Get(server_->port(), "/api/dev/outbox");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.Json()["error"]["code"], "not_found");
}

TEST_F(MessagingTest, DevOutboxStaysWhileEmailIsOnTheConsole) {
  StartServer("twilio", "console");
  const std::int64_t id = EnqueueSms("to twilio");
  ASSERT_TRUE(WaitForStatus(id, "sent"));
  const auto r = Get(server_->port(), "/api/dev/outbox");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(r.Json()["messages"].empty());  // SMS went to Twilio, not the console
}

TEST_F(MessagingTest, NoneProviderRecordsSkipped) {
  StartServer("none", "none");
  const std::int64_t id = EnqueueSms("nowhere");
  ASSERT_TRUE(WaitForStatus(id, "skipped"));
  EXPECT_EQ(Probe(id, 42).Json()["attempts"][0]["outcome"], "skipped");
}

TEST_F(MessagingTest, DevOutboxListsConsoleMessagesNewestFirst) {
  StartServer("console");
  const std::int64_t sms = EnqueueSms("Your code is 123456", true);
  ASSERT_TRUE(WaitForStatus(sms, "sent"));
  const std::int64_t email = Enqueue({.channel = messaging::Channel::kEmail,
                                      .to = "ann@example.com",
                                      .subject = "Welcome",
                                      .body = "Hello Ann",
                                      .kind = "test"});
  ASSERT_TRUE(WaitForStatus(email, "sent"));
  const auto r = Get(server_->port(), "/api/dev/outbox");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto messages = r.Json()["messages"];
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0]["id"], email);
  EXPECT_EQ(messages[0]["channel"], "email");
  EXPECT_EQ(messages[0]["subject"], "Welcome");
  EXPECT_EQ(messages[0]["body"], "Hello Ann");
  EXPECT_EQ(messages[1]["id"], sms);
  EXPECT_EQ(messages[1]["to"], "+14155552671");
  EXPECT_EQ(messages[1]["body"], "Your code is 123456");  // development only, by design
  EXPECT_EQ(fake_.requests(), 0);
}

TEST_F(MessagingTest, WebhooksAreRefusedWhenTwilioIsNotConfigured) {
  StartServer("console");
  const auto r = fake_.SendStatusCallback(server_->port(), PublicUrl(), "SMx", "delivered");
  EXPECT_EQ(r.status, 403);
}

}  // namespace
}  // namespace careops::testing
