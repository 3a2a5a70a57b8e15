#pragma once
// The booking HTTP tests' fixture: WorkspaceHttpTest with Ann's workspace "Ann's Clinic"
// (slug ann-clinic, Europe/London, inactive) where Bob is a bare staff member (no
// permissions), the users named "Ann Owner" and "Bob Staff", and helpers for services,
// availability and bookings written straight to the database.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "support/workspace_fixture.hpp"

namespace careops::testing {

class BookingHttpTest : public WorkspaceHttpTest {
 protected:
  using Json = nlohmann::json;

  void SetUp() override {
    WorkspaceHttpTest::SetUp();
    ws_ = CreateWorkspace(ann_, "Ann's Clinic", "ann-clinic");
    path_ = "/api/workspaces/" + std::to_string(ws_);
    Sql("UPDATE workspaces SET timezone = 'Europe/London' WHERE id = " + std::to_string(ws_));
    AddBareStaff(ws_, kBobEmail);
    ann_id_ = UserId(kAnnEmail);
    bob_id_ = UserId(kBobEmail);
    Sql("UPDATE users SET full_name = 'Ann Owner' WHERE id = " + std::to_string(ann_id_));
    Sql("UPDATE users SET full_name = 'Bob Staff' WHERE id = " + std::to_string(bob_id_));
  }

  // Creates a service as Ann from `fields` (name and duration default to "Consultation", 60)
  // and returns its id; a failure fails the test.
  std::int64_t CreateService(Json fields) {
    if (!fields.contains("name")) fields["name"] = "Consultation";
    if (!fields.contains("duration_minutes")) fields["duration_minutes"] = 60;
    auto r = As(ann_, "POST", path_ + "/services", fields.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json()["id"].get<std::int64_t>() : 0;
  }

  // Gives `member_id` the same hours every day of the week (as Ann).
  void SetDailyHours(std::int64_t member_id, const std::string& start, const std::string& end) {
    Json weekly = Json::array();
    for (int day = 0; day < 7; ++day) {
      weekly.push_back({{"weekday", day}, {"start", start}, {"end", end}});
    }
    auto r = As(ann_, "PUT", path_ + "/staff/" + std::to_string(member_id) + "/availability",
                Json{{"weekly", weekly}}.dump());
    EXPECT_EQ(r.status, 200) << r.body;
  }

  void Activate() { Sql("UPDATE workspaces SET is_active = 1 WHERE id = " + std::to_string(ws_)); }

  // A contact of the workspace, written by SQL.
  std::int64_t AddContact(const std::string& name) {
    Sql("INSERT INTO contacts (workspace_id, name, created_at, updated_at) VALUES (" +
        std::to_string(ws_) + ", '" + name + "', 0, 0)");
    return SqlInt("SELECT MAX(id) FROM contacts");
  }

  // A booking row written by SQL: [start, end) with busy time [busy_from, busy_until).
  std::int64_t AddBooking(std::int64_t service_id, std::int64_t staff_id, std::int64_t contact_id,
                          const std::string& status, Millis start, Millis end, Millis busy_from,
                          Millis busy_until) {
    Sql("INSERT INTO bookings (workspace_id, service_id, staff_id, contact_id, status, start_at, "
        "end_at, busy_from, busy_until, created_at, updated_at) VALUES (" +
        std::to_string(ws_) + ", " + std::to_string(service_id) + ", " + std::to_string(staff_id) +
        ", " + std::to_string(contact_id) + ", '" + status + "', " + std::to_string(start) + ", " +
        std::to_string(end) + ", " + std::to_string(busy_from) + ", " + std::to_string(busy_until) +
        ", 0, 0)");
    return SqlInt("SELECT MAX(id) FROM bookings");
  }

  // The "start" of every slot of a slots answer.
  static std::vector<std::string> Starts(const Json& answer) {
    std::vector<std::string> out;
    for (const Json& s : answer["slots"]) out.push_back(s["start"]);
    return out;
  }

  std::int64_t ws_ = 0;
  std::string path_;
  std::int64_t ann_id_ = 0;
  std::int64_t bob_id_ = 0;
};

}  // namespace careops::testing
