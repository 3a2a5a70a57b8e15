#pragma once
// Shared by the booking unit tests: a migrated temporary SQLite database, a fake clock on
// Monday 2 March 2026 08:00 UTC, and Ann Owner's open workspace "Sunny Clinic"
// (Europe/Berlin) with Sam Staff as a member, both working Monday to Friday 09:00–17:00 local,
// a 60-minute "Haircut" service they both serve (reminder 24 h before) and a contact, Cleo.
// Rows the booking feature does not own are written with plain SQL.

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "auth/model.hpp"
#include "auth/user_repository.hpp"
#include "booking/booking_repository.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"
#include "workspaces/workspace_service.hpp"

namespace careops::booking {

// 2026-03-02T08:00:00Z, a Monday (09:00 in Berlin).
inline constexpr Millis kMonday0800Utc = 1'772'438'400'000;
inline constexpr Millis kHour = 60 * 60 * 1000;
inline constexpr Millis kDayMs = 24 * kHour;

class BookingsFixture : public ::testing::Test {
 protected:
  BookingsFixture()
      : clock_(kMonday0800Utc),
        database_(db::OpenDatabase("sqlite:" + dir_.File("booking.db"))),
        conn_(database_->Connect()) {
    db::Migrator(*conn_, clock_).Migrate();
    ann_ = AddUser("ann@example.com", "Ann Owner");
    sam_ = AddUser("sam@example.com", "Sam Staff");
    workspaces::WorkspaceFields f;
    f.name = "Sunny Clinic";
    f.slug = "sunny-clinic";
    f.timezone = "Europe/Berlin";
    f.default_region = "US";
    ws_ = workspaces::WorkspaceService(clock_).Create(*conn_, ann_, f).value().id;
    conn_->Execute("UPDATE workspaces SET is_active = 1 WHERE id = ?", {ws_});
    conn_->Execute(
        "INSERT INTO workspace_members (workspace_id, user_id, role, perm_inbox, perm_bookings, "
        "perm_forms, perm_inventory, status, created_at) VALUES (?, ?, 'staff', 1, 1, 0, 0, "
        "'active', 0)",
        {ws_, sam_});
    for (std::int64_t staff : {ann_, sam_}) WorkWeekdays(staff, 9 * 60, 17 * 60);
    haircut_ = AddService("Haircut", 60, {ann_, sam_});
    cleo_ = AddContact("Cleo Customer", "+14155550101", "cleo@example.com");
  }

  std::int64_t AddUser(const std::string& email, const std::string& name) {
    auth::NewUser user;
    user.email = email;
    user.password_hash = "x";
    user.full_name = name;
    return auth::UserRepository(*conn_).Insert(user, clock_.NowMillis()).value();
  }

  void WorkWeekdays(std::int64_t staff_id, int start_minute, int end_minute) {
    for (int weekday = 0; weekday < 5; ++weekday) {
      conn_->Execute(
          "INSERT INTO staff_hours (workspace_id, staff_id, weekday, start_minute, end_minute) "
          "VALUES (?, ?, ?, ?, ?)",
          {ws_, staff_id, std::int64_t{weekday}, std::int64_t{start_minute},
           std::int64_t{end_minute}});
    }
  }

  std::int64_t AddService(const std::string& name, int minutes,
                          std::initializer_list<std::int64_t> staff,
                          const std::string& reminder_offsets = "1440",
                          bool requires_approval = false) {
    const std::int64_t id = conn_->Insert(
        "INSERT INTO services (workspace_id, name, duration_minutes, min_notice_minutes, "
        "horizon_days, slot_interval_minutes, requires_approval, reminder_offsets, created_at, "
        "updated_at) VALUES (?, ?, ?, 60, 60, 30, ?, ?, 0, 0)",
        {ws_, name, std::int64_t{minutes}, std::int64_t{requires_approval ? 1 : 0},
         reminder_offsets});
    for (std::int64_t s : staff) {
      conn_->Execute("INSERT INTO service_staff (service_id, staff_id) VALUES (?, ?)", {id, s});
    }
    return id;
  }

  std::int64_t AddContact(const std::string& name, const std::string& phone,
                          const std::string& email) {
    return conn_->Insert(
        "INSERT INTO contacts (workspace_id, name, phone, email, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, 0, 0)",
        {ws_, name, phone, email});
  }

  // A confirmed booking written straight through the repository (no checks but the
  // database's own).
  Result<std::int64_t> InsertBooking(std::int64_t staff_id, Millis start, Millis minutes = 60,
                                     BookingStatus status = BookingStatus::kConfirmed) {
    Booking b;
    b.workspace_id = ws_;
    b.service_id = haircut_;
    b.staff_id = staff_id;
    b.contact_id = cleo_;
    b.status = status;
    b.start_at = start;
    b.end_at = start + minutes * 60'000;
    b.busy_from = b.start_at;
    b.busy_until = b.end_at;
    return BookingRepository(*conn_).Insert(b, clock_.NowMillis());
  }

  std::int64_t Count(const std::string& sql) { return conn_->QueryOne(sql)->Int(0); }

  testing::TempDir dir_;
  testing::FakeClock clock_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<db::Connection> conn_;
  std::int64_t ann_ = 0;
  std::int64_t sam_ = 0;
  std::int64_t ws_ = 0;
  std::int64_t haircut_ = 0;
  std::int64_t cleo_ = 0;
};

}  // namespace careops::booking
