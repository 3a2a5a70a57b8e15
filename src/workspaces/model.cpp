#include "workspaces/model.hpp"

namespace careops::workspaces {

const char* RoleName(Role role) {
  switch (role) {
    case Role::kOwner:
      return "owner";
    case Role::kManager:
      return "manager";
    case Role::kStaff:
      return "staff";
  }
  return "staff";
}

std::optional<Role> ParseRole(std::string_view text) {
  if (text == "owner") return Role::kOwner;
  if (text == "manager") return Role::kManager;
  if (text == "staff") return Role::kStaff;
  return std::nullopt;
}

Permissions WithFlags(Permissions base, const PermissionFlags& flags) {
  if (flags.inbox) base.inbox = *flags.inbox;
  if (flags.bookings) base.bookings = *flags.bookings;
  if (flags.forms) base.forms = *flags.forms;
  if (flags.inventory) base.inventory = *flags.inventory;
  return base;
}

Permissions DefaultPermissions(Role role) {
  switch (role) {
    case Role::kOwner:
    case Role::kManager:
      return Permissions::All();
    case Role::kStaff:
      return {true, true, false, false};
  }
  return {};
}

const char* InviteChannelName(InviteChannel channel) {
  return channel == InviteChannel::kSms ? "sms" : "email";
}

const char* InvitationStatusName(InvitationStatus status) {
  switch (status) {
    case InvitationStatus::kPending:
      return "pending";
    case InvitationStatus::kAccepted:
      return "accepted";
    case InvitationStatus::kExpired:
      return "expired";
    case InvitationStatus::kRevoked:
      return "revoked";
  }
  return "pending";
}

InvitationStatus StatusOf(const Invitation& invitation, Millis now) {
  if (invitation.accepted_at) return InvitationStatus::kAccepted;
  if (invitation.revoked_at) return InvitationStatus::kRevoked;
  if (now >= invitation.expires_at) return InvitationStatus::kExpired;
  return InvitationStatus::kPending;
}

}  // namespace careops::workspaces
