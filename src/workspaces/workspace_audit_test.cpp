// A workspace's audit trail: what is recorded for it (workspace_updated) and the audit view
// (its own events and its members' sign-ins, paged newest first).

#include <gtest/gtest.h>

#include "auth/audit_repository.hpp"
#include "workspaces/workspace_repository.hpp"
#include "workspaces/workspaces_test_fixture.hpp"

namespace careops::workspaces {
namespace {

class WorkspaceAuditTest : public WorkspacesFixture {
 protected:
  AuditPage Page(std::optional<std::int64_t> before = {}, int limit = kDefaultAuditPage) {
    auto page = workspaces_.AuditTrail(*conn_, ws_, before, limit);
    EXPECT_TRUE(page.ok()) << (page.ok() ? "" : page.error().message);
    return page.ok() ? std::move(page).value() : AuditPage{};
  }
  std::vector<std::string> Types(const AuditPage& page) {
    std::vector<std::string> out;
    for (const auto& e : page.events) out.push_back(e.type);
    return out;
  }
  void SignIn(std::int64_t user_id, bool ok = true) {
    auth::AuditRepository(*conn_).Record(user_id, ok ? "login_ok" : "login_failed", "10.0.0.9",
                                         "password", clock_.NowMillis());
  }
};

TEST_F(WorkspaceAuditTest, UpdateRecordsTheChangedFieldNamesOnlyWhenSomethingChanged) {
  WorkspaceFields f;
  f.address = "1 High Street";
  f.name = "Sunny Clinic";  // unchanged: not listed
  f.contact_email = "desk@sunny.example";
  ASSERT_TRUE(workspaces_.Update(*conn_, ws_, ann_, f, "10.0.0.1").ok());
  AuditPage page = Page();
  ASSERT_EQ(page.events.size(), 1u);
  EXPECT_EQ(page.events[0].type, "workspace_updated");
  EXPECT_EQ(page.events[0].detail,
            "workspace=" + std::to_string(ws_) + " fields=address,contact_email");
  EXPECT_EQ(page.events[0].user_id, ann_);
  EXPECT_EQ(page.events[0].user_name, "Ann Owner");
  EXPECT_EQ(page.events[0].ip, "10.0.0.1");

  const Millis updated_at = workspaces_.Get(*conn_, ws_)->updated_at;
  clock_.Advance(1000);
  ASSERT_TRUE(workspaces_.Update(*conn_, ws_, ann_, f, "").ok());
  EXPECT_EQ(Page().events.size(), 1u) << "a change that changes nothing records nothing";
  EXPECT_EQ(workspaces_.Get(*conn_, ws_)->updated_at, updated_at);
}

TEST_F(WorkspaceAuditTest, TheViewMergesOwnEventsWithMembersSignInsOnly) {
  WorkspaceRepository(*conn_).AddMember(ws_, bob_, Role::kStaff, {}, 0);
  SignIn(ann_);
  SignIn(bob_, /*ok=*/false);
  SignIn(carl_);                                                              // not a member
  auth::AuditRepository(*conn_).Record(bob_, "password_changed", "", "", 0);  // not a sign-in
  WorkspaceFields other;
  other.name = "Other";
  other.slug = "other";
  const std::int64_t other_ws = workspaces_.Create(*conn_, ann_, other).value().id;
  auth::AuditRepository(*conn_).RecordForWorkspace(other_ws, ann_, "role_changed", "", "", 0);
  WorkspaceFields f;
  f.address = "1 High Street";
  ASSERT_TRUE(workspaces_.Update(*conn_, ws_, ann_, f, "").ok());

  AuditPage page = Page();
  EXPECT_EQ(Types(page),
            (std::vector<std::string>{"workspace_updated", "login_failed", "login_ok"}));
  EXPECT_EQ(page.events[1].user_id, bob_);
  EXPECT_EQ(page.events[1].user_name, "Bob Staff");
  EXPECT_FALSE(page.next_before.has_value());

  WorkspaceRepository(*conn_).RemoveMember(ws_, bob_);
  EXPECT_EQ(Types(Page()), (std::vector<std::string>{"workspace_updated", "login_ok"}))
      << "only current members' sign-ins";
}

TEST_F(WorkspaceAuditTest, PagesNewestFirstWithNextBefore) {
  for (int i = 0; i < 5; ++i) {
    SignIn(ann_);
    WorkspaceFields f;
    f.address = "Street " + std::to_string(i);
    ASSERT_TRUE(workspaces_.Update(*conn_, ws_, ann_, f, "").ok());
  }
  std::vector<std::int64_t> seen;
  std::optional<std::int64_t> before;
  int pages = 0;
  do {
    AuditPage page = Page(before, 3);
    EXPECT_LE(page.events.size(), 3u);
    for (const auto& e : page.events) seen.push_back(e.id);
    before = page.next_before;
    if (before) {
      EXPECT_EQ(*before, page.events.back().id);
    }
    ++pages;
  } while (before && pages < 10);
  EXPECT_EQ(pages, 4);
  ASSERT_EQ(seen.size(), 10u);
  for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_GT(seen[i - 1], seen[i]);

  EXPECT_EQ(Page({}, 10).next_before, std::nullopt) << "exactly a page: no next";
}

TEST_F(WorkspaceAuditTest, BeforeAndLimitAreValidated) {
  const std::pair<std::optional<std::int64_t>, int> bad[] = {
      {0, 10}, {-5, 10}, {{}, 0}, {{}, kMaxAuditPage + 1}, {{}, -1}};
  for (const auto& [before, limit] : bad) {
    auto refused = workspaces_.AuditTrail(*conn_, ws_, before, limit);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(refused.error().field, limit >= 1 && limit <= kMaxAuditPage ? "before" : "limit");
  }
  EXPECT_TRUE(workspaces_.AuditTrail(*conn_, ws_, 1, kMaxAuditPage).ok());
}

}  // namespace
}  // namespace careops::workspaces
