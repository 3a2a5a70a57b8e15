#include "booking/booking_repository.hpp"

#include <string>

#include "db/database.hpp"

namespace careops::booking {
namespace {

// The columns BookingFromRow reads, in order.
constexpr const char* kSelect =
    "SELECT b.id, b.workspace_id, b.service_id, b.staff_id, b.contact_id, b.status, b.start_at, "
    "b.end_at, b.busy_from, b.busy_until, b.notes, b.source, b.customer_confirmed_at, "
    "b.cancelled_at, b.cancelled_by, b.created_by, b.created_at, b.updated_at, "
    "s.name, s.duration_minutes, u.full_name, c.name, c.phone, c.email, "
    "c.sms_opted_out_at IS NOT NULL, c.email_opted_out_at IS NOT NULL, cv.id, s.location "
    "FROM bookings b JOIN services s ON s.id = b.service_id JOIN users u ON u.id = b.staff_id "
    "JOIN contacts c ON c.id = b.contact_id LEFT JOIN conversations cv ON cv.contact_id = c.id ";

constexpr const char* kOverlapMessage = "that time is no longer free";

BookingDetails FromRow(const db::Row& r) {
  BookingDetails d;
  Booking& b = d.booking;
  b.id = r.Int(0);
  b.workspace_id = r.Int(1);
  b.service_id = r.Int(2);
  b.staff_id = r.Int(3);
  b.contact_id = r.Int(4);
  b.status = ParseBookingStatus(r.Text(5)).value_or(BookingStatus::kCancelled);
  b.start_at = r.Int(6);
  b.end_at = r.Int(7);
  b.busy_from = r.Int(8);
  b.busy_until = r.Int(9);
  b.notes = r.Text(10);
  b.source = r.Text(11);
  b.customer_confirmed_at = r.OptInt(12);
  b.cancelled_at = r.OptInt(13);
  b.cancelled_by = r.OptText(14);
  b.created_by = r.OptInt(15);
  b.created_at = r.Int(16);
  b.updated_at = r.Int(17);
  d.service_name = r.Text(18);
  d.service_duration_minutes = static_cast<int>(r.Int(19));
  d.staff_name = r.Text(20);
  d.contact_name = r.Text(21);
  d.contact_phone = r.OptText(22);
  d.contact_email = r.OptText(23);
  d.contact_sms_opted_out = r.Int(24) != 0;
  d.contact_email_opted_out = r.Int(25) != 0;
  d.conversation_id = r.OptInt(26);
  d.service_location = r.Text(27);
  return d;
}

db::Value OrNull(const std::optional<std::int64_t>& v) { return v ? db::Value(*v) : db::Value(); }
db::Value OrNull(const std::optional<std::string>& v) { return v ? db::Value(*v) : db::Value(); }

// Whether a driver error is the no-overlap trigger's refusal.
bool IsOverlap(const db::DbError& e) {
  return std::string_view(e.what()).find("booking_overlap") != std::string_view::npos;
}

}  // namespace

Result<std::int64_t> BookingRepository::Insert(const Booking& b, Millis now) const {
  try {
    return conn_.Insert(
        "INSERT INTO bookings (workspace_id, service_id, staff_id, contact_id, status, start_at, "
        "end_at, busy_from, busy_until, notes, source, customer_confirmed_at, cancelled_at, "
        "cancelled_by, created_by, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {b.workspace_id, b.service_id, b.staff_id, b.contact_id,
         std::string(BookingStatusName(b.status)), b.start_at, b.end_at, b.busy_from, b.busy_until,
         b.notes, b.source, OrNull(b.customer_confirmed_at), OrNull(b.cancelled_at),
         OrNull(b.cancelled_by), OrNull(b.created_by), now, now});
  } catch (const db::DbError& e) {
    if (IsOverlap(e)) return Error::Conflict(kOverlapMessage, "start");
    throw;
  }
}

Status BookingRepository::Update(const Booking& b, Millis now) const {
  try {
    conn_.Execute(
        "UPDATE bookings SET status = ?, staff_id = ?, start_at = ?, end_at = ?, busy_from = ?, "
        "busy_until = ?, notes = ?, customer_confirmed_at = ?, cancelled_at = ?, "
        "cancelled_by = ?, updated_at = ? WHERE id = ? AND workspace_id = ?",
        {std::string(BookingStatusName(b.status)), b.staff_id, b.start_at, b.end_at, b.busy_from,
         b.busy_until, b.notes, OrNull(b.customer_confirmed_at), OrNull(b.cancelled_at),
         OrNull(b.cancelled_by), now, b.id, b.workspace_id});
  } catch (const db::DbError& e) {
    if (IsOverlap(e)) return Error::Conflict(kOverlapMessage, "start");
    throw;
  }
  return Ok();
}

std::optional<BookingDetails> BookingRepository::Find(std::int64_t workspace_id,
                                                      std::int64_t id) const {
  auto row = conn_.QueryOne(std::string(kSelect) + "WHERE b.id = ? AND b.workspace_id = ?",
                            {id, workspace_id});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::optional<BookingDetails> BookingRepository::FindAnyWorkspace(std::int64_t id) const {
  auto row = conn_.QueryOne(std::string(kSelect) + "WHERE b.id = ?", {id});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::vector<BookingDetails> BookingRepository::List(std::int64_t workspace_id,
                                                    const BookingFilter& f) const {
  std::string sql = std::string(kSelect) + "WHERE b.workspace_id = ?";
  std::vector<db::Value> params{workspace_id};
  if (f.from) {
    sql += " AND b.start_at >= ?";
    params.emplace_back(*f.from);
  }
  if (f.to) {
    sql += " AND b.start_at < ?";
    params.emplace_back(*f.to);
  }
  if (f.after) {
    sql += " AND (b.start_at > ? OR (b.start_at = ? AND b.id > ?))";
    params.emplace_back(f.after->first);
    params.emplace_back(f.after->first);
    params.emplace_back(f.after->second);
  }
  if (!f.statuses.empty()) {
    // At most five distinct lists of placeholders (one per count): the statement cache stays
    // small.
    sql += " AND b.status IN (";
    for (std::size_t i = 0; i < f.statuses.size(); ++i) {
      sql += i == 0 ? "?" : ", ?";
      params.emplace_back(std::string(BookingStatusName(f.statuses[i])));
    }
    sql += ")";
  }
  if (f.staff_id) {
    sql += " AND b.staff_id = ?";
    params.emplace_back(*f.staff_id);
  }
  if (f.contact_id) {
    sql += " AND b.contact_id = ?";
    params.emplace_back(*f.contact_id);
  }
  sql += " ORDER BY b.start_at, b.id LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(f.limit));
  std::vector<BookingDetails> out;
  for (const db::Row& r : conn_.Query(sql, params)) out.push_back(FromRow(r));
  return out;
}

std::optional<BookingDetails> BookingRepository::NextUpcoming(std::int64_t workspace_id,
                                                              std::int64_t contact_id,
                                                              Millis now) const {
  auto row = conn_.QueryOne(std::string(kSelect) +
                                "WHERE b.contact_id = ? AND b.start_at > ? AND b.workspace_id = ? "
                                "AND b.status IN ('pending', 'confirmed') "
                                "ORDER BY b.start_at, b.id LIMIT 1",
                            {contact_id, now, workspace_id});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

}  // namespace careops::booking
