// Onboarding, activation and the public workspace page over HTTP (docs/API.md, Onboarding and
// activation; PRODUCT.md W2). A new workspace has no channel and no service yet, so activation
// is refused with the list of what is missing; the services step turning done is proved in
// tests/integration/booking_services_test.cpp, and activation's success in
// src/workspaces/onboarding_test.cpp with checks registered there.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/workspace_fixture.hpp"

namespace careops::testing {
namespace {

using Json = nlohmann::json;

class WorkspaceOnboardingTest : public WorkspaceHttpTest {
 protected:
  void SetUp() override {
    WorkspaceHttpTest::SetUp();
    ws_ = CreateWorkspace(ann_, "Ann's Clinic", "ann-clinic");
    path_ = "/api/workspaces/" + std::to_string(ws_);
  }
  // The step keys of `problems` ([{field, message}]).
  static std::vector<std::string> Fields(const Json& problems) {
    std::vector<std::string> out;
    for (const Json& p : problems) out.push_back(p["field"]);
    return out;
  }

  std::int64_t ws_ = 0;
  std::string path_;
};

TEST_F(WorkspaceOnboardingTest, EightStepsInOrderWithWhatEachNeeds) {
  auto r = As(ann_, "GET", path_ + "/onboarding");
  ASSERT_EQ(r.status, 200) << r.body;
  const Json report = r.Json();
  EXPECT_EQ(report["ready_to_activate"], false);
  EXPECT_EQ(report["is_active"], false);
  const Json steps = report["steps"];
  ASSERT_EQ(steps.size(), 8u);
  const std::vector<std::string> order = {"details", "channels",  "contact_form", "services",
                                          "forms",   "inventory", "staff",        "activate"};
  for (std::size_t i = 0; i < order.size(); ++i) {
    SCOPED_TRACE(order[i]);
    EXPECT_EQ(steps[i]["key"], order[i]);
    EXPECT_FALSE(steps[i]["title"].get<std::string>().empty());
    EXPECT_EQ(steps[i]["done"], false);
    EXPECT_EQ(steps[i]["required"],
              order[i] == "details" || order[i] == "channels" || order[i] == "services");
    EXPECT_TRUE(steps[i]["missing"].is_array());
    EXPECT_FALSE(steps[i]["missing"].empty());
  }
  EXPECT_EQ(steps[0]["available"], true);
  EXPECT_EQ(steps[0]["missing"], (Json{"the address", "a contact email or phone number"}));
  EXPECT_EQ(steps[3]["available"], true);
  EXPECT_EQ(steps[3]["missing"], (Json{"add a service customers can book"}));
  EXPECT_EQ(steps[6]["available"], true);
  EXPECT_EQ(steps[7]["available"], true);

  ASSERT_EQ(
      As(ann_, "POST", path_ + "/invitations", Json{{"email", "x@example.com"}}.dump()).status,
      201);
  EXPECT_EQ(As(ann_, "GET", path_ + "/onboarding").Json()["steps"][6]["done"], true)
      << "a pending invitation completes the staff step";
}

TEST_F(WorkspaceOnboardingTest, ActivationListsWhatIsMissing) {
  auto refused = As(ann_, "POST", path_ + "/activate");
  ASSERT_EQ(refused.status, 409) << refused.body;
  const Json error = refused.Json()["error"];
  EXPECT_EQ(error["code"], "conflict");
  EXPECT_EQ(error["message"], "the workspace cannot be activated yet");
  EXPECT_EQ(Fields(error["problems"]),
            (std::vector<std::string>{"details", "channels", "services"}));
  EXPECT_EQ(error["problems"][0]["message"], "the address; a contact email or phone number");

  ASSERT_EQ(As(ann_, "PATCH", path_,
               Json{{"address", "1 Main St"}, {"contact_email", "d@a.example"}}.dump())
                .status,
            200);
  auto still = As(ann_, "POST", path_ + "/activate");
  ASSERT_EQ(still.status, 409) << still.body;
  EXPECT_EQ(Fields(still.Json()["error"]["problems"]),
            (std::vector<std::string>{"channels", "services"}));
  EXPECT_EQ(As(ann_, "GET", path_).Json()["is_active"], false);
  EXPECT_EQ(As(ann_, "GET", path_ + "/onboarding").Json()["steps"][0]["done"], true);

  AddBareStaff(ws_, kBobEmail);
  EXPECT_EQ(As(bob_, "POST", path_ + "/activate").status, 403);
  EXPECT_EQ(As(bob_, "GET", path_ + "/onboarding").status, 403);
}

TEST_F(WorkspaceOnboardingTest, ThePublicPageSaysNotOpenUntilActive) {
  auto closed = Call("GET", "/api/public/ann-clinic");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.Json(), (Json{{"name", "Ann's Clinic"},
                                 {"slug", "ann-clinic"},
                                 {"open", false},
                                 {"message", "Ann's Clinic is not open yet"}}));
  EXPECT_EQ(Call("GET", "/api/public/no-such-clinic").status, 404);

  ASSERT_EQ(As(ann_, "PATCH", path_, Json{{"address", "1 Main St"}}.dump()).status, 200);
  Sql("UPDATE workspaces SET is_active = 1 WHERE id = " + std::to_string(ws_));
  auto open = Call("GET", "/api/public/ann-clinic");
  ASSERT_EQ(open.status, 200) << open.body;
  EXPECT_EQ(open.Json(), (Json{{"name", "Ann's Clinic"},
                               {"slug", "ann-clinic"},
                               {"open", true},
                               {"timezone", "Europe/Berlin"},
                               {"address", "1 Main St"},
                               {"contact_email", ""},
                               {"contact_phone", ""}}));
  EXPECT_EQ(As(ann_, "POST", path_ + "/activate").status, 200) << "already active: unchanged";
}

}  // namespace
}  // namespace careops::testing
