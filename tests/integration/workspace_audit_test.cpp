// A workspace's audit view over HTTP (docs/API.md, Audit): the workspace's own events and its
// current members' sign-ins, newest first and paged; nothing of another workspace or of
// non-members; owners only; query parameters checked.

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "support/workspace_fixture.hpp"

namespace careops::testing {
namespace {

using Json = nlohmann::json;

class WorkspaceAuditHttpTest : public WorkspaceHttpTest {
 protected:
  void SetUp() override {
    WorkspaceHttpTest::SetUp();
    ws_ = CreateWorkspace(ann_, "Ann's Clinic", "ann-clinic");
    path_ = "/api/workspaces/" + std::to_string(ws_);
  }
  Json Audit(const std::string& query = "") {
    auto r = As(ann_, "GET", path_ + "/audit" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.Json() : Json::object();
  }
  static std::vector<std::string> Types(const Json& events) {
    std::vector<std::string> out;
    for (const Json& e : events) out.push_back(e["type"]);
    return out;
  }
  // The token of the invitation link in the newest email to `to` (console provider).
  std::string EmailedToken(const std::string& to) {
    const std::string marker = "/invite#token=";
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      const Json messages = Call("GET", "/api/dev/outbox").Json()["messages"];
      for (const Json& m : messages) {
        const std::string body = m["body"];
        const auto at = body.find(marker);
        if (m["to"] == to && at != std::string::npos) {
          const auto start = at + marker.size();
          return body.substr(start, body.find('\n', start) - start);
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ADD_FAILURE() << "no invitation email to " << to;
    return {};
  }

  std::int64_t ws_ = 0;
  std::string path_;
};

TEST_F(WorkspaceAuditHttpTest, ShowsTheWorkspacesEventsAndItsMembersSignInsOnly) {
  // Bob joins through an invitation, then signs in again; the owner changes his flags.
  ASSERT_EQ(As(ann_, "POST", path_ + "/invitations", Json{{"email", kBobEmail}}.dump()).status,
            201);
  const std::string token = EmailedToken(kBobEmail);
  ASSERT_EQ(As(bob_, "POST", "/api/invitations/accept", Json{{"token", token}}.dump()).status, 200);
  Token(kBobEmail);
  const std::string bob_id = std::to_string(UserId(kBobEmail));
  ASSERT_EQ(As(ann_, "PATCH", path_ + "/members/" + bob_id,
               Json{{"permissions", {{"forms", true}}}}.dump())
                .status,
            200);
  ASSERT_EQ(As(ann_, "PATCH", path_, Json{{"address", "1 Main St"}}.dump()).status, 200);

  // Noise: a non-member signs in; Bob's own workspace has events of its own.
  ASSERT_EQ(Register("carol@example.com", std::nullopt).status, 201);
  Token("carol@example.com");
  const std::int64_t bob_ws = CreateWorkspace(bob_, "Bob's Own", "bob-own");
  ASSERT_EQ(As(bob_, "PATCH", "/api/workspaces/" + std::to_string(bob_ws),
               Json{{"address", "2 Side St"}}.dump())
                .status,
            200);

  const Json page = Audit();
  EXPECT_TRUE(page["next_before"].is_null());
  const Json events = page["events"];
  // Newest first: the update, the flag change, Bob's sign-in after joining, his acceptance,
  // the invitation, then the sign-ins from before (the fixture signed both in).
  EXPECT_EQ(Types(events), (std::vector<std::string>{"workspace_updated", "role_changed",
                                                     "login_ok", "invitation_accepted",
                                                     "member_invited", "login_ok", "login_ok"}))
      << events.dump();
  for (std::size_t i = 1; i < events.size(); ++i) {
    EXPECT_GT(events[i - 1]["id"].get<std::int64_t>(), events[i]["id"].get<std::int64_t>());
  }
  EXPECT_EQ(events[0]["detail"], "workspace=" + std::to_string(ws_) + " fields=address");
  EXPECT_EQ(events[2]["user_id"], UserId(kBobEmail));
  EXPECT_EQ(events[2]["user_name"], "Ann Lee");  // the fixture names every user so
  EXPECT_EQ(events[3]["user_id"], UserId(kBobEmail));
  EXPECT_EQ(events[4]["user_id"], UserId(kAnnEmail));
  EXPECT_EQ(events[4]["detail"].get<std::string>().find(token), std::string::npos);
  for (const Json& e : events) {
    EXPECT_TRUE(e.contains("ip") && e.contains("created_at")) << e.dump();
    EXPECT_NE(e["user_id"], UserId("carol@example.com")) << e.dump();
    EXPECT_EQ(e["detail"].get<std::string>().find("2 Side St"), std::string::npos);
  }

  EXPECT_EQ(As(bob_, "GET", path_ + "/audit").status, 403) << "owners only";
}

TEST_F(WorkspaceAuditHttpTest, PagesWithBeforeAndLimit) {
  for (const char* address : {"1 Main St", "2 Main St", "3 Main St"}) {
    ASSERT_EQ(As(ann_, "PATCH", path_, Json{{"address", address}}.dump()).status, 200);
  }
  // Four events: three updates and Ann's sign-in.
  const Json first = Audit("?limit=3");
  ASSERT_EQ(first["events"].size(), 3u);
  ASSERT_FALSE(first["next_before"].is_null());
  EXPECT_EQ(first["next_before"], first["events"][2]["id"]);
  const Json second =
      Audit("?limit=3&before=" + std::to_string(first["next_before"].get<std::int64_t>()));
  EXPECT_EQ(Types(second["events"]), (std::vector<std::string>{"login_ok"}));
  EXPECT_TRUE(second["next_before"].is_null());
}

TEST_F(WorkspaceAuditHttpTest, BadQueryParametersAre400NamingThem) {
  const std::pair<std::string, const char*> cases[] = {
      {"?limit=abc", "limit"},
      {"?limit=1000", "limit"},
      {"?limit=0", "limit"},
      {"?limit=-3", "limit"},
      {"?limit=", "limit"},
      {"?limit=1e3", "limit"},
      {"?limit=99999999999999999999", "limit"},
      {"?before=x", "before"},
      {"?before=0", "before"},
      {"?before=1.5", "before"},
  };
  for (const auto& [query, field] : cases) {
    auto r = As(ann_, "GET", path_ + "/audit" + query);
    EXPECT_EQ(r.status, 400) << query << " " << r.body;
    EXPECT_EQ(r.Json()["error"]["field"], field) << query;
  }
  EXPECT_EQ(As(ann_, "GET", path_ + "/audit?limit=200&before=1").status, 200);
}

}  // namespace
}  // namespace careops::testing
