#pragma once
// Plain structs of the workspaces feature (PRODUCT.md W1, W3). Times are UTC milliseconds.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"

namespace careops::workspaces {

struct Workspace {
  std::int64_t id = 0;
  std::string name;
  std::string slug;
  std::string address;
  std::string timezone;  // IANA
  std::string contact_email;
  std::string contact_phone;
  std::string default_region;  // ISO 3166 alpha-2
  bool is_active = false;
  Millis created_at = 0;
  Millis updated_at = 0;
};

// Fields a caller may set. On create, absent fields take defaults (name and slug are
// required); on update, absent fields stay as they are.
struct WorkspaceFields {
  std::optional<std::string> name;
  std::optional<std::string> slug;
  std::optional<std::string> address;
  std::optional<std::string> timezone;
  std::optional<std::string> contact_email;
  std::optional<std::string> contact_phone;
  std::optional<std::string> default_region;
};

enum class Role { kOwner, kManager, kStaff };
// "owner", "manager", "staff".
const char* RoleName(Role role);
// nullopt for anything else.
std::optional<Role> ParseRole(std::string_view text);

struct Permissions {
  bool inbox = false;
  bool bookings = false;
  bool forms = false;
  bool inventory = false;
  static Permissions All() { return {true, true, true, true}; }
  bool operator==(const Permissions&) const = default;
};

// Flags given explicitly (an invitation's or a member change's `permissions` object); absent
// ones stay as the base has them.
struct PermissionFlags {
  std::optional<bool> inbox;
  std::optional<bool> bookings;
  std::optional<bool> forms;
  std::optional<bool> inventory;
};
// `base` with the present `flags` applied.
Permissions WithFlags(Permissions base, const PermissionFlags& flags);

// The flags a role starts with (and is reset to when the role changes without explicit
// flags): owner = all four; manager = inbox, bookings, forms, inventory (all four, but unlike
// an owner never owner-only routes); staff = inbox, bookings.
Permissions DefaultPermissions(Role role);

struct Member {
  std::int64_t workspace_id = 0;
  std::int64_t user_id = 0;
  Role role = Role::kStaff;
  Permissions permissions;
  bool active = true;  // status "active" (else "suspended")
  Millis created_at = 0;
  // From the users table, for listings.
  std::string email;
  std::string full_name;
};

// An owner's edit of one member (PATCH .../members/{member_id}); absent fields stay as they
// are. A changed role without any flag resets the flags to DefaultPermissions(role); present
// flags are then applied on top. An owner always holds every flag.
struct MemberChange {
  std::optional<Role> role;
  std::optional<bool> inbox;
  std::optional<bool> bookings;
  std::optional<bool> forms;
  std::optional<bool> inventory;
  std::optional<bool> active;  // true = "active", false = "suspended"
};

// Audit event types of member management, recorded for the acting owner with
// "workspace=<id> member=<user id> ..." as the detail.
namespace audit {
inline constexpr const char* kRoleChanged = "role_changed";  // role or permission flags
inline constexpr const char* kMemberSuspended = "member_suspended";
inline constexpr const char* kMemberReactivated = "member_reactivated";
inline constexpr const char* kMemberRemoved = "member_removed";
// Recorded as events of the workspace (audit_events.workspace_id), shown in its audit view.
inline constexpr const char* kMemberInvited = "member_invited";            // by the owner
inline constexpr const char* kInvitationAccepted = "invitation_accepted";  // by the invitee
inline constexpr const char* kWorkspaceUpdated = "workspace_updated";      // detail: fields
inline constexpr const char* kWorkspaceActivated = "workspace_activated";
}  // namespace audit

// A workspace as one of the caller's own, with the caller's role in it.
struct MyWorkspace {
  Workspace workspace;
  Role role = Role::kStaff;
};

// How an invitation travels: by email or by SMS.
enum class InviteChannel { kEmail, kSms };
const char* InviteChannelName(InviteChannel channel);  // "email" | "sms"

// Derived from the timestamps, never stored: accepted and revoked are final; a pending
// invitation is expired once the clock reaches expires_at.
enum class InvitationStatus { kPending, kAccepted, kExpired, kRevoked };
const char* InvitationStatusName(InvitationStatus status);  // "pending", ...

// A single-use offer of a role in a workspace (docs/API.md, Invitations). The token itself is
// never stored, only its keyed hash.
struct Invitation {
  std::int64_t id = 0;
  std::int64_t workspace_id = 0;
  InviteChannel channel = InviteChannel::kEmail;
  std::string recipient;  // normalised email address or E.164 number
  Role role = Role::kStaff;
  Permissions permissions;
  std::optional<std::int64_t> invited_by;      // the owner who invited; gone when deleted
  std::optional<std::string> invited_by_name;  // their full name, for listings
  std::optional<std::int64_t> message_id;      // the message carrying the link
  Millis created_at = 0;
  Millis expires_at = 0;
  std::optional<Millis> accepted_at;
  std::optional<std::int64_t> accepted_by;
  std::optional<Millis> revoked_at;
};

InvitationStatus StatusOf(const Invitation& invitation, Millis now);

// What an owner asks for (POST .../invitations): exactly one of email and phone; role
// defaults to staff; the flags default to DefaultPermissions(role) with the given ones on top.
struct InvitationRequest {
  std::optional<std::string> email;
  std::optional<std::string> phone;  // E.164, or national in the workspace's default_region
  std::optional<Role> role;
  PermissionFlags permissions;
};

// What the holder of a link may see before accepting it (POST /api/invitations/preview).
struct InvitationPreview {
  std::string workspace_name;
  std::string workspace_slug;
  Role role = Role::kStaff;
  std::optional<std::string> invited_by;  // the inviting owner's full name
  std::string recipient;  // masked: "a•••@example.com", "+1•••••••67"
  Millis expires_at = 0;
};

// One line of a workspace's audit view (GET /api/workspaces/{id}/audit). `user_id` and
// `user_name` are the acting user's (nullopt when the event has none).
struct WorkspaceAuditEvent {
  std::int64_t id = 0;
  std::string type;
  std::optional<std::int64_t> user_id;
  std::optional<std::string> user_name;
  std::string ip;
  std::string detail;
  Millis created_at = 0;
};

// One page of the audit view, newest first; `next_before` is the `before` of the next page,
// nullopt on the last one.
struct AuditPage {
  std::vector<WorkspaceAuditEvent> events;
  std::optional<std::int64_t> next_before;
};

}  // namespace careops::workspaces
