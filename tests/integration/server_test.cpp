// http::Server on its own, on 127.0.0.1 port 0, with a small in-test RequestHandler. Timing
// bounds here are generous limits for timeouts, never performance expectations.

#include "http/server.hpp"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/http_client.hpp"

namespace careops::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

http::Response Text(int status, std::string body) {
  http::Response response;
  response.status = status;
  response.headers.Set("Content-Type", "text/plain; charset=utf-8");
  response.body = std::move(body);
  return response;
}

// Routes by target: /hello, /echo (method, target and body back), /thread (answered from
// another thread), /slow (answered from another thread once Release() is called), /drop
// (the responder is destroyed uncalled), /throw, /hold (the responder is kept; TakeHeld()).
class TestHandler : public http::RequestHandler {
 public:
  ~TestHandler() override {
    Release();
    std::lock_guard lock(mutex_);
    for (auto& thread : threads_) thread.join();
  }

  void Handle(http::Request request, http::Responder respond) override {
    ++handled;
    const std::string& target = request.target;
    if (target == "/hello") {
      respond(Text(200, "hello, world"));
    } else if (target.starts_with("/echo")) {
      respond(Text(200, request.method_text + " " + target + "\n" + request.body));
    } else if (target == "/thread") {
      Spawn([respond] { respond(Text(200, "from a thread")); });
    } else if (target == "/slow") {
      ++slow_started;
      Spawn([respond, release = release_future_] {
        release.wait_for(10s);
        respond(Text(200, "slow"));
      });
    } else if (target == "/throw") {
      throw std::runtime_error("handler failure");
    } else if (target == "/hold") {
      std::lock_guard lock(mutex_);
      held_ = std::move(respond);
    } else if (target != "/drop") {
      respond(Text(404, "not found"));
    }
  }

  http::Response Reject(int status, std::string_view code, std::string_view message) override {
    http::Response response;
    response.status = status;
    response.headers.Set("Content-Type", "application/json; charset=utf-8");
    response.body = nlohmann::json{{"error", {{"code", code}, {"message", message}}}}.dump();
    return response;
  }

  // /echo-large takes bodies up to 4 MiB; everything else the server's 1 MiB default.
  std::optional<std::size_t> BodyLimit(http::Method /*method*/, std::string_view target) override {
    if (target.starts_with("/echo-large")) return std::size_t{4} << 20;
    return std::nullopt;
  }

  http::Responder TakeHeld() {
    std::lock_guard lock(mutex_);
    return std::move(held_);
  }

  void Release() {
    std::call_once(released_, [this] { release_.set_value(); });
  }

  std::atomic<int> handled{0};
  std::atomic<int> slow_started{0};

 private:
  void Spawn(std::function<void()> work) {
    std::lock_guard lock(mutex_);
    threads_.emplace_back(std::move(work));
  }

  std::mutex mutex_;
  std::vector<std::thread> threads_;  // GUARDED_BY(mutex_)
  http::Responder held_;              // GUARDED_BY(mutex_)
  std::promise<void> release_;
  std::shared_future<void> release_future_ = release_.get_future().share();
  std::once_flag released_;
};

template <typename Predicate>
bool Eventually(Predicate predicate, std::chrono::milliseconds timeout = 10s) {
  const auto deadline = Clock::now() + timeout;
  while (!predicate()) {
    if (Clock::now() > deadline) return false;
    std::this_thread::sleep_for(5ms);
  }
  return true;
}

std::string GetRequest(std::string_view target, std::string_view extra = "") {
  return "GET " + std::string(target) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + std::string(extra) +
         "\r\n";
}

class ServerTest : public ::testing::Test {
 protected:
  void Start(const std::function<void(http::ServerOptions&)>& adjust = {}) {
    http::ServerOptions options;
    options.port = 0;
    options.read_timeout = 1500ms;
    options.idle_timeout = 10s;
    options.write_timeout = 5s;
    options.shutdown_timeout = 10s;
    if (adjust) adjust(options);
    server_ = std::make_unique<http::Server>(options, handler_);
    server_->Listen();
    port_ = server_->port();
    ASSERT_NE(port_, 0);
    std::packaged_task<void()> run([this] { server_->Run(); });
    run_returned_ = run.get_future();
    thread_ = std::thread(std::move(run));
  }

  bool RunReturnedWithin(std::chrono::milliseconds timeout) {
    return run_returned_.wait_for(timeout) == std::future_status::ready;
  }

  void TearDown() override {
    if (!server_) return;
    server_->Shutdown();
    EXPECT_TRUE(RunReturnedWithin(20s)) << "Run() did not return after Shutdown()";
    thread_.join();
  }

  TestHandler handler_;  // outlives the server
  std::unique_ptr<http::Server> server_;
  std::uint16_t port_ = 0;
  std::thread thread_;
  std::future<void> run_returned_;
};

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  Start();
  RawConnection conn(port_);
  ASSERT_TRUE(conn.Send(GetRequest("/hello")));
  ClientResponse first = conn.ReadResponse();
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.body, "hello, world");
  EXPECT_EQ(first.Header("content-length"), "12");
  EXPECT_EQ(first.Header("content-type"), "text/plain; charset=utf-8");
  EXPECT_NE(first.Header("connection"), "close");
  EXPECT_EQ(first.Header("server"), "");

  ASSERT_TRUE(conn.Send(GetRequest("/thread")));  // answered from a non-io thread
  ClientResponse second = conn.ReadResponse();
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(second.body, "from a thread");
  EXPECT_EQ(server_->connections(), 1u);
  EXPECT_EQ(handler_.handled.load(), 2);
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  Start();
  RawConnection conn(port_);
  ASSERT_TRUE(conn.Send(GetRequest("/echo?n=1") + "POST /echo?n=2 HTTP/1.1\r\nHost: x\r\n"
                                                  "Content-Length: 4\r\n\r\nbody"));
  EXPECT_EQ(conn.ReadResponse().body, "GET /echo?n=1\n");
  EXPECT_EQ(conn.ReadResponse().body, "POST /echo?n=2\nbody");
}

TEST_F(ServerTest, HeadGetsTheGetLengthWithoutABody) {
  Start();
  ClientResponse head = Request(port_, "HEAD", "/hello");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.Header("content-length"), "12");
  EXPECT_EQ(head.body, "");

  RawConnection conn(port_);
  ASSERT_TRUE(conn.Send("HEAD /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  std::string raw = conn.ReadUntilClose(10s);
  EXPECT_TRUE(raw.ends_with("\r\n\r\n")) << raw;  // nothing after the headers
  EXPECT_NE(raw.find("Content-Length: 12\r\n"), std::string::npos) << raw;
}

TEST_F(ServerTest, MalformedRequestGets400AndServerKeepsServing) {
  Start();
  RawConnection conn(port_);
  ASSERT_TRUE(conn.Send("GET /hello HTTTP/1.1\r\nHost: x\r\n\r\n"));
  ClientResponse response = conn.ReadResponse();
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.Header("connection"), "close");
  EXPECT_EQ(response.Json()["error"]["code"], "invalid_argument");
  EXPECT_TRUE(conn.ClosedWithin(10s));
  EXPECT_EQ(handler_.handled.load(), 0);
  EXPECT_EQ(Get(port_, "/hello").status, 200);
}

TEST_F(ServerTest, OversizedBodyGets413) {
  Start();
  RawConnection conn(port_);
  ASSERT_TRUE(conn.Send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2097152\r\n\r\n" +
                        std::string(1000, 'a')));
  ClientResponse response = conn.ReadResponse();
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(response.Json()["error"]["code"], "payload_too_large");
  EXPECT_TRUE(conn.ClosedWithin(10s));
  EXPECT_EQ(handler_.handled.load(), 0);
}

TEST_F(ServerTest, ARouteMayTakeALargerBodyThanTheDefault) {
  Start();
  const std::string body(2 << 20, 'b');  // over the 1 MiB default, under /echo-large's 4 MiB
  auto large = Request(port_, "POST", "/echo-large", body);
  ASSERT_EQ(large.status, 200);
  EXPECT_EQ(large.body, "POST /echo-large\n" + body);

  RawConnection conn(port_);
  ASSERT_TRUE(conn.Send("POST /echo-large HTTP/1.1\r\nHost: x\r\nContent-Length: 4194305\r\n\r\n"));
  EXPECT_EQ(conn.ReadResponse().status, 413) << "its own limit still holds";
  EXPECT_EQ(handler_.handled.load(), 1);
}

TEST_F(ServerTest, AChunkedBodyOverTheLimitGets413) {
  Start();
  RawConnection conn(port_);
  ASSERT_TRUE(conn.Send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"));
  const std::string chunk(64 << 10, 'c');
  char size_line[32];
  std::snprintf(size_line, sizeof size_line, "%zx\r\n", chunk.size());
  for (int i = 0; i < 17 && conn.Send(size_line + chunk + "\r\n"); ++i) {
  }
  ClientResponse response = conn.ReadResponse();
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(response.Json()["error"]["code"], "payload_too_large");
  EXPECT_EQ(handler_.handled.load(), 0);
}

TEST_F(ServerTest, OversizedHeadersGet431) {
  Start();
  RawConnection conn(port_);
  ASSERT_TRUE(conn.Send(GetRequest("/hello", "X-Big: " + std::string(20 << 10, 'a') + "\r\n")));
  ClientResponse response = conn.ReadResponse();
  EXPECT_EQ(response.status, 431);
  EXPECT_EQ(response.Json()["error"]["code"], "headers_too_large");
  EXPECT_TRUE(conn.ClosedWithin(10s));
}

TEST_F(ServerTest, ExpectContinueGetsAnInterimAnswer) {
  Start();
  RawConnection conn(port_);
  ASSERT_TRUE(
      conn.Send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                "Content-Length: 5\r\n\r\n"));
  EXPECT_EQ(conn.ReadResponse().status, 100);
  ASSERT_TRUE(conn.Send("hello"));
  EXPECT_EQ(conn.ReadResponse().body, "POST /echo\nhello");
}

TEST_F(ServerTest, ClientTricklingHeadersIsCutOffAfterReadTimeout) {
  Start();  // read_timeout 1.5 s
  RawConnection slow(port_);
  const std::string request = GetRequest("/hello", "X-Padding: " + std::string(200, 'p') + "\r\n");
  const auto started = Clock::now();
  bool closed = false;
  for (std::size_t i = 0; i < request.size() && !closed; ++i) {
    if (!slow.Send(request.substr(i, 1))) break;
    if (i == 2) {
      EXPECT_EQ(Get(port_, "/hello").status, 200);  // others are still served meanwhile
    }
    closed = slow.ClosedWithin(300ms);
  }
  EXPECT_TRUE(closed || slow.ClosedWithin(5s));
  EXPECT_LT(Clock::now() - started, 1500ms + 6s) << "cut off far later than read_timeout";
  EXPECT_EQ(handler_.handled.load(), 1);  // only the normal request reached the handler
}

TEST_F(ServerTest, ThousandIdleConnectionsDoNotStopService) {
  Start();
  std::vector<std::unique_ptr<RawConnection>> idle;
  for (int i = 0; i < 1000; ++i) idle.push_back(std::make_unique<RawConnection>(port_));
  EXPECT_TRUE(Eventually([&] { return server_->connections() >= 1000; })) << server_->connections();
  EXPECT_EQ(Get(port_, "/hello").status, 200);
  ASSERT_TRUE(idle.back()->Send(GetRequest("/hello")));
  EXPECT_EQ(idle.back()->ReadResponse().status, 200);
  idle.clear();
  EXPECT_TRUE(Eventually([&] { return server_->connections() == 0; }));
}

TEST_F(ServerTest, ConnectionsOverTheLimitAreClosedAtOnce) {
  Start([](http::ServerOptions& options) { options.max_connections = 3; });
  std::vector<std::unique_ptr<RawConnection>> open;
  for (int i = 0; i < 3; ++i) open.push_back(std::make_unique<RawConnection>(port_));
  ASSERT_TRUE(Eventually([&] { return server_->connections() == 3; }));
  RawConnection extra(port_);
  EXPECT_TRUE(extra.ClosedWithin(10s));
  for (auto& conn : open) {
    ASSERT_TRUE(conn->Send(GetRequest("/hello")));
    EXPECT_EQ(conn->ReadResponse().status, 200);
  }
}

TEST_F(ServerTest, DroppedResponderClosesTheConnection) {
  Start();
  RawConnection conn(port_);
  ASSERT_TRUE(conn.Send(GetRequest("/drop")));
  EXPECT_TRUE(conn.ClosedWithin(10s));
  EXPECT_TRUE(Eventually([&] { return server_->connections() == 0; }));
  EXPECT_EQ(Get(port_, "/hello").status, 200);
}

TEST_F(ServerTest, HandlerExceptionGets500) {
  Start();
  ClientResponse response = Get(port_, "/throw");
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.Json()["error"]["code"], "internal");
}

TEST_F(ServerTest, GracefulShutdownFinishesTheRequestInFlight) {
  Start();
  RawConnection idle(port_);
  ASSERT_TRUE(idle.Send(GetRequest("/hello")));
  ASSERT_EQ(idle.ReadResponse().status, 200);
  RawConnection busy(port_);
  ASSERT_TRUE(busy.Send(GetRequest("/slow")));
  ASSERT_TRUE(Eventually([&] { return handler_.slow_started.load() == 1; }));

  server_->Shutdown();
  EXPECT_TRUE(idle.ClosedWithin(10s)) << "an idle connection must close at once";
  EXPECT_FALSE(RunReturnedWithin(100ms)) << "Run() returned with a request in flight";
  std::this_thread::sleep_for(500ms);  // the answer comes 500 ms after the shutdown began
  handler_.Release();
  ClientResponse response = busy.ReadResponse();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "slow");
  EXPECT_EQ(response.Header("connection"), "close");
  EXPECT_TRUE(busy.ClosedWithin(10s));
  EXPECT_TRUE(RunReturnedWithin(10s));
  EXPECT_THROW(RawConnection{port_}, std::runtime_error);  // no longer listening
}

TEST_F(ServerTest, ShutdownIsIdempotentAndThreadSafe) {
  Start();
  std::vector<std::thread> callers;
  for (int i = 0; i < 4; ++i) callers.emplace_back([this] { server_->Shutdown(); });
  for (auto& caller : callers) caller.join();
  EXPECT_TRUE(RunReturnedWithin(10s));
  server_->Shutdown();  // after Run() returned: harmless
}

TEST_F(ServerTest, ShutdownTimeoutCutsAHandlerThatNeverAnswers) {
  Start([](http::ServerOptions& options) { options.shutdown_timeout = 300ms; });
  RawConnection conn(port_);
  ASSERT_TRUE(conn.Send(GetRequest("/hold")));
  ASSERT_TRUE(Eventually([&] { return handler_.handled.load() == 1; }));
  server_->Shutdown();
  EXPECT_TRUE(RunReturnedWithin(10s));
  EXPECT_TRUE(conn.ClosedWithin(10s));
  thread_.join();
  server_.reset();
  // The handler answers after the server is gone: ignored, and nothing dangles.
  http::Responder held = handler_.TakeHeld();
  ASSERT_TRUE(held);
  held(Text(200, "too late"));
}

TEST_F(ServerTest, ListenOnABusyPortThrowsNamingTheAddress) {
  Start();
  http::ServerOptions options;
  options.port = port_;
  http::Server second(options, handler_);
  try {
    second.Listen();
    FAIL() << "Listen() on a busy port succeeded";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("127.0.0.1:" + std::to_string(port_)), std::string::npos)
        << e.what();
  }
}

TEST_F(ServerTest, SigtermStartsAGracefulShutdown) {
  Start([](http::ServerOptions& options) { options.handle_signals = true; });
  EXPECT_EQ(Get(port_, "/hello").status, 200);
  std::raise(SIGTERM);
  EXPECT_TRUE(RunReturnedWithin(10s));
}

}  // namespace
}  // namespace careops::testing
