#include "workspaces/invitation_service.hpp"

#include <fmt/format.h>

#include "auth/audit_repository.hpp"
#include "auth/credentials.hpp"
#include "auth/phone.hpp"
#include "auth/throttle.hpp"
#include "auth/user_repository.hpp"
#include "core/crypto.hpp"
#include "core/random.hpp"
#include "db/database.hpp"
#include "messaging/outbox.hpp"
#include "workspaces/invitation_repository.hpp"
#include "workspaces/recipient.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::workspaces {
namespace {

constexpr std::size_t kTokenBytes = 32;

Error AlreadyMember(std::optional<std::string> field = {}) {
  return Error::Conflict("already a member", std::move(field));
}

// Gone with the reason, for an invitation that is not pending.
Error NotPending(InvitationStatus status) {
  switch (status) {
    case InvitationStatus::kAccepted:
      return Error::Gone("this invitation has already been used");
    case InvitationStatus::kRevoked:
      return Error::Gone("this invitation was revoked");
    case InvitationStatus::kExpired:
    case InvitationStatus::kPending:
      break;
  }
  return Error::Gone("this invitation has expired");
}

struct Recipient {
  InviteChannel channel = InviteChannel::kEmail;
  std::string address;  // normalised email or E.164
};

Result<Recipient> ResolveRecipient(const InvitationRequest& request, const Workspace& w) {
  if (request.email && request.phone) {
    return Error::InvalidArgument("give either email or phone, not both", "phone");
  }
  if (!request.email && !request.phone) {
    return Error::InvalidArgument("email or phone is required", "email");
  }
  if (request.email) {
    auto email = auth::NormalizeEmail(*request.email);
    if (!email.ok()) return std::move(email).error();
    return Recipient{InviteChannel::kEmail, std::move(email).value()};
  }
  auto phone = auth::NormalizePhone(*request.phone, w.default_region);
  if (!phone.ok()) {
    return Error::InvalidArgument("phone must be a valid mobile number", "phone");
  }
  return Recipient{InviteChannel::kSms, std::move(phone).value()};
}

Permissions OfferedPermissions(Role role, const PermissionFlags& flags) {
  if (role == Role::kOwner) return Permissions::All();
  return WithFlags(DefaultPermissions(role), flags);
}

// The message with the link: short enough for one or two SMS segments; email adds a subject.
messaging::NewMessage InvitationMessage(const Invitation& invitation, const Workspace& w,
                                        std::string_view inviter, std::string_view link) {
  const std::string offer = fmt::format("{} invited you to join {} on CareOps as {}.", inviter,
                                        w.name, RoleName(invitation.role));
  messaging::NewMessage m;
  m.to = invitation.recipient;
  m.kind = "invitation";
  m.priority = messaging::Priority::kNormal;
  m.user_id = invitation.invited_by;
  m.workspace_id = w.id;
  m.sensitive = true;  // the link is the invitation
  if (invitation.channel == InviteChannel::kSms) {
    m.channel = messaging::Channel::kSms;
    m.body = fmt::format("{} Open this link within 7 days: {}", offer, link);
  } else {
    m.channel = messaging::Channel::kEmail;
    m.subject = fmt::format("{} invited you to join {} on CareOps", inviter, w.name);
    m.body = fmt::format(
        "{}\n\nTo accept, open this link within 7 days:\n{}\n\n"
        "If you were not expecting this invitation, ignore this email.",
        offer, link);
  }
  return m;
}

}  // namespace

Result<Invitation> InvitationService::Create(db::Connection& conn, std::int64_t workspace_id,
                                             std::int64_t actor_id,
                                             const InvitationRequest& request,
                                             std::string_view ip) const {
  const Millis now = clock_.NowMillis();
  db::Transaction tx(conn);
  WorkspaceRepository workspaces(conn);
  auto workspace = workspaces.FindById(workspace_id);
  if (!workspace) return Error::NotFound("no such workspace");
  auto recipient = ResolveRecipient(request, *workspace);
  if (!recipient.ok()) return std::move(recipient).error();

  InvitationRepository invitations(conn);
  const auto recent =
      invitations.CreatedSince(workspace_id, now - kInvitationWindow, kInvitationsPerWindow);
  if (recent.size() >= static_cast<std::size_t>(kInvitationsPerWindow)) {
    // One more is allowed once the oldest of the newest kInvitationsPerWindow leaves the window.
    return auth::Throttled(recent.back() + kInvitationWindow - now,
                           "too many invitations today; try again later");
  }
  const bool by_sms = recipient->channel == InviteChannel::kSms;
  if (by_sms ? invitations.IsActiveMemberPhone(workspace_id, recipient->address)
             : invitations.IsActiveMemberEmail(workspace_id, recipient->address)) {
    return AlreadyMember(by_sms ? "phone" : "email");
  }

  Invitation invitation;
  invitation.workspace_id = workspace_id;
  invitation.channel = recipient->channel;
  invitation.recipient = recipient->address;
  invitation.role = request.role.value_or(Role::kStaff);
  invitation.permissions = OfferedPermissions(invitation.role, request.permissions);
  invitation.invited_by = actor_id;
  invitation.created_at = now;
  invitation.expires_at = now + kInvitationLifetime;
  const std::string token = RandomToken(kTokenBytes);
  invitation.id = invitations.Insert(invitation, key_.KeyedHash(kInvitationTokenPurpose, token));

  const auto inviter = auth::UserRepository(conn).FindById(actor_id);
  const std::string link = public_base_url_ + "/invite#token=" + token;
  const std::int64_t message_id = outbox_.Enqueue(
      conn,
      InvitationMessage(invitation, *workspace, inviter ? inviter->full_name : "Someone", link));
  invitations.SetMessage(invitation.id, message_id);
  auth::AuditRepository(conn).RecordForWorkspace(
      workspace_id, actor_id, audit::kMemberInvited, ip,
      fmt::format("workspace={} invitation={} channel={} to={} role={}", workspace_id,
                  invitation.id, InviteChannelName(invitation.channel),
                  MaskRecipient(invitation.channel, invitation.recipient),
                  RoleName(invitation.role)),
      now);
  tx.Commit();
  outbox_.Wake();
  return InvitationRepository(conn).FindInWorkspace(workspace_id, invitation.id).value();
}

std::vector<Invitation> InvitationService::List(db::Connection& conn,
                                                std::int64_t workspace_id) const {
  return InvitationRepository(conn).ListForWorkspace(workspace_id);
}

Status InvitationService::Revoke(db::Connection& conn, std::int64_t workspace_id,
                                 std::int64_t invitation_id) const {
  const Millis now = clock_.NowMillis();
  InvitationRepository invitations(conn);
  if (!invitations.FindInWorkspace(workspace_id, invitation_id)) {
    return Error::NotFound("no such invitation");
  }
  if (!invitations.MarkRevoked(invitation_id, now)) {
    return Error::Conflict("this invitation is no longer pending");
  }
  return Ok();
}

Result<InvitationPreview> InvitationService::Preview(db::Connection& conn,
                                                     std::string_view token) const {
  if (token.empty()) return Error::InvalidArgument("token is required", "token");
  auto invitation =
      InvitationRepository(conn).FindByTokenHash(key_.KeyedHash(kInvitationTokenPurpose, token));
  if (!invitation) return Error::NotFound("no such invitation");
  const InvitationStatus status = StatusOf(*invitation, clock_.NowMillis());
  if (status != InvitationStatus::kPending) return NotPending(status);
  const auto workspace = WorkspaceRepository(conn).FindById(invitation->workspace_id);
  if (!workspace) return Error::NotFound("no such invitation");
  return InvitationPreview{workspace->name,
                           workspace->slug,
                           invitation->role,
                           invitation->invited_by_name,
                           MaskRecipient(invitation->channel, invitation->recipient),
                           invitation->expires_at};
}

Result<MyWorkspace> InvitationService::Accept(db::Connection& conn, std::string_view token,
                                              std::int64_t user_id, std::string_view ip) const {
  if (token.empty()) return Error::InvalidArgument("token is required", "token");
  const std::string hash = key_.KeyedHash(kInvitationTokenPurpose, token);
  const Millis now = clock_.NowMillis();
  db::Transaction tx(conn);
  InvitationRepository invitations(conn);
  auto invitation = invitations.FindByTokenHash(hash);
  if (!invitation) return Error::NotFound("no such invitation");
  const InvitationStatus status = StatusOf(*invitation, now);
  if (status != InvitationStatus::kPending) return NotPending(status);
  WorkspaceRepository workspaces(conn);
  if (workspaces.FindMember(invitation->workspace_id, user_id)) return AlreadyMember();
  if (!invitations.MarkAccepted(invitation->id, user_id, now)) {
    // Claimed by a concurrent accept between the read and the update.
    return NotPending(InvitationStatus::kAccepted);
  }
  workspaces.AddMember(invitation->workspace_id, user_id, invitation->role, invitation->permissions,
                       now);
  auth::AuditRepository(conn).RecordForWorkspace(
      invitation->workspace_id, user_id, audit::kInvitationAccepted, ip,
      fmt::format("workspace={} invitation={} member={} role={}", invitation->workspace_id,
                  invitation->id, user_id, RoleName(invitation->role)),
      now);
  auto workspace = workspaces.FindById(invitation->workspace_id);
  tx.Commit();
  return MyWorkspace{std::move(workspace).value(), invitation->role};
}

}  // namespace careops::workspaces
