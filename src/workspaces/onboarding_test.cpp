// The onboarding registry, the workspaces feature's own step checks, activation and the
// public workspace lookup, against a migrated temporary SQLite database and a fake clock.

#include "workspaces/onboarding.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "workspaces/activation_service.hpp"
#include "workspaces/onboarding_steps.hpp"
#include "workspaces/public_workspace.hpp"
#include "workspaces/workspace_repository.hpp"
#include "workspaces/workspaces_test_fixture.hpp"

namespace careops::workspaces {
namespace {

StepCheck Done() {
  return [](db::Connection&, const Workspace&) { return StepState{true, {}}; };
}

class OnboardingTest : public WorkspacesFixture {
 protected:
  OnboardingTest() : activation_(onboarding_, clock_) {
    RegisterWorkspaceSteps(onboarding_, clock_);
  }
  Workspace Current() { return workspaces_.Get(*conn_, ws_).value(); }
  OnboardingReport Report() { return activation_.Report(*conn_, ws_).value(); }
  const StepReport& Step(const OnboardingReport& report, const std::string& key) {
    for (const StepReport& s : report.steps) {
      if (s.key == key) return s;
    }
    throw std::out_of_range(key);
  }
  // Fills in what the details step needs.
  void CompleteDetails() {
    WorkspaceFields f;
    f.address = "1 High Street, Leeds";
    f.contact_phone = "+44 113 496 0000";
    ASSERT_TRUE(workspaces_.Update(*conn_, ws_, ann_, f, "").ok());
  }
  std::int64_t CountEvents(const std::string& type) {
    return conn_
        ->QueryOne("SELECT COUNT(*) FROM audit_events WHERE workspace_id = ? AND type = ?",
                   {ws_, type})
        ->Int(0);
  }

  Onboarding onboarding_;
  ActivationService activation_;
};

TEST_F(OnboardingTest, EightStepsInOrderNoneAvailableUntilRegistered) {
  Onboarding onboarding;
  const OnboardingReport report = onboarding.Evaluate(*conn_, Workspace{});
  ASSERT_EQ(report.steps.size(), 8u);
  const char* order[] = {"details", "channels",  "contact_form", "services",
                         "forms",   "inventory", "staff",        "activate"};
  for (std::size_t i = 0; i < 8; ++i) {
    const StepReport& s = report.steps[i];
    EXPECT_EQ(s.key, order[i]);
    EXPECT_FALSE(s.title.empty()) << s.key;
    EXPECT_FALSE(s.available) << s.key;
    EXPECT_FALSE(s.state.done) << s.key;
    EXPECT_EQ(s.state.missing, std::vector<std::string>{kComesLater}) << s.key;
    const bool required = s.key == "details" || s.key == "channels" || s.key == "services";
    EXPECT_EQ(s.required, required) << s.key;
  }
  EXPECT_FALSE(report.ready_to_activate);
}

TEST_F(OnboardingTest, ReadyOnceEveryRequiredStepIsDoneWhateverTheOptionalOnesSay) {
  Onboarding onboarding;
  onboarding.Register("details", Done());
  onboarding.Register("channels", Done());
  EXPECT_FALSE(onboarding.Evaluate(*conn_, Workspace{}).ready_to_activate)
      << "services is required and not available yet";
  onboarding.Register("services", Done());
  onboarding.Register("forms", [](db::Connection&, const Workspace&) {
    return StepState{false, {"no form yet"}};
  });
  const OnboardingReport report = onboarding.Evaluate(*conn_, Workspace{});
  EXPECT_TRUE(report.ready_to_activate);
  EXPECT_TRUE(report.steps[1].available);
  EXPECT_TRUE(report.steps[1].state.done);
  EXPECT_TRUE(report.steps[1].state.missing.empty());
  EXPECT_EQ(report.steps[4].state.missing, std::vector<std::string>{"no form yet"});
}

TEST_F(OnboardingTest, RegisteringAnUnknownStepTwiceOrEmptyIsAStartUpError) {
  Onboarding onboarding;
  EXPECT_THROW(onboarding.Register("billing", Done()), std::invalid_argument);
  EXPECT_THROW(onboarding.Register("channels", nullptr), std::invalid_argument);
  onboarding.Register("channels", Done());
  EXPECT_THROW(onboarding.Register("channels", Done()), std::invalid_argument);
}

TEST(OnboardingStepsTest, DetailsListsWhatIsMissing) {
  Workspace w;
  w.name = "Sunny Clinic";
  w.timezone = "UTC";
  StepState state = DetailsStep(w);
  EXPECT_FALSE(state.done);
  EXPECT_EQ(state.missing,
            (std::vector<std::string>{"the address", "a contact email or phone number"}));
  w.address = "1 High Street";
  w.contact_email = "desk@sunny.example";
  EXPECT_TRUE(DetailsStep(w).done);
  w.contact_email.clear();
  w.contact_phone = "+44 113 496 0000";
  EXPECT_TRUE(DetailsStep(w).done);
}

TEST_F(OnboardingTest, StaffIsDoneWithAnotherMemberOrALiveInvitation) {
  EXPECT_FALSE(Step(Report(), "staff").state.done);
  EXPECT_TRUE(Step(Report(), "staff").available);
  EXPECT_FALSE(Step(Report(), "staff").required);
  auto [invitation, token] = Invite(ByEmail("bob@example.com"));
  EXPECT_TRUE(Step(Report(), "staff").state.done) << "a pending invitation";
  clock_.Advance(kInvitationLifetime);
  EXPECT_FALSE(Step(Report(), "staff").state.done) << "an expired one is not";
  WorkspaceRepository(*conn_).AddMember(ws_, bob_, Role::kStaff, {}, 0);
  EXPECT_TRUE(Step(Report(), "staff").state.done) << "another member";
}

TEST_F(OnboardingTest, ActivationListsEveryRequiredStepNotDoneAndChangesNothing) {
  auto refused = activation_.Activate(*conn_, ws_, ann_, "");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(refused.error().message, "the workspace cannot be activated yet");
  ASSERT_EQ(refused.error().problems.size(), 3u);
  EXPECT_EQ(refused.error().problems[0].field, "details");
  EXPECT_EQ(refused.error().problems[0].message, "the address; a contact email or phone number");
  EXPECT_EQ(refused.error().problems[1].field, "channels");
  EXPECT_EQ(refused.error().problems[1].message, kComesLater);
  EXPECT_EQ(refused.error().problems[2].field, "services");
  EXPECT_FALSE(Current().is_active);
  EXPECT_EQ(CountEvents("workspace_activated"), 0);

  CompleteDetails();
  onboarding_.Register("channels", Done());
  refused = activation_.Activate(*conn_, ws_, ann_, "");
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.error().problems.size(), 1u);
  EXPECT_EQ(refused.error().problems[0].field, "services");
}

TEST_F(OnboardingTest, ActivationSucceedsOnceTheRequiredStepsAreDoneAndIsAuditedOnce) {
  CompleteDetails();
  onboarding_.Register("channels", Done());
  onboarding_.Register("services", Done());
  EXPECT_TRUE(Report().ready_to_activate);
  EXPECT_FALSE(Step(Report(), "activate").state.done);
  clock_.Advance(1000);
  auto activated = activation_.Activate(*conn_, ws_, ann_, "10.0.0.1");
  ASSERT_TRUE(activated.ok()) << activated.error().message;
  EXPECT_TRUE(activated->is_active);
  EXPECT_EQ(activated->updated_at, clock_.NowMillis());
  EXPECT_TRUE(Report().is_active);
  EXPECT_TRUE(Step(Report(), "activate").state.done);
  EXPECT_EQ(CountEvents("workspace_activated"), 1);

  clock_.Advance(1000);
  auto again = activation_.Activate(*conn_, ws_, ann_, "");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->updated_at, activated->updated_at) << "unchanged";
  EXPECT_EQ(CountEvents("workspace_activated"), 1);
  EXPECT_EQ(activation_.Activate(*conn_, 999999, ann_, "").error().code, ErrorCode::kNotFound);
}

TEST_F(OnboardingTest, PublicLookupIsNotFoundForUnknownSlugsAndNotOpenBeforeActivation) {
  EXPECT_EQ(WorkspaceBySlug(*conn_, "nobody").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(OpenWorkspaceBySlug(*conn_, "nobody").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(WorkspaceBySlug(*conn_, "sunny-clinic")->id, ws_);
  auto closed = OpenWorkspaceBySlug(*conn_, "sunny-clinic");
  ASSERT_FALSE(closed.ok());
  EXPECT_EQ(closed.error().code, ErrorCode::kConflict);
  EXPECT_EQ(closed.error().message, "Sunny Clinic is not open yet");
  EXPECT_EQ(closed.error().field, "workspace");

  CompleteDetails();
  onboarding_.Register("channels", Done());
  onboarding_.Register("services", Done());
  ASSERT_TRUE(activation_.Activate(*conn_, ws_, ann_, "").ok());
  auto open = OpenWorkspaceBySlug(*conn_, "sunny-clinic");
  ASSERT_TRUE(open.ok());
  EXPECT_EQ(open->name, "Sunny Clinic");
}

}  // namespace
}  // namespace careops::workspaces
