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

}  // namespace careops::workspaces
