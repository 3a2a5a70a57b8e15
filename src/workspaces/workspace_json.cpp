#include "workspaces/workspace_json.hpp"

namespace careops::workspaces {

using http::Json;

Json WorkspaceJson(const Workspace& w) {
  return {{"id", w.id},
          {"name", w.name},
          {"slug", w.slug},
          {"address", w.address},
          {"timezone", w.timezone},
          {"contact_email", w.contact_email},
          {"contact_phone", w.contact_phone},
          {"default_region", w.default_region},
          {"is_active", w.is_active},
          {"created_at", w.created_at},
          {"updated_at", w.updated_at}};
}

Json MyWorkspaceJson(const MyWorkspace& mine) {
  Json item = WorkspaceJson(mine.workspace);
  item["role"] = RoleName(mine.role);
  return item;
}

Json PermissionsJson(const Permissions& p) {
  return {
      {"inbox", p.inbox}, {"bookings", p.bookings}, {"forms", p.forms}, {"inventory", p.inventory}};
}

Result<PermissionFlags> ReadPermissionFlags(const Json& body) {
  PermissionFlags flags;
  const auto it = body.find("permissions");
  if (it == body.end() || it->is_null()) return flags;
  if (!it->is_object())
    return Error::InvalidArgument("permissions must be an object", "permissions");
  const std::pair<const char*, std::optional<bool>*> fields[] = {{"inbox", &flags.inbox},
                                                                 {"bookings", &flags.bookings},
                                                                 {"forms", &flags.forms},
                                                                 {"inventory", &flags.inventory}};
  for (const auto& [name, out] : fields) {
    auto value = http::OptionalBool(*it, name);
    if (!value.ok()) return std::move(value).error();
    *out = *value;
  }
  return flags;
}

Result<std::optional<Role>> ReadRole(const Json& body) {
  auto text = http::OptionalString(body, "role");
  if (!text.ok()) return std::move(text).error();
  if (!*text) return std::optional<Role>();
  auto role = ParseRole(**text);
  if (!role) return Error::InvalidArgument("role must be owner, manager or staff", "role");
  return role;
}

}  // namespace careops::workspaces
