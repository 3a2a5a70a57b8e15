#include "booking/calendar_feed_repository.hpp"

#include "db/database.hpp"

namespace careops::booking {
namespace {

constexpr const char* kColumns =
    "id, workspace_id, staff_id, token_hash, token_sealed, created_at FROM calendar_feeds ";

CalendarFeed FromRow(const db::Row& r) {
  return {r.Int(0), r.Int(1), r.OptInt(2), r.Text(3), r.Text(4), r.Int(5)};
}

}  // namespace

std::optional<CalendarFeed> CalendarFeedRepository::Find(
    std::int64_t workspace_id, std::optional<std::int64_t> staff_id) const {
  auto row = conn_.QueryOne(
      std::string("SELECT ") + kColumns + "WHERE workspace_id = ? AND IFNULL(staff_id, 0) = ?",
      {workspace_id, staff_id.value_or(0)});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::optional<CalendarFeed> CalendarFeedRepository::FindByHash(
    const std::string& token_hash) const {
  auto row =
      conn_.QueryOne(std::string("SELECT ") + kColumns + "WHERE token_hash = ?", {token_hash});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::int64_t CalendarFeedRepository::Insert(const CalendarFeed& f) const {
  return conn_.Insert(
      "INSERT INTO calendar_feeds (workspace_id, staff_id, token_hash, token_sealed, created_at) "
      "VALUES (?, ?, ?, ?, ?)",
      {f.workspace_id, f.staff_id ? db::Value(*f.staff_id) : db::Value(), f.token_hash,
       f.token_sealed, f.created_at});
}

void CalendarFeedRepository::SetToken(std::int64_t id, const std::string& token_hash,
                                      const std::string& token_sealed, Millis now) const {
  conn_.Execute(
      "UPDATE calendar_feeds SET token_hash = ?, token_sealed = ?, created_at = ? WHERE id = ?",
      {token_hash, token_sealed, now, id});
}

std::vector<FeedBooking> CalendarFeedRepository::Bookings(std::int64_t workspace_id,
                                                          std::optional<std::int64_t> staff_id,
                                                          Millis from, Millis to) const {
  std::vector<FeedBooking> out;
  for (const db::Row& r : conn_.Query(
           "SELECT b.id, b.status, b.start_at, b.end_at, s.name, s.location, c.name, u.full_name "
           "FROM bookings b JOIN services s ON s.id = b.service_id "
           "JOIN contacts c ON c.id = b.contact_id JOIN users u ON u.id = b.staff_id "
           "WHERE b.workspace_id = ? AND (? = 0 OR b.staff_id = ?) "
           "AND b.status IN ('pending', 'confirmed') AND b.start_at >= ? AND b.start_at < ? "
           "ORDER BY b.start_at, b.id LIMIT ?",
           {workspace_id, staff_id.value_or(0), staff_id.value_or(0), from, to,
            std::int64_t{kMaxFeedBookings}})) {
    out.push_back({r.Int(0), r.Text(1) == "pending", r.Int(2), r.Int(3), r.Text(4), r.Text(5),
                   r.Text(6), r.Text(7)});
  }
  return out;
}

}  // namespace careops::booking
