// WorkspaceService against a migrated temporary SQLite database and a fake clock.

#include "workspaces/workspace_service.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "auth/audit_repository.hpp"
#include "auth/model.hpp"
#include "auth/user_repository.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "http/router.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"
#include "workspaces/member_guard.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::workspaces {
namespace {

class WorkspaceServiceTest : public ::testing::Test {
 protected:
  WorkspaceServiceTest()
      : database_(db::OpenDatabase("sqlite:" + dir_.File("ws.db"))),
        conn_(database_->Connect()),
        service_(clock_) {
    db::Migrator(*conn_, clock_).Migrate();
    ann_ = AddUser("ann@example.com");
    bob_ = AddUser("bob@example.com");
  }

  std::int64_t AddUser(const std::string& email) {
    auth::NewUser user;
    user.email = email;
    user.password_hash = "x";
    user.full_name = "Test User";
    return auth::UserRepository(*conn_).Insert(user, clock_.NowMillis()).value();
  }

  static WorkspaceFields Fields(const std::string& slug = "ann-clinic") {
    WorkspaceFields f;
    f.name = "  Ann's Clinic ";
    f.slug = slug;
    f.timezone = "Europe/Berlin";
    f.default_region = "DE";
    f.contact_email = " desk@ann.example ";
    f.contact_phone = " +49 30 123456 ";
    return f;
  }

  testing::TempDir dir_;
  testing::FakeClock clock_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<db::Connection> conn_;
  WorkspaceService service_;
  std::int64_t ann_ = 0;
  std::int64_t bob_ = 0;
};

TEST_F(WorkspaceServiceTest, CreateMakesTheCreatorOwnerWithEveryPermission) {
  auto w = service_.Create(*conn_, ann_, Fields());
  ASSERT_TRUE(w.ok()) << w.error().message;
  EXPECT_EQ(w->name, "Ann's Clinic");
  EXPECT_EQ(w->contact_email, "desk@ann.example");
  EXPECT_EQ(w->contact_phone, "+49 30 123456");
  EXPECT_FALSE(w->is_active);
  EXPECT_EQ(w->created_at, clock_.NowMillis());

  auto member = service_.ActiveMembership(*conn_, w->id, ann_);
  ASSERT_TRUE(member.has_value());
  EXPECT_EQ(member->role, Role::kOwner);
  EXPECT_TRUE(member->permissions.inbox && member->permissions.bookings &&
              member->permissions.forms && member->permissions.inventory);
  EXPECT_FALSE(service_.ActiveMembership(*conn_, w->id, bob_).has_value());

  auto mine = service_.ListMine(*conn_, ann_);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].workspace.slug, "ann-clinic");
  EXPECT_TRUE(service_.ListMine(*conn_, bob_).empty());
}

TEST_F(WorkspaceServiceTest, CreateDefaultsTimezoneAndRegion) {
  WorkspaceFields f;
  f.name = "Plain";
  f.slug = "plain";
  auto w = service_.Create(*conn_, ann_, f);
  ASSERT_TRUE(w.ok()) << w.error().message;
  EXPECT_EQ(w->timezone, "UTC");
  EXPECT_EQ(w->default_region, "US");
}

TEST_F(WorkspaceServiceTest, ValidationNamesTheField) {
  struct Case {
    void (*edit)(WorkspaceFields&);
    const char* field;
  };
  const Case cases[] = {
      {[](WorkspaceFields& f) { f.name = "   "; }, "name"},
      {[](WorkspaceFields& f) { f.name = std::string(121, 'a'); }, "name"},
      {[](WorkspaceFields& f) { f.name.reset(); }, "name"},
      {[](WorkspaceFields& f) { f.slug = "ab"; }, "slug"},
      {[](WorkspaceFields& f) { f.slug = "Upper-Case"; }, "slug"},
      {[](WorkspaceFields& f) { f.slug = std::string(41, 'a'); }, "slug"},
      {[](WorkspaceFields& f) { f.timezone = "Mars/Olympus_Mons"; }, "timezone"},
      {[](WorkspaceFields& f) { f.timezone = ""; }, "timezone"},
      {[](WorkspaceFields& f) { f.default_region = "de"; }, "default_region"},
      {[](WorkspaceFields& f) { f.default_region = "DEU"; }, "default_region"},
      {[](WorkspaceFields& f) { f.contact_email = "not-an-email"; }, "contact_email"},
      {[](WorkspaceFields& f) { f.contact_phone = "call me"; }, "contact_phone"},
  };
  for (const Case& c : cases) {
    WorkspaceFields f = Fields();
    c.edit(f);
    auto w = service_.Create(*conn_, ann_, f);
    ASSERT_FALSE(w.ok()) << c.field;
    EXPECT_EQ(w.error().code, ErrorCode::kInvalidArgument) << c.field;
    EXPECT_EQ(w.error().field, c.field);
  }
  EXPECT_TRUE(service_.ListMine(*conn_, ann_).empty()) << "nothing was created";
}

TEST_F(WorkspaceServiceTest, TimezonesComeFromTheIanaDatabase) {
  EXPECT_TRUE(IsTimeZone("America/New_York"));
  EXPECT_TRUE(IsTimeZone("UTC"));
  EXPECT_FALSE(IsTimeZone("America/Nowhere"));
  EXPECT_FALSE(IsTimeZone("+02:00"));
}

TEST_F(WorkspaceServiceTest, SlugConflictIs409OnCreateAndUpdate) {
  ASSERT_TRUE(service_.Create(*conn_, ann_, Fields("taken")).ok());
  auto again = service_.Create(*conn_, bob_, Fields("taken"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().field, "slug");
  EXPECT_TRUE(service_.ListMine(*conn_, bob_).empty()) << "the transaction rolled back";

  auto other = service_.Create(*conn_, bob_, Fields("other"));
  ASSERT_TRUE(other.ok());
  WorkspaceFields rename;
  rename.slug = "taken";
  auto updated = service_.Update(*conn_, other->id, bob_, rename, "");
  ASSERT_FALSE(updated.ok());
  EXPECT_EQ(updated.error().code, ErrorCode::kConflict);
  EXPECT_EQ(updated.error().field, "slug");
}

TEST_F(WorkspaceServiceTest, UpdateChangesOnlyThePresentFields) {
  auto w = service_.Create(*conn_, ann_, Fields());
  ASSERT_TRUE(w.ok());
  clock_.Advance(5000);
  WorkspaceFields patch;
  patch.timezone = "America/Chicago";
  patch.address = " 1 Main St ";
  auto updated = service_.Update(*conn_, w->id, ann_, patch, "10.0.0.1");
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(updated->timezone, "America/Chicago");
  EXPECT_EQ(updated->address, "1 Main St");
  EXPECT_EQ(updated->name, "Ann's Clinic");
  EXPECT_EQ(updated->updated_at, clock_.NowMillis());
  EXPECT_EQ(updated->created_at, w->created_at);

  WorkspaceFields bad;
  bad.timezone = "Nowhere/Land";
  auto refused = service_.Update(*conn_, w->id, ann_, bad, "");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "timezone");
  EXPECT_EQ(service_.Get(*conn_, w->id)->timezone, "America/Chicago");

  EXPECT_EQ(service_.Update(*conn_, 9999, ann_, patch, "").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.Get(*conn_, 9999).error().code, ErrorCode::kNotFound);
}

TEST_F(WorkspaceServiceTest, MembersListsTheOwnerWithNameAndEmail) {
  auto w = service_.Create(*conn_, ann_, Fields());
  ASSERT_TRUE(w.ok());
  auto members = service_.Members(*conn_, w->id);
  ASSERT_EQ(members.size(), 1u);
  EXPECT_EQ(members[0].email, "ann@example.com");
  EXPECT_EQ(members[0].role, Role::kOwner);
}

class MemberManagementTest : public WorkspaceServiceTest {
 protected:
  MemberManagementTest() {
    ws_ = service_.Create(*conn_, ann_, Fields()).value().id;
    WorkspaceRepository(*conn_).AddMember(ws_, bob_, Role::kStaff, Permissions{}, 0);
  }
  Result<Member> Change(std::int64_t member, const MemberChange& change) const {
    return service_.UpdateMember(*conn_, ws_, ann_, member, change, "10.0.0.1");
  }
  std::vector<auth::AuditEvent> AnnAudit() const {
    return auth::AuditRepository(*conn_).ListForUser(ann_, 100);
  }
  std::int64_t ws_ = 0;
};

TEST(RoleDefaultsTest, OwnerAllManagerAllFlagsStaffInboxAndBookings) {
  EXPECT_EQ(DefaultPermissions(Role::kOwner), Permissions::All());
  EXPECT_EQ(DefaultPermissions(Role::kManager), (Permissions{true, true, true, true}));
  EXPECT_EQ(DefaultPermissions(Role::kStaff), (Permissions{true, true, false, false}));
}

TEST_F(MemberManagementTest, RoleChangeWithoutFlagsAppliesTheRoleDefaultsAndIsAudited) {
  MemberChange change;
  change.role = Role::kManager;
  auto m = Change(bob_, change);
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->role, Role::kManager);
  EXPECT_EQ(m->permissions, DefaultPermissions(Role::kManager));
  EXPECT_EQ(m->email, "bob@example.com");
  auto events = AnnAudit();
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].type, "role_changed");
  EXPECT_NE(events[0].detail.find("workspace=" + std::to_string(ws_)), std::string::npos);
  EXPECT_NE(events[0].detail.find("member=" + std::to_string(bob_)), std::string::npos);

  change.role = Role::kStaff;
  EXPECT_EQ(Change(bob_, change)->permissions, DefaultPermissions(Role::kStaff));
}

TEST_F(MemberManagementTest, ExplicitFlagsApplyOnTopOfTheRole) {
  MemberChange change;
  change.role = Role::kStaff;  // Bob is staff already: his flags are kept, not reset
  change.inventory = true;
  auto m = Change(bob_, change);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->permissions, (Permissions{false, false, false, true}));

  MemberChange promote;
  promote.role = Role::kManager;
  promote.forms = false;
  EXPECT_EQ(Change(bob_, promote)->permissions, (Permissions{true, true, false, true}));

  const auto before = AnnAudit().size();
  EXPECT_TRUE(Change(bob_, promote).ok());
  EXPECT_EQ(AnnAudit().size(), before) << "a change that changes nothing records nothing";
}

TEST_F(MemberManagementTest, SuspendReactivateAndRemove) {
  MemberChange suspend;
  suspend.active = false;
  ASSERT_FALSE(Change(bob_, suspend)->active);
  EXPECT_FALSE(service_.ActiveMembership(*conn_, ws_, bob_).has_value());
  EXPECT_EQ(AnnAudit()[0].type, "member_suspended");

  MemberChange reactivate;
  reactivate.active = true;
  ASSERT_TRUE(Change(bob_, reactivate)->active);
  EXPECT_TRUE(service_.ActiveMembership(*conn_, ws_, bob_).has_value());
  EXPECT_EQ(AnnAudit()[0].type, "member_reactivated");

  ASSERT_TRUE(service_.RemoveMember(*conn_, ws_, ann_, bob_, "10.0.0.1").ok());
  EXPECT_FALSE(service_.ActiveMembership(*conn_, ws_, bob_).has_value());
  EXPECT_EQ(AnnAudit()[0].type, "member_removed");
  EXPECT_EQ(service_.RemoveMember(*conn_, ws_, ann_, bob_, "").error().code, ErrorCode::kNotFound);
}

TEST_F(MemberManagementTest, TheLastActiveOwnerCannotBeDemotedSuspendedOrRemoved) {
  const auto before = AnnAudit().size();
  MemberChange demote;
  demote.role = Role::kManager;
  MemberChange suspend;
  suspend.active = false;
  for (const MemberChange& c : {demote, suspend}) {
    auto refused = Change(ann_, c);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
    EXPECT_EQ(refused.error().message, "a workspace needs an owner");
  }
  EXPECT_EQ(service_.RemoveMember(*conn_, ws_, ann_, ann_, "").error().code, ErrorCode::kConflict);
  EXPECT_EQ(service_.ActiveMembership(*conn_, ws_, ann_)->role, Role::kOwner);
  EXPECT_EQ(AnnAudit().size(), before) << "nothing recorded for refused changes";

  MemberChange promote;
  promote.role = Role::kOwner;
  EXPECT_EQ(Change(bob_, promote)->permissions, Permissions::All());
  auto demoted = Change(ann_, demote);
  ASSERT_TRUE(demoted.ok()) << "with a second owner the first may step down";
  EXPECT_EQ(demoted->permissions, DefaultPermissions(Role::kManager));
}

TEST_F(MemberManagementTest, MembersOfOtherWorkspacesAndUnknownIdsAre404) {
  auto other = service_.Create(*conn_, bob_, Fields("bob-clinic"));
  ASSERT_TRUE(other.ok());
  const std::int64_t carl = AddUser("carl@example.com");
  WorkspaceRepository(*conn_).AddMember(other->id, carl, Role::kStaff, Permissions{}, 0);
  MemberChange suspend;
  suspend.active = false;
  for (std::int64_t id : {carl, std::int64_t{9999}}) {
    EXPECT_EQ(Change(id, suspend).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(service_.RemoveMember(*conn_, ws_, ann_, id, "").error().code, ErrorCode::kNotFound);
  }
  EXPECT_TRUE(service_.ActiveMembership(*conn_, other->id, carl).has_value());
}

TEST(MemberPermissionsTest, OwnersHoldAllStaffOnlyTheirFlags) {
  using http::Permission;
  Member owner;
  owner.role = Role::kOwner;
  Member staff;
  staff.role = Role::kStaff;
  staff.permissions.bookings = true;
  for (Permission p : {Permission::kNone, Permission::kInbox, Permission::kBookings,
                       Permission::kForms, Permission::kInventory, Permission::kOwner}) {
    EXPECT_TRUE(Allows(owner, p));
  }
  EXPECT_TRUE(Allows(staff, Permission::kNone));
  EXPECT_TRUE(Allows(staff, Permission::kBookings));
  EXPECT_FALSE(Allows(staff, Permission::kInbox));
  EXPECT_FALSE(Allows(staff, Permission::kOwner));
  Member manager = staff;
  manager.role = Role::kManager;
  EXPECT_FALSE(Allows(manager, Permission::kOwner));
}

}  // namespace
}  // namespace careops::workspaces
