// Member management over HTTP (docs/API.md, Workspaces; PRODUCT.md W3): the owner changes
// roles and flags, suspends, reactivates and removes members; the last active owner stays;
// a suspended or removed member's very next request is refused, because the kMember guard
// reads the membership on every request.

#include <gtest/gtest.h>

#include <string>

#include "support/workspace_fixture.hpp"

namespace careops::testing {
namespace {

using Json = nlohmann::json;

class WorkspaceMembersTest : public WorkspaceHttpTest {
 protected:
  void SetUp() override {
    WorkspaceHttpTest::SetUp();
    ws_ = CreateWorkspace(ann_, "Ann's Clinic", "ann-clinic");
    path_ = "/api/workspaces/" + std::to_string(ws_);
    AddBareStaff(ws_, kBobEmail);
    bob_id_ = UserId(kBobEmail);
    ann_id_ = UserId(kAnnEmail);
  }
  std::string MemberPath(std::int64_t user_id) const {
    return path_ + "/members/" + std::to_string(user_id);
  }
  ClientResponse Patch(std::int64_t user_id, const Json& body) {
    return As(ann_, "PATCH", MemberPath(user_id), body.dump());
  }

  std::int64_t ws_ = 0;
  std::string path_;
  std::int64_t ann_id_ = 0;
  std::int64_t bob_id_ = 0;
};

TEST_F(WorkspaceMembersTest, RoleChangeAppliesDefaultsAndCustomFlagsAreKept) {
  auto manager = Patch(bob_id_, {{"role", "manager"}});
  ASSERT_EQ(manager.status, 200) << manager.body;
  EXPECT_EQ(manager.Json()["role"], "manager");
  EXPECT_EQ(manager.Json()["user_id"], bob_id_);
  EXPECT_EQ(manager.Json()["permissions"],
            (Json{{"inbox", true}, {"bookings", true}, {"forms", true}, {"inventory", true}}));

  auto staff = Patch(bob_id_, {{"role", "staff"}});
  ASSERT_EQ(staff.status, 200) << staff.body;
  EXPECT_EQ(staff.Json()["permissions"],
            (Json{{"inbox", true}, {"bookings", true}, {"forms", false}, {"inventory", false}}));

  auto custom = Patch(bob_id_, {{"permissions", {{"inbox", false}, {"inventory", true}}}});
  ASSERT_EQ(custom.status, 200) << custom.body;
  EXPECT_EQ(custom.Json()["role"], "staff");
  EXPECT_EQ(custom.Json()["permissions"],
            (Json{{"inbox", false}, {"bookings", true}, {"forms", false}, {"inventory", true}}));
  auto listed = As(ann_, "GET", path_ + "/members").Json()["members"];
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[1]["permissions"]["inventory"], true);

  auto audit = As(ann_, "GET", "/api/auth/audit").Json()["events"];
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit[0]["type"], "role_changed");
  EXPECT_NE(audit[0]["detail"].get<std::string>().find("member=" + std::to_string(bob_id_)),
            std::string::npos);

  EXPECT_EQ(Patch(bob_id_, {{"role", "boss"}}).Json()["error"]["field"], "role");
  EXPECT_EQ(Patch(bob_id_, {{"status", "gone"}}).Json()["error"]["field"], "status");
  EXPECT_EQ(Patch(bob_id_, {{"permissions", {{"forms", "yes"}}}}).status, 400);
  EXPECT_EQ(As(bob_, "PATCH", MemberPath(bob_id_), Json{{"role", "owner"}}.dump()).status, 403)
      << "only owners manage members";
}

TEST_F(WorkspaceMembersTest, TheLastOwnerCannotDemoteSuspendOrRemoveThemself) {
  for (const Json& body : {Json{{"role", "staff"}}, Json{{"status", "suspended"}}}) {
    auto refused = Patch(ann_id_, body);
    EXPECT_EQ(refused.status, 409) << refused.body;
    EXPECT_EQ(refused.Json()["error"]["message"], "a workspace needs an owner");
  }
  EXPECT_EQ(As(ann_, "DELETE", MemberPath(ann_id_)).status, 409);
  EXPECT_EQ(As(ann_, "GET", "/api/workspaces").Json()["workspaces"][0]["role"], "owner");

  ASSERT_EQ(Patch(bob_id_, {{"role", "owner"}}).status, 200);
  auto stepped_down = Patch(ann_id_, {{"role", "manager"}});
  EXPECT_EQ(stepped_down.status, 200) << stepped_down.body;
}

TEST_F(WorkspaceMembersTest, SuspendedMemberIsRefusedAtOnceAndReactivationRestores) {
  ASSERT_EQ(As(bob_, "GET", path_).status, 200);
  auto suspended = Patch(bob_id_, {{"status", "suspended"}});
  ASSERT_EQ(suspended.status, 200) << suspended.body;
  EXPECT_EQ(suspended.Json()["status"], "suspended");
  EXPECT_EQ(As(bob_, "GET", path_).status, 404) << "the same session's next request";
  EXPECT_EQ(As(bob_, "GET", path_ + "/members").status, 404);
  EXPECT_TRUE(As(bob_, "GET", "/api/workspaces").Json()["workspaces"].empty());
  EXPECT_EQ(As(ann_, "GET", "/api/auth/audit").Json()["events"][0]["type"], "member_suspended");

  auto active = Patch(bob_id_, {{"status", "active"}});
  ASSERT_EQ(active.status, 200) << active.body;
  EXPECT_EQ(As(bob_, "GET", path_).status, 200);
}

TEST_F(WorkspaceMembersTest, RemovedMemberIsRefusedAtOnce) {
  ASSERT_EQ(As(bob_, "GET", path_).status, 200);
  auto removed = As(ann_, "DELETE", MemberPath(bob_id_));
  ASSERT_EQ(removed.status, 204) << removed.body;
  EXPECT_EQ(As(bob_, "GET", path_).status, 404);
  EXPECT_EQ(As(ann_, "GET", path_ + "/members").Json()["members"].size(), 1u);
  EXPECT_EQ(As(ann_, "GET", "/api/auth/audit").Json()["events"][0]["type"], "member_removed");
  EXPECT_EQ(As(ann_, "DELETE", MemberPath(bob_id_)).status, 404);
}

TEST_F(WorkspaceMembersTest, MembersOfAnotherWorkspaceAndUnknownIdsAre404) {
  const std::int64_t bob_ws = CreateWorkspace(bob_, "Bob's Own", "bob-own");
  // Once out of Ann's workspace, Bob is only a member of his own: through Ann's workspace id
  // he is unknown, like an id that is nobody.
  ASSERT_EQ(As(ann_, "DELETE", MemberPath(bob_id_)).status, 204);
  for (std::int64_t id : {bob_id_, std::int64_t{999999}}) {
    EXPECT_EQ(Patch(id, {{"status", "suspended"}}).status, 404);
    EXPECT_EQ(As(ann_, "DELETE", MemberPath(id)).status, 404);
  }
  // Through Bob's workspace id Ann is a stranger: 404 from the guard.
  const std::string bob_member =
      "/api/workspaces/" + std::to_string(bob_ws) + "/members/" + std::to_string(bob_id_);
  EXPECT_EQ(As(ann_, "DELETE", bob_member).status, 404);
  EXPECT_EQ(As(bob_, "GET", "/api/workspaces/" + std::to_string(bob_ws)).status, 200);
}

}  // namespace
}  // namespace careops::testing
