// Workspace isolation, walked over the real route table (App::routes()): every Access::kMember
// route refuses a user of another workspace with 403/404 and none of the workspace's data, and
// refuses a member lacking the route's declared permission with 403. A new route is covered
// as soon as it is in src/app/routes.cpp; nothing here names a route.

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "support/workspace_fixture.hpp"

namespace careops::testing {
namespace {

constexpr const char* kSecretName = "Ann Secret Clinic 7f3a";

class IsolationTest : public WorkspaceHttpTest {
 protected:
  // The member routes of the running server.
  std::vector<const http::Route*> MemberRoutes() {
    std::vector<const http::Route*> out;
    for (const http::Route& r : server_->app().routes()) {
      if (r.access && r.access->level == http::Access::kMember) out.push_back(&r);
    }
    return out;
  }
  // The route's template with {id:int} = `workspace_id`, other {x:int} = 1, other {x} = "x".
  static std::string Concrete(const std::string& path, std::int64_t workspace_id) {
    std::string out;
    std::size_t at = 0;
    while (at < path.size()) {
      const std::size_t open = path.find('{', at);
      if (open == std::string::npos) {
        out += path.substr(at);
        break;
      }
      const std::size_t close = path.find('}', open);
      const std::string param = path.substr(open + 1, close - open - 1);
      out += path.substr(at, open - at);
      if (param == "id:int") {
        out += std::to_string(workspace_id);
      } else {
        out += param.ends_with(":int") ? "1" : "x";
      }
      at = close + 1;
    }
    return out;
  }
  ClientResponse CallRoute(const http::Route& r, const std::string& token, std::int64_t id) {
    const std::string method = http::MethodName(r.method);
    const bool has_body = r.method != http::Method::kGet && r.method != http::Method::kHead &&
                          r.method != http::Method::kDelete;
    return As(token, method, Concrete(r.path, id), has_body ? "{}" : "");
  }
};

TEST_F(IsolationTest, TheTableHasMemberRoutes) {
  EXPECT_GE(MemberRoutes().size(), 3u) << "the walk below would prove nothing";
}

TEST_F(IsolationTest, AUserOfAnotherWorkspaceGetsNothing) {
  const std::int64_t ann_ws = CreateWorkspace(ann_, kSecretName, "ann-secret");
  CreateWorkspace(bob_, "Bob's Own", "bob-own");  // Bob is somebody's member, just not Ann's
  for (const http::Route* r : MemberRoutes()) {
    SCOPED_TRACE(std::string(http::MethodName(r->method)) + " " + r->path);
    auto response = CallRoute(*r, bob_, ann_ws);
    EXPECT_TRUE(response.status == 404 || response.status == 403) << response.status;
    EXPECT_EQ(response.body.find(kSecretName), std::string::npos) << response.body;
    EXPECT_EQ(response.body.find("ann-secret"), std::string::npos) << response.body;
    EXPECT_EQ(response.body.find(kAnnEmail), std::string::npos) << response.body;
  }
  EXPECT_EQ(As(ann_, "GET", "/api/workspaces/" + std::to_string(ann_ws)).Json()["name"],
            kSecretName)
      << "Ann's workspace is unchanged";
}

TEST_F(IsolationTest, AMemberWithoutTheDeclaredPermissionGets403) {
  const std::int64_t ann_ws = CreateWorkspace(ann_, kSecretName, "ann-secret");
  AddBareStaff(ann_ws, kBobEmail);
  for (const http::Route* r : MemberRoutes()) {
    if (r->access->permission == http::Permission::kNone) continue;
    SCOPED_TRACE(std::string(http::MethodName(r->method)) + " " + r->path);
    auto response = CallRoute(*r, bob_, ann_ws);
    EXPECT_EQ(response.status, 403) << response.body;
  }
}

// ---- Dashboard and automation (src/dashboard/, src/automation/) --------------------------
// Beyond the walk above: what one workspace's activity adds to its dashboard and to its rules'
// logs never shows in another's, and another workspace's member reaches neither.

TEST_F(IsolationTest, DashboardsAndAutomationLogsCountOnlyTheirOwnWorkspace) {
  const std::int64_t ann_ws = CreateWorkspace(ann_, kSecretName, "ann-secret");
  const std::int64_t bob_ws = CreateWorkspace(bob_, "Bob's Own", "bob-own");
  const std::string now = std::to_string(clock().NowMillis());
  Sql("INSERT INTO contacts (workspace_id, name, created_at, updated_at) VALUES (" +
      std::to_string(ann_ws) + ", 'Secret Customer', 0, 0)");
  Sql("INSERT INTO conversations (workspace_id, contact_id, last_activity_at, waiting_for_reply, "
      "created_at) VALUES (" +
      std::to_string(ann_ws) + ", (SELECT MAX(id) FROM contacts), " + now + ", 1, 0)");
  for (const std::string kind : {"contact_form", "welcome"}) {
    const bool out = kind == "welcome";
    Sql("INSERT INTO messages (channel, kind, priority, to_address, body, workspace_id, status, "
        "next_attempt_at, created_at, updated_at, direction) VALUES ('sms', '" +
        kind + "', 1, '+14155550199', 'x', " + std::to_string(ann_ws) + ", '" +
        (out ? "failed" : "received") + "', " + now + ", " + now + ", " + now + ", '" +
        (out ? "outbound" : "inbound") + "')");
  }
  const auto ann = As(ann_, "GET", "/api/workspaces/" + std::to_string(ann_ws) + "/dashboard");
  ASSERT_EQ(ann.status, 200) << ann.body;
  EXPECT_EQ(ann.Json()["inbox"]["new_inquiries_today"], 1);
  EXPECT_EQ(ann.Json()["inbox"]["waiting_for_reply"]["count"], 1);
  EXPECT_EQ(ann.Json()["messages"]["failed"]["count"], 1);
  EXPECT_EQ(As(ann_, "GET", "/api/workspaces/" + std::to_string(ann_ws) + "/automation/welcome/log")
                .Json()["messages"]
                .size(),
            1u);

  const auto bob = As(bob_, "GET", "/api/workspaces/" + std::to_string(bob_ws) + "/dashboard");
  ASSERT_EQ(bob.status, 200) << bob.body;
  EXPECT_EQ(bob.Json()["inbox"]["new_inquiries_today"], 0);
  EXPECT_EQ(bob.Json()["inbox"]["waiting_for_reply"]["count"], 0);
  EXPECT_EQ(bob.Json()["messages"]["failed"]["count"], 0);
  EXPECT_TRUE(bob.Json()["alerts"].empty());
  EXPECT_EQ(bob.body.find("Secret Customer"), std::string::npos);
  const auto log =
      As(bob_, "GET", "/api/workspaces/" + std::to_string(bob_ws) + "/automation/welcome/log");
  EXPECT_TRUE(log.Json()["messages"].empty()) << log.body;
  EXPECT_EQ(As(bob_, "GET", "/api/workspaces/" + std::to_string(ann_ws) + "/dashboard").status,
            404);
  EXPECT_EQ(As(bob_, "GET", "/api/workspaces/" + std::to_string(ann_ws) + "/automation").status,
            404);
}

// ---- Inventory (src/inventory/): real item and service ids of one workspace, asked for
// through another workspace's routes by that workspace's owner.
TEST_F(IsolationTest, InventoryItemsAndUsageStayInTheirWorkspace) {
  const std::int64_t ann_ws = CreateWorkspace(ann_, kSecretName, "ann-secret");
  const std::string ann_path = "/api/workspaces/" + std::to_string(ann_ws);
  auto created = As(ann_, "POST", ann_path + "/inventory",
                    nlohmann::json{{"name", "Secret Gloves"}, {"on_hand", 5}}.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t gloves = created.Json()["id"].get<std::int64_t>();
  auto service = As(ann_, "POST", ann_path + "/services",
                    nlohmann::json{{"name", "Secret Service"}, {"duration_minutes", 30}}.dump());
  ASSERT_EQ(service.status, 201) << service.body;
  const std::string service_id = std::to_string(service.Json()["id"].get<std::int64_t>());

  const std::int64_t bob_ws = CreateWorkspace(bob_, "Bob's Own", "bob-own");
  const std::string bob_path = "/api/workspaces/" + std::to_string(bob_ws);
  const std::string item = bob_path + "/inventory/" + std::to_string(gloves);
  for (const auto& [method, target, body] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"GET", item, ""},
           {"PATCH", item, R"({"name": "Mine"})"},
           {"DELETE", item, ""},
           {"GET", item + "/ledger", ""},
           {"POST", item + "/adjustments", R"({"kind": "restock", "quantity": 1})"},
           {"GET", bob_path + "/services/" + service_id + "/usage", ""},
           {"PUT", bob_path + "/services/" + service_id + "/usage", R"({"usage": []})"},
       }) {
    SCOPED_TRACE(method + " " + target);
    auto r = As(bob_, method, target, body);
    EXPECT_EQ(r.status, 404) << r.body;
    EXPECT_EQ(r.body.find("Secret"), std::string::npos) << r.body;
  }
  // Ann's item cannot be put into Bob's own service's usage either.
  auto own = As(bob_, "POST", bob_path + "/services",
                nlohmann::json{{"name", "Bob's Service"}, {"duration_minutes", 30}}.dump());
  ASSERT_EQ(own.status, 201) << own.body;
  auto borrowed =
      As(bob_, "PUT",
         bob_path + "/services/" + std::to_string(own.Json()["id"].get<std::int64_t>()) + "/usage",
         nlohmann::json{{"usage", {{{"item_id", gloves}, {"quantity", 1}}}}}.dump());
  EXPECT_EQ(borrowed.status, 400) << borrowed.body;
  EXPECT_EQ(borrowed.Json()["error"]["field"], "usage");
  EXPECT_EQ(As(bob_, "GET", bob_path + "/inventory").Json()["items"].size(), 0u);
  auto after = As(ann_, "GET", ann_path + "/inventory/" + std::to_string(gloves)).Json();
  EXPECT_EQ(after["name"], "Secret Gloves");
  EXPECT_EQ(after["on_hand"], 5);
}
// ---- end of Inventory

// ---- Intake forms (src/forms/) ----------------------------------------------------------
// A real form of Ann's, named by its id from Bob's own workspace and through Ann's: nothing
// answers with it, nothing changes it.
TEST_F(IsolationTest, AnotherWorkspacesFormIsOutOfReachByItsId) {
  using nlohmann::json;
  constexpr const char* kFormName = "Secret intake 7f3a";
  const std::int64_t ann_ws = CreateWorkspace(ann_, kSecretName, "ann-secret");
  const std::int64_t bob_ws = CreateWorkspace(bob_, "Bob's Own", "bob-own");
  const std::string ann_path = "/api/workspaces/" + std::to_string(ann_ws);
  const std::string bob_path = "/api/workspaces/" + std::to_string(bob_ws);
  const json fields = json::array({{{"key", "a"}, {"label", "A"}, {"type", "text"}}});
  auto made =
      As(ann_, "POST", ann_path + "/forms", json{{"name", kFormName}, {"fields", fields}}.dump());
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string id = std::to_string(made.Json()["id"].get<std::int64_t>());
  const std::string patch = json{{"name", "Taken over"}}.dump();
  struct Call {
    const char* method;
    std::string path;
    std::string body;
  };
  const std::vector<Call> calls = {
      {"GET", ann_path + "/forms", ""},
      {"GET", ann_path + "/forms/" + id, ""},
      {"PATCH", ann_path + "/forms/" + id, patch},
      {"DELETE", ann_path + "/forms/" + id, ""},
      {"GET", ann_path + "/form-requests", ""},
      {"GET", bob_path + "/forms/" + id, ""},
      {"PATCH", bob_path + "/forms/" + id, patch},
      {"DELETE", bob_path + "/forms/" + id, ""},
  };
  for (const Call& c : calls) {
    SCOPED_TRACE(std::string(c.method) + " " + c.path);
    auto r = As(bob_, c.method, c.path, c.body);
    EXPECT_TRUE(r.status == 404 || r.status == 403) << r.status << " " << r.body;
    EXPECT_EQ(r.body.find(kFormName), std::string::npos) << r.body;
  }
  EXPECT_EQ(As(bob_, "GET", bob_path + "/forms").Json()["forms"].size(), 0u);
  auto still = As(ann_, "GET", ann_path + "/forms/" + id);
  ASSERT_EQ(still.status, 200);
  EXPECT_EQ(still.Json()["name"], kFormName);
}

}  // namespace
}  // namespace careops::testing
