#pragma once
// Plain structs of the workspaces feature (PRODUCT.md W1, W3). Times are UTC milliseconds.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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
}  // namespace audit

// A workspace as one of the caller's own, with the caller's role in it.
struct MyWorkspace {
  Workspace workspace;
  Role role = Role::kStaff;
};

}  // namespace careops::workspaces
