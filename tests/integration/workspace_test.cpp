// Workspaces over HTTP (docs/API.md, Workspaces; PRODUCT.md W1, W3): create, list mine, read,
// update by the owner, members.

#include <gtest/gtest.h>

#include "support/workspace_fixture.hpp"

namespace careops::testing {
namespace {

using Json = nlohmann::json;

class WorkspaceTest : public WorkspaceHttpTest {};

TEST_F(WorkspaceTest, CreateListReadUpdateAndMembers) {
  auto created = As(ann_, "POST", "/api/workspaces",
                    Json{{"name", " Ann's Clinic "},
                         {"slug", "ann-clinic"},
                         {"timezone", "America/New_York"},
                         {"contact_email", "desk@ann.example"}}
                        .dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const Json w = created.Json();
  EXPECT_EQ(w["name"], "Ann's Clinic");
  EXPECT_EQ(w["slug"], "ann-clinic");
  EXPECT_EQ(w["timezone"], "America/New_York");
  EXPECT_EQ(w["default_region"], "US");
  EXPECT_EQ(w["is_active"], false);
  const std::int64_t id = w["id"];
  const std::string path = "/api/workspaces/" + std::to_string(id);

  auto mine = As(ann_, "GET", "/api/workspaces");
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_EQ(mine.Json()["workspaces"].size(), 1u);
  EXPECT_EQ(mine.Json()["workspaces"][0]["role"], "owner");
  EXPECT_EQ(mine.Json()["workspaces"][0]["id"], id);
  EXPECT_TRUE(As(bob_, "GET", "/api/workspaces").Json()["workspaces"].empty());

  auto read = As(ann_, "GET", path);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Json()["contact_email"], "desk@ann.example");

  auto updated = As(ann_, "PATCH", path, Json{{"address", "1 Main St"}}.dump());
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.Json()["address"], "1 Main St");
  EXPECT_EQ(updated.Json()["name"], "Ann's Clinic");

  auto members = As(ann_, "GET", path + "/members");
  ASSERT_EQ(members.status, 200) << members.body;
  ASSERT_EQ(members.Json()["members"].size(), 1u);
  EXPECT_EQ(members.Json()["members"][0]["email"], kAnnEmail);
  EXPECT_EQ(members.Json()["members"][0]["role"], "owner");
  EXPECT_EQ(members.Json()["members"][0]["permissions"]["inventory"], true);
}

TEST_F(WorkspaceTest, ValidationAndSlugConflictNameTheField) {
  CreateWorkspace(ann_, "Ann", "ann-clinic");
  auto taken =
      As(bob_, "POST", "/api/workspaces", Json{{"name", "Bob"}, {"slug", "ann-clinic"}}.dump());
  EXPECT_EQ(taken.status, 409) << taken.body;
  EXPECT_EQ(taken.Json()["error"]["field"], "slug");

  auto zone = As(bob_, "POST", "/api/workspaces",
                 Json{{"name", "Bob"}, {"slug", "bob"}, {"timezone", "Mars/Base"}}.dump());
  EXPECT_EQ(zone.status, 400) << zone.body;
  EXPECT_EQ(zone.Json()["error"]["field"], "timezone");

  auto typed = As(bob_, "POST", "/api/workspaces", Json{{"name", 5}, {"slug", "bob"}}.dump());
  EXPECT_EQ(typed.status, 400) << typed.body;
}

TEST_F(WorkspaceTest, StaffMayReadButNotUpdateAndStrangersSeeNothing) {
  const std::int64_t id = CreateWorkspace(ann_, "Ann's Clinic", "ann-clinic");
  const std::string path = "/api/workspaces/" + std::to_string(id);
  EXPECT_EQ(As(bob_, "GET", path).status, 404);
  EXPECT_EQ(As(bob_, "GET", "/api/workspaces/999999").status, 404);
  EXPECT_EQ(Call("GET", path).status, 401);

  AddBareStaff(id, kBobEmail);
  EXPECT_EQ(As(bob_, "GET", path).status, 200);
  EXPECT_EQ(As(bob_, "GET", "/api/workspaces").Json()["workspaces"][0]["role"], "staff");
  EXPECT_EQ(As(bob_, "PATCH", path, Json{{"name", "Mine now"}}.dump()).status, 403);
  EXPECT_EQ(As(ann_, "GET", path).Json()["name"], "Ann's Clinic");

  Sql("UPDATE workspace_members SET status = 'suspended' WHERE user_id = " +
      std::to_string(UserId(kBobEmail)));
  EXPECT_EQ(As(bob_, "GET", path).status, 404) << "a suspended member loses access at once";
  EXPECT_TRUE(As(bob_, "GET", "/api/workspaces").Json()["workspaces"].empty());
}

}  // namespace
}  // namespace careops::testing
