// Hostile and malformed input against the real server: every case gets a clear answer (or a
// closed connection where HTTP allows no answer) and the server keeps serving throughout.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>
#include <vector>

#include "http/json.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace careops::testing {
namespace {

using namespace std::chrono_literals;

class BadInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    web_dir_ = std::make_unique<TempDir>();
    std::ofstream(web_dir_->File("index.html")) << "<!doctype html><title>CareOps</title>";
    TestServerOptions options;
    options.configure = [this](app::Config& c) {
      c.read_timeout_ms = 1500;
      c.web_dir = web_dir_->path().string();
    };
    // A JSON endpoint so body parsing is exercised through the real dispatch path.
    options.extra_routes.push_back(
        {http::Method::kPost, "/api/test/echo", http::AccessRule{http::Access::kPublic},
         [](http::RequestContext& ctx) {
           auto body = http::ParseJsonObject(ctx.request);
           if (!body.ok()) {
             return http::JsonResponse(
                 400,
                 {{"error", {{"code", "invalid_argument"}, {"message", body.error().message}}}});
           }
           return http::JsonResponse(200, *body);
         }});
    server_ = std::make_unique<TestServer>(std::move(options));
  }

  void ExpectStillServing() {
    auto r = Get(server_->port(), "/healthz");
    EXPECT_EQ(r.status, 200);
  }

  static void ExpectJsonError(const ClientResponse& r, int status, const std::string& code) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_NE(r.Header("content-type").find("application/json"), std::string::npos);
    auto j = r.Json();
    EXPECT_EQ(j["error"]["code"], code) << r.body;
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
  }

  std::unique_ptr<TempDir> web_dir_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(BadInputTest, MalformedRequestLineIs400) {
  RawConnection conn(server_->port());
  conn.Send("GARBAGE\r\n\r\n");
  ExpectJsonError(conn.ReadResponse(), 400, "invalid_argument");
  ExpectStillServing();
}

TEST_F(BadInputTest, OversizedBodyIs413) {
  RawConnection conn(server_->port());
  conn.Send(
      "POST /api/test/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 2097152\r\n\r\n");
  conn.Send(std::string(64 * 1024, ' '));
  ExpectJsonError(conn.ReadResponse(), 413, "payload_too_large");
  ExpectStillServing();
}

TEST_F(BadInputTest, OversizedHeadersAre431) {
  RawConnection conn(server_->port());
  conn.Send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20 * 1024, 'a') +
            "\r\n\r\n");
  ExpectJsonError(conn.ReadResponse(), 431, "headers_too_large");
  ExpectStillServing();
}

TEST_F(BadInputTest, TricklingHeadersAreCutByTheReadTimeout) {
  RawConnection conn(server_->port());
  const std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaa\r\n";
  bool closed = false;
  const auto start = std::chrono::steady_clock::now();
  for (char c : request) {
    if (!conn.Send(std::string(1, c)) || conn.ClosedWithin(300ms)) {
      closed = true;
      break;
    }
    ExpectStillServing();  // others are served while the slow client dribbles
  }
  if (!closed) closed = conn.ClosedWithin(5s);
  EXPECT_TRUE(closed) << "a client sending one byte at a time kept its connection";
  EXPECT_LT(std::chrono::steady_clock::now() - start, 20s);
  ExpectStillServing();
}

TEST_F(BadInputTest, InvalidJsonIs400WithJsonError) {
  auto r = PostJson(server_->port(), "/api/test/echo", "{\"name\": ");
  ExpectJsonError(r, 400, "invalid_argument");
  EXPECT_NE(r.Json()["error"]["message"].get<std::string>().find("not valid JSON"),
            std::string::npos);
  EXPECT_EQ(PostJson(server_->port(), "/api/test/echo", "{\"name\": \"ok\"}").status, 200);
}

TEST_F(BadInputTest, UnknownRouteIs404Json) {
  ExpectJsonError(Get(server_->port(), "/api/no/such/thing"), 404, "not_found");
  ExpectJsonError(Request(server_->port(), "POST", "/nothing.txt"), 404, "not_found");
}

TEST_F(BadInputTest, WrongMethodIs405WithAllow) {
  auto r = Request(server_->port(), "DELETE", "/api/status");
  ExpectJsonError(r, 405, "method_not_allowed");
  EXPECT_EQ(r.Header("allow"), "GET, HEAD");
}

TEST_F(BadInputTest, TraversalInStaticPathIs404) {
  const std::string secret_name = "careops.db";  // lives in the data dir next to the web dir
  for (const char* target : {"/../careops.db", "/%2e%2e/careops.db", "/assets/../../etc/passwd",
                             "/..%2f..%2fetc%2fpasswd", "/a\\..\\b.js", "//etc/passwd.txt"}) {
    auto r = Request(server_->port(), "GET", target);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(r.body.find("SQLite"), std::string::npos) << target;
  }
  ExpectStillServing();
}

TEST_F(BadInputTest, MalformedTargetIs400) {
  ExpectJsonError(Get(server_->port(), "/api/status%zz"), 400, "invalid_argument");
  RawConnection conn(server_->port());
  conn.Send("GET http://elsewhere.example/ HTTP/1.1\r\nHost: x\r\n\r\n");
  ExpectJsonError(conn.ReadResponse(), 400, "invalid_argument");
}

TEST_F(BadInputTest, ThousandIdleConnectionsDoNotBlockNewRequests) {
  std::vector<std::unique_ptr<RawConnection>> idle;
  idle.reserve(1000);
  for (int i = 0; i < 1000; ++i) idle.push_back(std::make_unique<RawConnection>(server_->port()));
  for (int i = 0; i < 5; ++i) ExpectStillServing();
  // Half of them now send a partial request line; still no effect on others.
  for (int i = 0; i < 500; ++i) idle[i]->Send("GET /heal");
  ExpectStillServing();
}

}  // namespace
}  // namespace careops::testing
