// The dashboard's statements read through index ranges only (no request scans a workspace's
// history, migrations/sqlite/0010): SQLite's plan for each names the index it was written for,
// scans no table and sorts nothing.

#include "dashboard/dashboard_repository.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "automation/automation_repository.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"

namespace careops::dashboard {
namespace {

TEST(DashboardRepositoryTest, EveryStatementReadsThroughItsIndex) {
  testing::TempDir dir;
  testing::FakeClock clock;
  auto database = db::OpenDatabase("sqlite:" + dir.File("dashboard.db"));
  auto conn = database->Connect();
  db::Migrator(*conn, clock).Migrate();
  DashboardRepository repo(*conn);
  const auto plans = repo.ExplainAll();
  ASSERT_EQ(plans.size(), 12u);
  // The index each statement must use, in ExplainAll's order.
  const std::vector<std::string> expected = {
      "COVERING INDEX bookings_workspace_status_start (workspace_id=? AND status=? AND start_at>? "
      "AND start_at<?)",
      "COVERING INDEX bookings_workspace_status_start (workspace_id=? AND status=? AND start_at>? "
      "AND start_at<?)",
      "COVERING INDEX bookings_workspace_status_start (workspace_id=? AND status=? AND start_at>? "
      "AND start_at<?)",
      "COVERING INDEX bookings_workspace_status_start (workspace_id=? AND status=? AND start_at>? "
      "AND start_at<?)",
      "COVERING INDEX bookings_workspace_status_start (workspace_id=? AND status=? AND start_at>?)",
      "COVERING INDEX bookings_workspace_status_start (workspace_id=? AND status=? AND start_at>?)",
      "INDEX messages_workspace_kind (workspace_id=? AND kind=? AND created_at>? AND "
      "created_at<?)",
      "INDEX conversations_waiting (workspace_id=?)",
      "INDEX conversations_waiting (workspace_id=?)",
      "COVERING INDEX messages_workspace_created (workspace_id=? AND created_at>?)",
      "INDEX messages_workspace_created (workspace_id=? AND created_at>?)",
      "COVERING INDEX messages_workspace_created (workspace_id=? AND created_at>? AND "
      "created_at<?)",
  };
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const auto& [sql, plan] = plans[i];
    SCOPED_TRACE(sql + "\n" + plan);
    EXPECT_NE(plan.find("USING " + expected[i]), std::string::npos) << expected[i];
    EXPECT_EQ(plan.find("SCAN "), std::string::npos) << "a scan";
    EXPECT_EQ(plan.find("TEMP B-TREE FOR ORDER BY"), std::string::npos) << "a sort";
  }
}

// The automation page's count and log read one kind's range of messages_workspace_kind, in
// its order (the log of a busy rule never sorts the rule's history).
TEST(DashboardRepositoryTest, AutomationCountsAndLogsReadThroughTheKindIndex) {
  testing::TempDir dir;
  testing::FakeClock clock;
  auto database = db::OpenDatabase("sqlite:" + dir.File("automation.db"));
  auto conn = database->Connect();
  db::Migrator(*conn, clock).Migrate();
  const auto plans = automation::AutomationRepository(*conn).ExplainAll();
  ASSERT_EQ(plans.size(), 3u);
  EXPECT_NE(plans[0].find("USING COVERING INDEX messages_workspace_kind (workspace_id=? AND "
                          "kind=? AND created_at>?)"),
            std::string::npos)
      << plans[0];
  EXPECT_NE(plans[1].find("USING INDEX messages_workspace_kind (workspace_id=? AND kind=?)"),
            std::string::npos)
      << plans[1];
  EXPECT_NE(plans[2].find("USING INDEX messages_workspace_kind (workspace_id=? AND kind=? AND "
                          "created_at<?)"),
            std::string::npos)
      << plans[2];
  for (const auto& plan : plans) {
    EXPECT_EQ(plan.find("SCAN "), std::string::npos) << plan;
    EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
  }
}

}  // namespace
}  // namespace careops::dashboard
