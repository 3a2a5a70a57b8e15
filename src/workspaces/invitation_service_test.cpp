// InvitationService against a migrated temporary SQLite database, a fake clock and an outbox
// that sends nothing: the rules of creating, listing, revoking, previewing and accepting.

#include "workspaces/invitation_service.hpp"

#include <gtest/gtest.h>

#include "auth/audit_repository.hpp"
#include "auth/user_repository.hpp"
#include "workspaces/invitation_repository.hpp"
#include "workspaces/workspace_repository.hpp"
#include "workspaces/workspaces_test_fixture.hpp"

namespace careops::workspaces {
namespace {

class InvitationServiceTest : public WorkspacesFixture {
 protected:
  // The workspace's own audit events, newest first.
  std::vector<std::pair<std::string, std::string>> WorkspaceEvents() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const db::Row& row : conn_->Query(
             "SELECT type, detail FROM audit_events WHERE workspace_id = ? ORDER BY id DESC",
             {ws_})) {
      out.emplace_back(row.Text(0), row.Text(1));
    }
    return out;
  }
  std::optional<Member> MemberOf(std::int64_t user_id) {
    return WorkspaceRepository(*conn_).FindMember(ws_, user_id);
  }
};

TEST_F(InvitationServiceTest, AnEmailInvitationOffersStaffWithItsFlagsAndSendsASealedLink) {
  auto [invitation, token] = Invite(ByEmail("  Dana@Example.com "));
  EXPECT_EQ(invitation.channel, InviteChannel::kEmail);
  EXPECT_EQ(invitation.recipient, "dana@example.com");
  EXPECT_EQ(invitation.role, Role::kStaff);
  EXPECT_EQ(invitation.permissions, DefaultPermissions(Role::kStaff));
  EXPECT_EQ(invitation.invited_by, ann_);
  EXPECT_EQ(invitation.invited_by_name, "Ann Owner");
  EXPECT_EQ(invitation.expires_at, clock_.NowMillis() + 7 * 24 * 3600 * 1000LL);
  EXPECT_EQ(StatusOf(invitation, clock_.NowMillis()), InvitationStatus::kPending);
  EXPECT_GE(wakes_.load(), 1) << "the dispatcher is woken after the commit";

  auto message = conn_->QueryOne(
      "SELECT channel, to_address, subject, kind, sensitive, user_id, workspace_id, body "
      "FROM messages WHERE id = ?",
      {*invitation.message_id});
  ASSERT_TRUE(message.has_value());
  EXPECT_EQ(message->Text(0), "email");
  EXPECT_EQ(message->Text(1), "dana@example.com");
  EXPECT_EQ(message->Text(2), "Ann Owner invited you to join Sunny Clinic on CareOps");
  EXPECT_EQ(message->Text(3), "invitation");
  EXPECT_EQ(message->Int(4), 1) << "the body carries the token: sealed";
  EXPECT_EQ(message->Int(5), ann_) << "the inviting owner may read its status";
  EXPECT_EQ(message->Int(6), ws_) << "sent through the workspace's channel";
  ASSERT_FALSE(token.empty());
  EXPECT_EQ(message->Text(7).find(token), std::string::npos) << "not stored readable";
  const std::string body = MessageBody(*invitation.message_id);
  EXPECT_NE(body.find("Ann Owner invited you to join Sunny Clinic on CareOps as staff."),
            std::string::npos)
      << body;
  EXPECT_NE(body.find("https://ops.example.com/invite#token=" + token), std::string::npos);
  EXPECT_FALSE(conn_->QueryOne("SELECT 1 FROM workspace_invitations WHERE token_hash = ?", {token})
                   .has_value())
      << "only the keyed hash is stored";

  const auto events = WorkspaceEvents();
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].first, "member_invited");
  EXPECT_NE(events[0].second.find("invitation=" + std::to_string(invitation.id)),
            std::string::npos);
  EXPECT_EQ(events[0].second.find(token), std::string::npos) << "no token in the audit log";
}

TEST_F(InvitationServiceTest, AnSmsInvitationReadsNationalNumbersInTheWorkspaceRegion) {
  auto [invitation, token] = Invite(ByPhone("07911 123456"));  // the workspace is in GB
  EXPECT_EQ(invitation.channel, InviteChannel::kSms);
  EXPECT_EQ(invitation.recipient, "+447911123456");
  auto message = conn_->QueryOne("SELECT channel, subject FROM messages WHERE id = ?",
                                 {*invitation.message_id});
  EXPECT_EQ(message->Text(0), "sms");
  EXPECT_EQ(message->Text(1), "");
  EXPECT_NE(MessageBody(*invitation.message_id).find("Open this link within 7 days: "),
            std::string::npos);
  EXPECT_FALSE(token.empty());
}

TEST_F(InvitationServiceTest, GivenFlagsApplyOnTopOfTheRoleAndOwnersHoldEveryFlag) {
  InvitationRequest manager = ByEmail("m@example.com");
  manager.role = Role::kManager;
  manager.permissions.forms = false;
  EXPECT_EQ(Invite(manager).first.permissions, (Permissions{true, true, false, true}));

  InvitationRequest staff = ByEmail("s@example.com");
  staff.permissions.inventory = true;
  staff.permissions.inbox = false;
  EXPECT_EQ(Invite(staff).first.permissions, (Permissions{false, true, false, true}));

  InvitationRequest owner = ByEmail("o@example.com");
  owner.role = Role::kOwner;
  owner.permissions.inbox = false;
  EXPECT_EQ(Invite(owner).first.permissions, Permissions::All());
}

TEST_F(InvitationServiceTest, InputErrorsNameTheField) {
  InvitationRequest both = ByEmail("x@example.com");
  both.phone = "+447911123456";
  const std::pair<InvitationRequest, const char*> cases[] = {
      {InvitationRequest{}, "email"},      {both, "phone"},
      {ByEmail("not an email"), "email"},  {ByPhone("12"), "phone"},
      {ByPhone("020 7946 0000"), "phone"},  // a London landline cannot receive SMS
  };
  for (const auto& [request, field] : cases) {
    auto refused = invitations_.Create(*conn_, ws_, ann_, request, "");
    ASSERT_FALSE(refused.ok()) << field;
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument) << field;
    EXPECT_EQ(refused.error().field, field);
  }
  EXPECT_TRUE(invitations_.List(*conn_, ws_).empty());
}

TEST_F(InvitationServiceTest, AnActiveMembersEmailOrVerifiedNumberIsAlreadyAMember) {
  auto owner = invitations_.Create(*conn_, ws_, ann_, ByEmail("ANN@example.com"), "");
  ASSERT_FALSE(owner.ok());
  EXPECT_EQ(owner.error().code, ErrorCode::kConflict);
  EXPECT_EQ(owner.error().message, "already a member");
  EXPECT_EQ(owner.error().field, "email");

  const std::int64_t dora = AddUser("dora@example.com", "Dora", "+447911123456");
  WorkspaceRepository(*conn_).AddMember(ws_, dora, Role::kStaff, {}, 0);
  EXPECT_TRUE(invitations_.Create(*conn_, ws_, ann_, ByPhone("07911 123456"), "").ok())
      << "an unverified number proves nothing";
  auth::UserRepository(*conn_).SetVerifiedPhone(dora, "+447911123456", 0);
  auto refused = invitations_.Create(*conn_, ws_, ann_, ByPhone("+44 7911 123456"), "");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(refused.error().field, "phone");

  conn_->Execute("UPDATE workspace_members SET status = 'suspended' WHERE user_id = ?", {dora});
  EXPECT_TRUE(invitations_.Create(*conn_, ws_, ann_, ByEmail("dora@example.com"), "").ok())
      << "a suspended member is not an active one";
}

TEST_F(InvitationServiceTest, FiftyPerWorkspaceInAnyDayThen429UntilTheOldestLeavesTheWindow) {
  for (int i = 0; i < kInvitationsPerWindow; ++i) {
    ASSERT_TRUE(
        invitations_.Create(*conn_, ws_, ann_, ByEmail("p" + std::to_string(i) + "@x.example"), "")
            .ok());
    clock_.Advance(60'000);
  }
  auto limited = invitations_.Create(*conn_, ws_, ann_, ByEmail("one-more@x.example"), "");
  ASSERT_FALSE(limited.ok());
  EXPECT_EQ(limited.error().code, ErrorCode::kRateLimited);
  // The first was made 50 minutes ago: one more is allowed 23 h 10 min from now.
  EXPECT_EQ(limited.error().retry_after_seconds, 24 * 3600 - 50 * 60);

  clock_.Advance((24 * 3600 - 50 * 60) * 1000LL - 1);
  EXPECT_FALSE(invitations_.Create(*conn_, ws_, ann_, ByEmail("one-more@x.example"), "").ok());
  clock_.Advance(1);
  EXPECT_TRUE(invitations_.Create(*conn_, ws_, ann_, ByEmail("one-more@x.example"), "").ok());

  WorkspaceFields other;
  other.name = "Other";
  other.slug = "other";
  const std::int64_t other_ws = workspaces_.Create(*conn_, bob_, other).value().id;
  EXPECT_TRUE(invitations_.Create(*conn_, other_ws, bob_, ByEmail("x@x.example"), "").ok())
      << "each workspace has its own limit";
}

TEST_F(InvitationServiceTest, PreviewShowsTheOfferWithTheRecipientMasked) {
  auto [invitation, token] = Invite(ByEmail("dana@example.com"));
  auto preview = invitations_.Preview(*conn_, token);
  ASSERT_TRUE(preview.ok()) << preview.error().message;
  EXPECT_EQ(preview->workspace_name, "Sunny Clinic");
  EXPECT_EQ(preview->workspace_slug, "sunny-clinic");
  EXPECT_EQ(preview->role, Role::kStaff);
  EXPECT_EQ(preview->invited_by, "Ann Owner");
  EXPECT_EQ(preview->recipient, "d•••@example.com");
  EXPECT_EQ(preview->expires_at, invitation.expires_at);

  EXPECT_EQ(invitations_.Preview(*conn_, "no-such-token").error().code, ErrorCode::kNotFound);
  auto empty = invitations_.Preview(*conn_, "");
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(empty.error().field, "token");
}

TEST_F(InvitationServiceTest, AcceptJoinsWithTheOfferedRoleAndFlagsExactlyOnce) {
  InvitationRequest request = ByEmail("bob@example.com");
  request.role = Role::kManager;
  request.permissions.inventory = false;
  auto [invitation, token] = Invite(request);

  auto joined = invitations_.Accept(*conn_, token, bob_, "10.0.0.2");
  ASSERT_TRUE(joined.ok()) << joined.error().message;
  EXPECT_EQ(joined->workspace.id, ws_);
  EXPECT_EQ(joined->role, Role::kManager);
  auto member = MemberOf(bob_);
  ASSERT_TRUE(member.has_value());
  EXPECT_TRUE(member->active);
  EXPECT_EQ(member->role, Role::kManager);
  EXPECT_EQ(member->permissions, (Permissions{true, true, true, false}));
  EXPECT_EQ(WorkspaceEvents()[0].first, "invitation_accepted");

  const auto listed = invitations_.List(*conn_, ws_);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(StatusOf(listed[0], clock_.NowMillis()), InvitationStatus::kAccepted);
  EXPECT_EQ(listed[0].accepted_by, bob_);

  for (std::int64_t user : {bob_, carl_}) {
    auto again = invitations_.Accept(*conn_, token, user, "");
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::kGone);
    EXPECT_EQ(again.error().message, "this invitation has already been used");
  }
  EXPECT_FALSE(MemberOf(carl_).has_value());
  EXPECT_EQ(invitations_.Preview(*conn_, token).error().code, ErrorCode::kGone);
  EXPECT_EQ(invitations_.Accept(*conn_, "no-such-token", carl_, "").error().code,
            ErrorCode::kNotFound);
}

TEST_F(InvitationServiceTest, AnInvitationExpiresAfterSevenDaysByTheClock) {
  auto [invitation, token] = Invite(ByEmail("bob@example.com"));
  clock_.Advance(kInvitationLifetime - 1);
  EXPECT_TRUE(invitations_.Preview(*conn_, token).ok());
  clock_.Advance(1);
  auto preview = invitations_.Preview(*conn_, token);
  EXPECT_EQ(preview.error().code, ErrorCode::kGone);
  EXPECT_EQ(preview.error().message, "this invitation has expired");
  EXPECT_EQ(invitations_.Accept(*conn_, token, bob_, "").error().code, ErrorCode::kGone);
  EXPECT_FALSE(MemberOf(bob_).has_value());
  EXPECT_EQ(StatusOf(invitations_.List(*conn_, ws_)[0], clock_.NowMillis()),
            InvitationStatus::kExpired);
  EXPECT_EQ(invitations_.Revoke(*conn_, ws_, invitation.id).error().code, ErrorCode::kConflict);
}

TEST_F(InvitationServiceTest, RevokeWorksOnPendingInvitationsOfThisWorkspaceOnly) {
  auto [invitation, token] = Invite(ByEmail("bob@example.com"));
  ASSERT_TRUE(invitations_.Revoke(*conn_, ws_, invitation.id).ok());
  auto preview = invitations_.Preview(*conn_, token);
  EXPECT_EQ(preview.error().code, ErrorCode::kGone);
  EXPECT_EQ(preview.error().message, "this invitation was revoked");
  EXPECT_EQ(invitations_.Accept(*conn_, token, bob_, "").error().code, ErrorCode::kGone);
  EXPECT_EQ(StatusOf(invitations_.List(*conn_, ws_)[0], clock_.NowMillis()),
            InvitationStatus::kRevoked);
  EXPECT_EQ(invitations_.Revoke(*conn_, ws_, invitation.id).error().code, ErrorCode::kConflict);

  auto [accepted, accepted_token] = Invite(ByEmail("carl@example.com"));
  ASSERT_TRUE(invitations_.Accept(*conn_, accepted_token, carl_, "").ok());
  EXPECT_EQ(invitations_.Revoke(*conn_, ws_, accepted.id).error().code, ErrorCode::kConflict);

  WorkspaceFields other;
  other.name = "Other";
  other.slug = "other";
  const std::int64_t other_ws = workspaces_.Create(*conn_, bob_, other).value().id;
  auto [pending, pending_token] = Invite(ByEmail("erin@example.com"));
  EXPECT_EQ(invitations_.Revoke(*conn_, other_ws, pending.id).error().code, ErrorCode::kNotFound)
      << "another workspace's invitation id";
  EXPECT_EQ(invitations_.Revoke(*conn_, ws_, 999999).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(invitations_.Preview(*conn_, pending_token).ok());
}

TEST_F(InvitationServiceTest, AMemberCannotAcceptAndTheInvitationStaysPending) {
  auto [invitation, token] = Invite(ByEmail("someone@example.com"));
  auto refused = invitations_.Accept(*conn_, token, ann_, "");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(refused.error().message, "already a member");
  EXPECT_EQ(MemberOf(ann_)->role, Role::kOwner) << "the owner keeps her role";
  EXPECT_TRUE(invitations_.Preview(*conn_, token).ok()) << "still pending";
  EXPECT_TRUE(invitations_.Accept(*conn_, token, bob_, "").ok());
}

// The single-use guarantee lives in one conditional UPDATE, not in the service's earlier read:
// it must refuse on its own whatever state the row is in.
TEST_F(InvitationServiceTest, TheClaimingUpdateSucceedsOnlyOnAPendingInvitation) {
  InvitationRepository repo(*conn_);
  const Invitation used = Invite(ByEmail("u@example.com")).first;
  EXPECT_TRUE(repo.MarkAccepted(used.id, bob_, clock_.NowMillis()));
  EXPECT_FALSE(repo.MarkAccepted(used.id, carl_, clock_.NowMillis())) << "already used";
  EXPECT_FALSE(repo.MarkRevoked(used.id, clock_.NowMillis()));
  EXPECT_EQ(repo.FindInWorkspace(ws_, used.id)->accepted_by, bob_);

  const Invitation revoked = Invite(ByEmail("r@example.com")).first;
  EXPECT_TRUE(repo.MarkRevoked(revoked.id, clock_.NowMillis()));
  EXPECT_FALSE(repo.MarkAccepted(revoked.id, bob_, clock_.NowMillis())) << "revoked";

  const Invitation expiring = Invite(ByEmail("e@example.com")).first;
  EXPECT_FALSE(repo.MarkAccepted(expiring.id, bob_, expiring.expires_at)) << "expired";
  EXPECT_FALSE(repo.MarkRevoked(expiring.id, expiring.expires_at));
  EXPECT_TRUE(repo.MarkAccepted(expiring.id, bob_, expiring.expires_at - 1));
}

TEST_F(InvitationServiceTest, ListIsNewestFirst) {
  Invite(ByEmail("first@example.com"));
  clock_.Advance(1000);
  Invite(ByPhone("+447911123456"));
  const auto listed = invitations_.List(*conn_, ws_);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].recipient, "+447911123456");
  EXPECT_EQ(listed[1].recipient, "first@example.com");
  EXPECT_TRUE(invitations_.List(*conn_, 999999).empty());
}

}  // namespace
}  // namespace careops::workspaces
