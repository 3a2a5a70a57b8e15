#include "booking/service_repository.hpp"

#include <charconv>
#include <string>
#include <string_view>

#include "db/database.hpp"

namespace careops::booking {
namespace {

constexpr const char* kColumns =
    "id, workspace_id, name, description, duration_minutes, price_cents, currency, "
    "location_kind, location, buffer_before_minutes, buffer_after_minutes, min_notice_minutes, "
    "horizon_days, slot_interval_minutes, requires_approval, reminder_offsets, is_active, "
    "created_at, updated_at";

db::Value Opt(const std::optional<std::int64_t>& v) { return v ? db::Value(*v) : db::Value(); }

// "1440,60" -> {1440, 60}; ignores anything that is not a number (never written by us).
std::vector<int> DecodeOffsets(std::string_view text) {
  std::vector<int> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    int value = 0;
    const char* first = text.data() + start;
    const char* last = text.data() + comma;
    if (auto [p, ec] = std::from_chars(first, last, value); ec == std::errc() && p == last) {
      out.push_back(value);
    }
    start = comma + 1;
  }
  return out;
}

std::string EncodeOffsets(const std::vector<int>& offsets) {
  std::string out;
  for (int o : offsets) {
    if (!out.empty()) out += ',';
    out += std::to_string(o);
  }
  return out;
}

Service FromRow(const db::Row& r) {
  Service s;
  s.id = r.Int(0);
  s.workspace_id = r.Int(1);
  s.name = r.Text(2);
  s.description = r.Text(3);
  s.duration_minutes = static_cast<int>(r.Int(4));
  s.price_cents = r.OptInt(5);
  s.currency = r.Text(6);
  s.location_kind = r.Text(7);
  s.location = r.Text(8);
  s.buffer_before_minutes = static_cast<int>(r.Int(9));
  s.buffer_after_minutes = static_cast<int>(r.Int(10));
  s.min_notice_minutes = static_cast<int>(r.Int(11));
  s.horizon_days = static_cast<int>(r.Int(12));
  s.slot_interval_minutes = static_cast<int>(r.Int(13));
  s.requires_approval = r.Int(14) != 0;
  s.reminder_offsets_minutes = DecodeOffsets(r.Text(15));
  s.is_active = r.Int(16) != 0;
  s.created_at = r.Int(17);
  s.updated_at = r.Int(18);
  return s;
}

std::vector<std::int64_t> StaffOf(db::Connection& conn, std::int64_t service_id) {
  std::vector<std::int64_t> ids;
  for (const db::Row& row :
       conn.Query("SELECT staff_id FROM service_staff WHERE service_id = ? ORDER BY staff_id",
                  {service_id})) {
    ids.push_back(row.Int(0));
  }
  return ids;
}

void ReplaceStaff(db::Connection& conn, std::int64_t service_id,
                  const std::vector<std::int64_t>& staff_ids) {
  conn.Execute("DELETE FROM service_staff WHERE service_id = ?", {service_id});
  for (std::int64_t staff_id : staff_ids) {
    conn.Execute("INSERT OR IGNORE INTO service_staff (service_id, staff_id) VALUES (?, ?)",
                 {service_id, staff_id});
  }
}

}  // namespace

std::optional<Service> ServiceRepository::Find(std::int64_t workspace_id, std::int64_t id) const {
  auto row = conn_.QueryOne(
      std::string("SELECT ") + kColumns + " FROM services WHERE workspace_id = ? AND id = ?",
      {workspace_id, id});
  if (!row) return std::nullopt;
  Service s = FromRow(*row);
  s.staff_ids = StaffOf(conn_, s.id);
  return s;
}

std::vector<Service> ServiceRepository::List(std::int64_t workspace_id,
                                             bool include_archived) const {
  std::vector<Service> services;
  for (const db::Row& row :
       conn_.Query(std::string("SELECT ") + kColumns +
                       " FROM services WHERE workspace_id = ? AND (? = 1 OR is_active = 1) "
                       "ORDER BY name COLLATE NOCASE, id",
                   {workspace_id, std::int64_t{include_archived ? 1 : 0}})) {
    services.push_back(FromRow(row));
  }
  for (Service& s : services) s.staff_ids = StaffOf(conn_, s.id);
  return services;
}

std::int64_t ServiceRepository::Insert(const Service& s) const {
  const std::int64_t id = conn_.Insert(
      "INSERT INTO services (workspace_id, name, description, duration_minutes, price_cents, "
      "currency, location_kind, location, buffer_before_minutes, buffer_after_minutes, "
      "min_notice_minutes, horizon_days, slot_interval_minutes, requires_approval, "
      "reminder_offsets, is_active, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {s.workspace_id, s.name, s.description, std::int64_t{s.duration_minutes}, Opt(s.price_cents),
       s.currency, s.location_kind, s.location, std::int64_t{s.buffer_before_minutes},
       std::int64_t{s.buffer_after_minutes}, std::int64_t{s.min_notice_minutes},
       std::int64_t{s.horizon_days}, std::int64_t{s.slot_interval_minutes},
       std::int64_t{s.requires_approval ? 1 : 0}, EncodeOffsets(s.reminder_offsets_minutes),
       std::int64_t{s.is_active ? 1 : 0}, s.created_at, s.updated_at});
  ReplaceStaff(conn_, id, s.staff_ids);
  return id;
}

void ServiceRepository::Update(const Service& s) const {
  const std::int64_t changed = conn_.Execute(
      "UPDATE services SET name = ?, description = ?, duration_minutes = ?, price_cents = ?, "
      "currency = ?, location_kind = ?, location = ?, buffer_before_minutes = ?, "
      "buffer_after_minutes = ?, min_notice_minutes = ?, horizon_days = ?, "
      "slot_interval_minutes = ?, requires_approval = ?, reminder_offsets = ?, is_active = ?, "
      "updated_at = ? WHERE workspace_id = ? AND id = ?",
      {s.name, s.description, std::int64_t{s.duration_minutes}, Opt(s.price_cents), s.currency,
       s.location_kind, s.location, std::int64_t{s.buffer_before_minutes},
       std::int64_t{s.buffer_after_minutes}, std::int64_t{s.min_notice_minutes},
       std::int64_t{s.horizon_days}, std::int64_t{s.slot_interval_minutes},
       std::int64_t{s.requires_approval ? 1 : 0}, EncodeOffsets(s.reminder_offsets_minutes),
       std::int64_t{s.is_active ? 1 : 0}, s.updated_at, s.workspace_id, s.id});
  if (changed == 1) ReplaceStaff(conn_, s.id, s.staff_ids);
}

bool ServiceRepository::DeleteOrArchive(std::int64_t workspace_id, std::int64_t id,
                                        Millis now) const {
  const bool booked =
      conn_.QueryOne("SELECT 1 FROM bookings WHERE service_id = ? LIMIT 1", {id}).has_value();
  if (!booked) {
    conn_.Execute("DELETE FROM services WHERE workspace_id = ? AND id = ?", {workspace_id, id});
    return true;
  }
  conn_.Execute(
      "UPDATE services SET is_active = 0, updated_at = ? WHERE workspace_id = ? AND id = ?",
      {now, workspace_id, id});
  return false;
}

ServiceReadiness ServiceRepository::Readiness(std::int64_t workspace_id) const {
  const auto row = conn_.QueryOne(
      "SELECT COUNT(*), "
      "COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM service_staff ss "
      "  JOIN workspace_members m ON m.workspace_id = s.workspace_id AND m.user_id = ss.staff_id "
      "  WHERE ss.service_id = s.id AND m.status = 'active')), "
      "COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM service_staff ss "
      "  JOIN workspace_members m ON m.workspace_id = s.workspace_id AND m.user_id = ss.staff_id "
      "  WHERE ss.service_id = s.id AND m.status = 'active' AND EXISTS (SELECT 1 FROM staff_hours "
      "h "
      "    WHERE h.workspace_id = s.workspace_id AND h.staff_id = ss.staff_id))) "
      "FROM services s WHERE s.workspace_id = ? AND s.is_active = 1",
      {workspace_id});
  return {row->Int(0), row->Int(1), row->Int(2)};
}

}  // namespace careops::booking
