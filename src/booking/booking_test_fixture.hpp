#pragma once
// Shared by the booking unit tests: a migrated temporary SQLite database, a fake clock set to
// 2026-03-01T00:00:00Z, and Ann Owner's workspace "Sunny Clinic" (Europe/London) where Bob is
// a staff member; Carl is a user who is no member. Helpers write services, hours, overrides
// and bookings straight to the tables.

#include <gtest/gtest.h>

#include <date/date.h>

#include <memory>
#include <optional>
#include <string>

#include "auth/model.hpp"
#include "auth/user_repository.hpp"
#include "booking/model.hpp"
#include "booking/service_repository.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"
#include "workspaces/workspace_repository.hpp"
#include "workspaces/workspace_service.hpp"

namespace careops::booking {

// UTC instant of a calendar date and time.
inline Millis Utc(date::year_month_day ymd, int hour, int minute = 0) {
  const auto t = date::sys_days{ymd} + std::chrono::hours{hour} + std::chrono::minutes{minute};
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

class BookingFixture : public ::testing::Test {
 protected:
  BookingFixture()
      : clock_(Utc(date::year{2026} / 3 / 1, 0)),
        database_(db::OpenDatabase("sqlite:" + dir_.File("booking.db"))),
        conn_(database_->Connect()) {
    db::Migrator(*conn_, clock_).Migrate();
    ann_ = AddUser("ann@example.com", "Ann Owner");
    bob_ = AddUser("bob@example.com", "Bob Staff");
    carl_ = AddUser("carl@example.com", "Carl Other");
    workspaces::WorkspaceFields f;
    f.name = "Sunny Clinic";
    f.slug = "sunny-clinic";
    f.default_region = "GB";
    f.timezone = "Europe/London";
    ws_ = workspaces::WorkspaceService(clock_).Create(*conn_, ann_, f).value().id;
    workspaces::Permissions perms;
    perms.bookings = true;
    workspaces::WorkspaceRepository(*conn_).AddMember(ws_, bob_, workspaces::Role::kStaff, perms,
                                                      clock_.NowMillis());
    contact_ = conn_->Insert(
        "INSERT INTO contacts (workspace_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
        {ws_, std::string("Dana Customer"), clock_.NowMillis(), clock_.NowMillis()});
  }

  std::int64_t AddUser(const std::string& email, const std::string& name) {
    auth::NewUser user;
    user.email = email;
    user.password_hash = "x";
    user.full_name = name;
    return auth::UserRepository(*conn_).Insert(user, clock_.NowMillis()).value();
  }

  // An hour-long service on the hour, served by `staff`, stored in Sunny Clinic.
  Service AddService(std::vector<std::int64_t> staff, int buffer_before = 0, int buffer_after = 0) {
    Service s;
    s.workspace_id = ws_;
    s.name = "Consultation";
    s.duration_minutes = 60;
    s.slot_interval_minutes = 60;
    s.buffer_before_minutes = buffer_before;
    s.buffer_after_minutes = buffer_after;
    s.staff_ids = std::move(staff);
    s.created_at = s.updated_at = clock_.NowMillis();
    s.id = ServiceRepository(*conn_).Insert(s);
    return s;
  }

  // Weekly hours of `staff` on `weekday` (0 = Monday), local minutes.
  void AddHours(std::int64_t staff, int weekday, int start_minute, int end_minute) {
    conn_->Execute(
        "INSERT INTO staff_hours (workspace_id, staff_id, weekday, start_minute, end_minute) "
        "VALUES (?, ?, ?, ?, ?)",
        {ws_, staff, std::int64_t{weekday}, std::int64_t{start_minute}, std::int64_t{end_minute}});
  }

  void AddOverride(std::int64_t staff, const std::string& date, bool closed,
                   const std::string& intervals) {
    conn_->Execute(
        "INSERT INTO staff_overrides (workspace_id, staff_id, date, closed, intervals) "
        "VALUES (?, ?, ?, ?, ?)",
        {ws_, staff, date, std::int64_t{closed ? 1 : 0}, intervals});
  }

  std::int64_t AddBooking(const Service& s, std::int64_t staff, Millis start,
                          const std::string& status = "confirmed") {
    const Millis end = start + s.duration_minutes * 60'000;
    return conn_->Insert(
        "INSERT INTO bookings (workspace_id, service_id, staff_id, contact_id, status, start_at, "
        "end_at, busy_from, busy_until, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {ws_, s.id, staff, contact_, status, start, end, start - s.buffer_before_minutes * 60'000,
         end + s.buffer_after_minutes * 60'000, clock_.NowMillis(), clock_.NowMillis()});
  }

  testing::TempDir dir_;
  testing::FakeClock clock_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<db::Connection> conn_;
  std::int64_t ann_ = 0;
  std::int64_t bob_ = 0;
  std::int64_t carl_ = 0;
  std::int64_t ws_ = 0;
  std::int64_t contact_ = 0;
};

}  // namespace careops::booking
