#include "workspaces/workspace_service.hpp"

#include <date/tz.h>

#include <algorithm>
#include <limits>
#include <string>

#include "auth/audit_repository.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"
#include "db/database.hpp"
#include "workspaces/workspace_audit_repository.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::workspaces {
namespace {

constexpr std::size_t kMaxName = 120;
constexpr std::size_t kMaxAddress = 300;
constexpr std::size_t kMaxEmail = 254;
constexpr std::size_t kMaxPhone = 32;

bool IsSlug(std::string_view s) {
  return s.size() >= 3 && s.size() <= 40 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
         });
}

bool IsRegion(std::string_view s) {
  return s.size() == 2 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool IsPhoneText(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == ' ' || c == '+' || c == '-' || c == '(' || c == ')' ||
           c == '.';
  });
}

// Overwrites `w`'s fields with the present ones of `f` (trimmed where free text).
void Apply(const WorkspaceFields& f, Workspace& w) {
  if (f.name) w.name = Trim(*f.name);
  if (f.slug) w.slug = *f.slug;
  if (f.address) w.address = Trim(*f.address);
  if (f.timezone) w.timezone = *f.timezone;
  if (f.contact_email) w.contact_email = Trim(*f.contact_email);
  if (f.contact_phone) w.contact_phone = Trim(*f.contact_phone);
  if (f.default_region) w.default_region = *f.default_region;
}

Status Validate(const Workspace& w) {
  if (w.name.empty() || w.name.size() > kMaxName) {
    return Error::InvalidArgument("name must be 1 to 120 characters", "name");
  }
  if (!IsSlug(w.slug)) {
    return Error::InvalidArgument("slug must be 3 to 40 of a-z, 0-9 and -", "slug");
  }
  if (!IsTimeZone(w.timezone)) {
    return Error::InvalidArgument("timezone must be an IANA time zone such as Europe/Berlin",
                                  "timezone");
  }
  if (!IsRegion(w.default_region)) {
    return Error::InvalidArgument("default_region must be two upper-case letters such as US",
                                  "default_region");
  }
  if (w.address.size() > kMaxAddress) {
    return Error::InvalidArgument("address is too long", "address");
  }
  if (w.contact_email.size() > kMaxEmail ||
      (!w.contact_email.empty() && w.contact_email.find('@') == std::string::npos)) {
    return Error::InvalidArgument("contact_email is not an email address", "contact_email");
  }
  if (w.contact_phone.size() > kMaxPhone || !IsPhoneText(w.contact_phone)) {
    return Error::InvalidArgument("contact_phone is not a phone number", "contact_phone");
  }
  return Ok();
}

// The names of the settable fields that differ, comma-separated ("" when none do).
std::string ChangedFields(const Workspace& a, const Workspace& b) {
  const std::pair<bool, const char*> fields[] = {
      {a.name != b.name, "name"},
      {a.slug != b.slug, "slug"},
      {a.address != b.address, "address"},
      {a.timezone != b.timezone, "timezone"},
      {a.contact_email != b.contact_email, "contact_email"},
      {a.contact_phone != b.contact_phone, "contact_phone"},
      {a.default_region != b.default_region, "default_region"}};
  std::string out;
  for (const auto& [changed, name] : fields) {
    if (!changed) continue;
    if (!out.empty()) out += ',';
    out += name;
  }
  return out;
}

Error NoSuchMember() { return Error::NotFound("no such member"); }
Error NeedsAnOwner() { return Error::Conflict("a workspace needs an owner"); }

bool IsActiveOwner(const Member& m) { return m.active && m.role == Role::kOwner; }

std::string FlagList(const Permissions& p) {
  std::string out;
  const std::pair<bool, const char*> flags[] = {
      {p.inbox, "inbox"}, {p.bookings, "bookings"}, {p.forms, "forms"}, {p.inventory, "inventory"}};
  for (const auto& [on, name] : flags) {
    if (!on) continue;
    if (!out.empty()) out += ',';
    out += name;
  }
  return out.empty() ? "none" : out;
}

std::string Subject(std::int64_t workspace_id, std::int64_t member_id) {
  return "workspace=" + std::to_string(workspace_id) + " member=" + std::to_string(member_id);
}

// `m` with `change` applied (the rules of MemberChange).
Member Applied(Member m, const MemberChange& change) {
  if (change.role && *change.role != m.role) {
    m.role = *change.role;
    m.permissions = DefaultPermissions(m.role);
  }
  if (change.inbox) m.permissions.inbox = *change.inbox;
  if (change.bookings) m.permissions.bookings = *change.bookings;
  if (change.forms) m.permissions.forms = *change.forms;
  if (change.inventory) m.permissions.inventory = *change.inventory;
  if (m.role == Role::kOwner) m.permissions = Permissions::All();
  if (change.active) m.active = *change.active;
  return m;
}

}  // namespace

bool IsTimeZone(std::string_view name) {
  if (name.empty()) return false;
  try {
    return date::locate_zone(name) != nullptr;
  } catch (const std::exception&) {  // unknown zone
    return false;
  }
}

Result<Workspace> WorkspaceService::Create(db::Connection& conn, std::int64_t owner_id,
                                           const WorkspaceFields& fields) const {
  if (!fields.name) return Error::InvalidArgument("name is required", "name");
  if (!fields.slug) return Error::InvalidArgument("slug is required", "slug");
  Workspace w;
  w.timezone = "UTC";
  w.default_region = "US";
  Apply(fields, w);
  if (Status valid = Validate(w); !valid.ok()) return std::move(valid).error();

  const Millis now = clock_.NowMillis();
  db::Transaction tx(conn);
  WorkspaceRepository repo(conn);
  auto id = repo.Insert(w, now);
  if (!id.ok()) return std::move(id).error();
  repo.AddMember(*id, owner_id, Role::kOwner, Permissions::All(), now);
  tx.Commit();
  return repo.FindById(*id).value();
}

std::vector<MyWorkspace> WorkspaceService::ListMine(db::Connection& conn,
                                                    std::int64_t user_id) const {
  return WorkspaceRepository(conn).ListForUser(user_id);
}

Result<Workspace> WorkspaceService::Get(db::Connection& conn, std::int64_t id) const {
  auto w = WorkspaceRepository(conn).FindById(id);
  if (!w) return Error::NotFound("no such workspace");
  return std::move(*w);
}

Result<Workspace> WorkspaceService::Update(db::Connection& conn, std::int64_t id,
                                           std::int64_t actor_id, const WorkspaceFields& fields,
                                           std::string_view ip) const {
  const Millis now = clock_.NowMillis();
  db::Transaction tx(conn);
  WorkspaceRepository repo(conn);
  auto before = repo.FindById(id);
  if (!before) return Error::NotFound("no such workspace");
  Workspace after = *before;
  Apply(fields, after);
  if (Status valid = Validate(after); !valid.ok()) return std::move(valid).error();
  const std::string changed = ChangedFields(*before, after);
  if (changed.empty()) return std::move(*before);
  if (Status saved = repo.Update(after, now); !saved.ok()) return std::move(saved).error();
  auth::AuditRepository(conn).RecordForWorkspace(
      id, actor_id, audit::kWorkspaceUpdated, ip,
      "workspace=" + std::to_string(id) + " fields=" + changed, now);
  tx.Commit();
  return repo.FindById(id).value();
}

Result<AuditPage> WorkspaceService::AuditTrail(db::Connection& conn, std::int64_t workspace_id,
                                               std::optional<std::int64_t> before,
                                               int limit) const {
  if (before && *before < 1) {
    return Error::InvalidArgument("before must be a positive event id", "before");
  }
  if (limit < 1 || limit > kMaxAuditPage) {
    return Error::InvalidArgument("limit must be from 1 to " + std::to_string(kMaxAuditPage),
                                  "limit");
  }
  return WorkspaceAuditRepository(conn).Page(
      workspace_id, before.value_or(std::numeric_limits<std::int64_t>::max()), limit);
}

std::vector<Member> WorkspaceService::Members(db::Connection& conn,
                                              std::int64_t workspace_id) const {
  return WorkspaceRepository(conn).ListMembers(workspace_id);
}

std::optional<Member> WorkspaceService::ActiveMembership(db::Connection& conn,
                                                         std::int64_t workspace_id,
                                                         std::int64_t user_id) const {
  auto member = WorkspaceRepository(conn).FindMember(workspace_id, user_id);
  if (!member || !member->active) return std::nullopt;
  return member;
}

Result<Member> WorkspaceService::UpdateMember(db::Connection& conn, std::int64_t workspace_id,
                                              std::int64_t actor_id, std::int64_t member_id,
                                              const MemberChange& change,
                                              std::string_view ip) const {
  const Millis now = clock_.NowMillis();
  db::Transaction tx(conn);
  WorkspaceRepository repo(conn);
  auto before = repo.FindMember(workspace_id, member_id);
  if (!before) return NoSuchMember();
  const Member after = Applied(*before, change);
  if (IsActiveOwner(*before) && !IsActiveOwner(after) &&
      repo.CountActiveOwners(workspace_id) <= 1) {
    return NeedsAnOwner();
  }
  const bool role_changed = after.role != before->role || after.permissions != before->permissions;
  const bool status_changed = after.active != before->active;
  if (!role_changed && !status_changed) return std::move(*before);

  repo.UpdateMember(after);
  auth::AuditRepository audit_log(conn);
  const std::string subject = Subject(workspace_id, member_id);
  if (role_changed) {
    audit_log.RecordForWorkspace(workspace_id, actor_id, audit::kRoleChanged, ip,
                                 subject + " role=" + RoleName(before->role) + "->" +
                                     RoleName(after.role) +
                                     " permissions=" + FlagList(after.permissions),
                                 now);
  }
  if (status_changed) {
    audit_log.RecordForWorkspace(workspace_id, actor_id,
                                 after.active ? audit::kMemberReactivated : audit::kMemberSuspended,
                                 ip, subject, now);
  }
  tx.Commit();
  return repo.FindMember(workspace_id, member_id).value();
}

Status WorkspaceService::RemoveMember(db::Connection& conn, std::int64_t workspace_id,
                                      std::int64_t actor_id, std::int64_t member_id,
                                      std::string_view ip) const {
  const Millis now = clock_.NowMillis();
  db::Transaction tx(conn);
  WorkspaceRepository repo(conn);
  auto member = repo.FindMember(workspace_id, member_id);
  if (!member) return NoSuchMember();
  if (IsActiveOwner(*member) && repo.CountActiveOwners(workspace_id) <= 1) return NeedsAnOwner();
  repo.RemoveMember(workspace_id, member_id);
  auth::AuditRepository(conn).RecordForWorkspace(
      workspace_id, actor_id, audit::kMemberRemoved, ip,
      Subject(workspace_id, member_id) + " role=" + RoleName(member->role), now);
  tx.Commit();
  return Ok();
}

}  // namespace careops::workspaces
