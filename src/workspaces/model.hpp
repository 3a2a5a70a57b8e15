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
};

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

// A workspace as one of the caller's own, with the caller's role in it.
struct MyWorkspace {
  Workspace workspace;
  Role role = Role::kStaff;
};

}  // namespace careops::workspaces
