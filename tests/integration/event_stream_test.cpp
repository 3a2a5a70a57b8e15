// Live updates over server-sent events, against the real server: a test-only stream route
// subscribes to the App's EventHub, the test publishes through the same hub, and raw socket
// clients check the exact bytes, keep-alives, disconnects, shutdown and that streams hold no
// worker.

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "http/error_response.hpp"
#include "http/event_hub.hpp"
#include "support/event_stream_client.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace careops::testing {
namespace {

using namespace std::chrono_literals;

// Polls `condition` until it holds or 10 s pass.
template <typename Condition>
bool Eventually(Condition condition) {
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(5ms);
  }
  return true;
}

class EventStreamTest : public ::testing::Test {
 protected:
  // The server with two workers and a public stream route, GET /api/test/events/{topic}, and
  // a signed-in-only one, GET /api/test/private-events.
  void Start(int keepalive_ms = 60'000, int shutdown_timeout_ms = 30'000) {
    TestServerOptions options;
    options.configure = [=](app::Config& c) {
      c.worker_threads = 2;
      c.event_keepalive_ms = keepalive_ms;
      c.shutdown_timeout_ms = shutdown_timeout_ms;
    };
    auto subscribe = [this](const std::string& topic) {
      auto subscription = hub_.load()->Subscribe(topic);
      if (!subscription.ok()) return http::ErrorResponse(subscription.error());
      return http::EventStreamResponse(std::move(subscription).value());
    };
    options.extra_routes.push_back(
        {http::Method::kGet, "/api/test/events/{topic}", http::AccessRule{http::Access::kPublic},
         [subscribe](http::RequestContext& ctx) { return subscribe(ctx.params.Str("topic")); }});
    options.extra_routes.push_back(
        {http::Method::kGet, "/api/test/private-events", http::AccessRule{http::Access::kUser},
         [subscribe](http::RequestContext&) { return subscribe("private"); }});
    server_ = std::make_unique<TestServer>(std::move(options));
    hub_.store(&server_->app().events());
  }

  http::EventHub& hub() { return *hub_.load(); }
  std::uint16_t port() { return server_->port(); }

  // Opens a stream on `topic` and waits for its head (so the subscription exists).
  std::unique_ptr<EventStreamClient> Open(const std::string& topic) {
    auto client = std::make_unique<EventStreamClient>(port(), "/api/test/events/" + topic);
    EXPECT_EQ(client->ReadHead().status, 200);
    return client;
  }

  std::string MetricsText() { return Get(port(), "/metrics").body; }

  std::atomic<http::EventHub*> hub_{nullptr};
  std::unique_ptr<TestServer> server_;
};

TEST_F(EventStreamTest, StreamsEventsPublishedAfterSubscribingInOrderFramedAsSse) {
  Start();
  hub().Publish("workspace:42", "message.created", R"({"n":0})");  // nobody listens yet
  EventStreamClient client(port(), "/api/test/events/workspace:42");
  const ClientResponse& head = client.ReadHead();
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.Header("content-type"), "text/event-stream");
  EXPECT_EQ(head.Header("cache-control"), "no-store");
  EXPECT_EQ(head.Header("x-accel-buffering"), "no");
  EXPECT_EQ(head.Header("transfer-encoding"), "chunked");
  EXPECT_EQ(head.Header("connection"), "close");
  EXPECT_EQ(head.Header("content-length"), "");
  // The dispatcher's headers apply as to any API answer.
  EXPECT_EQ(head.Header("content-security-policy"), "default-src 'none'; frame-ancestors 'none'");
  EXPECT_EQ(head.Header("x-content-type-options"), "nosniff");
  EXPECT_FALSE(head.Header("x-request-id").empty());
  EXPECT_EQ(hub().subscriptions("workspace:42"), 1u);

  hub().Publish("workspace:42", "message.created", R"({"n":1})");
  hub().Publish("workspace:7", "message.created", R"({"n":-1})");
  hub().Publish("workspace:42", "message.updated", R"({"n":2,"text":"a\nb"})");
  hub().Publish("workspace:42", "message.created", R"({"n":3})");

  const std::vector<std::string> messages = client.ReadMessages(3);
  ASSERT_EQ(messages.size(), 3u);
  ASSERT_TRUE(messages[0].starts_with("id: ")) << messages[0];
  const std::uint64_t first = std::stoull(messages[0].substr(4));
  EXPECT_EQ(messages[0],
            "id: " + std::to_string(first) + "\nevent: message.created\ndata: {\"n\":1}\n\n");
  EXPECT_EQ(messages[1], "id: " + std::to_string(first + 1) +
                             "\nevent: message.updated\ndata: {\"n\":2,\"text\":\"a\\nb\"}\n\n");
  EXPECT_EQ(messages[2],
            "id: " + std::to_string(first + 2) + "\nevent: message.created\ndata: {\"n\":3}\n\n");
}

TEST_F(EventStreamTest, SendsKeepAliveCommentsWhileQuiet) {
  Start(/*keepalive_ms=*/50);
  auto client = Open("quiet");
  for (const std::string& message : client->ReadMessages(3)) {
    EXPECT_EQ(message, ": keep-alive\n\n");
  }
  hub().Publish("quiet", "ping", "{}");
  std::string event;
  for (int i = 0; i < 1000 && event.empty(); ++i) {
    std::string message = client->ReadMessages(1).at(0);
    if (message != ": keep-alive\n\n") event = message;
  }
  EXPECT_TRUE(event.ends_with("\nevent: ping\ndata: {}\n\n")) << event;
}

TEST_F(EventStreamTest, ClientGoingAwayFreesItsSubscription) {
  Start();
  auto client = Open("leaving");
  auto stays = Open("staying");
  EXPECT_EQ(hub().subscriptions(), 2u);
  // The gauge counts a stream once its connection took it over, which may be just after the
  // client read the head.
  EXPECT_TRUE(Eventually([&] {
    return MetricsText().find("careops_http_event_streams_open 2\n") != std::string::npos;
  }));

  client->Disconnect();  // nothing published: the server must notice by reading
  EXPECT_TRUE(Eventually([&] { return hub().subscriptions("leaving") == 0; }));
  EXPECT_TRUE(Eventually([&] {
    return MetricsText().find("careops_http_event_streams_open 1\n") != std::string::npos;
  }));
  stays->Disconnect();
  EXPECT_TRUE(Eventually([&] { return hub().subscriptions() == 0; }));
  EXPECT_TRUE(Eventually([&] {
    return MetricsText().find("careops_http_event_streams_open 0\n") != std::string::npos;
  }));
}

// With a shutdown timeout far longer than the bounds below, only streams that end on their
// own let shutdown finish in time.
TEST_F(EventStreamTest, ShutdownEndsOpenStreamsPromptly) {
  Start(/*keepalive_ms=*/60'000, /*shutdown_timeout_ms=*/600'000);
  std::vector<std::unique_ptr<EventStreamClient>> clients;
  for (int i = 0; i < 3; ++i) clients.push_back(Open("t"));
  auto stopped = std::async(std::launch::async, [&] { server_->Stop(); });
  for (auto& client : clients) {
    EXPECT_TRUE(client->EndsWithin(10s)) << "stream left open during shutdown";
    EXPECT_TRUE(client->ended_cleanly()) << "the body must end with the last chunk";
  }
  EXPECT_EQ(stopped.wait_for(10s), std::future_status::ready) << "shutdown waited for streams";
  stopped.get();
  EXPECT_EQ(hub().subscriptions(), 0u);
}

TEST_F(EventStreamTest, StreamsHoldNoWorker) {
  Start();
  constexpr int kStreams = 50;  // against WORKER_THREADS=2
  std::vector<std::unique_ptr<EventStreamClient>> clients;
  for (int i = 0; i < kStreams; ++i) clients.push_back(Open("busy"));
  EXPECT_EQ(hub().subscriptions("busy"), static_cast<std::size_t>(kStreams));

  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(Get(port(), "/healthz").status, 200);
    EXPECT_EQ(Get(port(), "/api/status").status, 200);
  }
  hub().Publish("busy", "changed", R"({"all":true})");
  for (auto& client : clients) {
    const std::string message = client->ReadMessages(1).at(0);
    EXPECT_TRUE(message.ends_with("\nevent: changed\ndata: {\"all\":true}\n\n")) << message;
  }
}

TEST_F(EventStreamTest, StreamRouteChecksItsAccessRuleBeforeSubscribing) {
  Start();
  const ClientResponse r = Get(port(), "/api/test/private-events");
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.Header("content-type").find("application/json"), std::string::npos);
  EXPECT_EQ(hub().subscriptions(), 0u);
}

TEST_F(EventStreamTest, HeadAnswersTheHeadAndFreesTheSubscription) {
  Start();
  const ClientResponse r = Request(port(), "HEAD", "/api/test/events/t");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("content-type"), "text/event-stream");
  EXPECT_TRUE(r.body.empty());
  EXPECT_TRUE(Eventually([&] { return hub().subscriptions() == 0; }));
}

TEST_F(EventStreamTest, Http10ClientGetsAStreamEndedByTheConnection) {
  Start();
  EventStreamClient client(port(), "/api/test/events/old", /*http10=*/true);
  const ClientResponse& head = client.ReadHead();
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.Header("transfer-encoding"), "");
  hub().Publish("old", "e", "{}");
  EXPECT_TRUE(client.ReadMessages(1).at(0).ends_with("\nevent: e\ndata: {}\n\n"));
  server_->Stop();
  EXPECT_TRUE(client.EndsWithin(10s));
}

}  // namespace
}  // namespace careops::testing
