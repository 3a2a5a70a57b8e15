#include "db/migrator.hpp"

#include <gtest/gtest.h>

#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "db/database.hpp"
#include "db/sqlite/sqlite_database.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"

namespace careops::db {
namespace {

using embedded::File;
using Versions = std::vector<std::int64_t>;

// Listed out of order on purpose: 0002 alters the table 0001 creates.
const File kThree[] = {
    {"sqlite/0003_seed.sql", "INSERT INTO notes (body, pinned) VALUES ('hello', 1);"},
    {"sqlite/0001_notes.sql", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);"},
    {"sqlite/0002_pinned.sql", "ALTER TABLE notes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;"},
};

class MigratorTest : public ::testing::Test {
 protected:
  Versions Applied(Connection& conn) {
    Versions versions;
    for (const Row& row : conn.Query("SELECT version FROM schema_migrations ORDER BY version")) {
      versions.push_back(row.Int(0));
    }
    return versions;
  }

  bool HasTable(const std::string& name) {
    return conn_->QueryOne("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", {name})
        .has_value();
  }

  std::string MigrateError(std::span<const File> files) {
    try {
      Migrator(*conn_, clock_, files).Migrate();
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "no std::runtime_error";
  }

  testing::TempDir dir_;
  SqliteDatabase db_{dir_.File("careops.db")};
  std::unique_ptr<Connection> conn_ = db_.Connect();
  testing::FakeClock clock_;
};

TEST_F(MigratorTest, AppliesInVersionOrderAndRecordsEach) {
  EXPECT_EQ(Migrator(*conn_, clock_, kThree).Migrate(), (Versions{1, 2, 3}));
  const Rows rows = conn_->Query("SELECT version, name, applied_at FROM schema_migrations");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].Text(1), "notes");
  EXPECT_EQ(rows[1].Text(1), "pinned");
  EXPECT_EQ(rows[2].Text(1), "seed");
  for (const Row& row : rows) EXPECT_EQ(row.Int(2), clock_.NowMillis());
  EXPECT_EQ(conn_->QueryOne("SELECT pinned FROM notes")->Int(0), 1);
  const MigrationStatus status = Migrator(*conn_, clock_, kThree).Status();
  EXPECT_EQ(status.current, 3);
  EXPECT_EQ(status.latest, 3);
  EXPECT_TRUE(status.up_to_date());
}

TEST_F(MigratorTest, IsIdempotent) {
  Migrator(*conn_, clock_, kThree).Migrate();
  EXPECT_TRUE(Migrator(*conn_, clock_, kThree).Migrate().empty());
  EXPECT_EQ(Applied(*conn_), (Versions{1, 2, 3}));
  EXPECT_EQ(conn_->QueryOne("SELECT COUNT(*) FROM notes")->Int(0), 1);
}

TEST_F(MigratorTest, AppliesOnlyWhatIsPending) {
  Migrator(*conn_, clock_, std::span(kThree).subspan(1)).Migrate();  // 0001 and 0002
  clock_.Advance(1000);
  EXPECT_EQ(Migrator(*conn_, clock_, kThree).Migrate(), (Versions{3}));
  EXPECT_EQ(conn_->QueryOne("SELECT applied_at FROM schema_migrations WHERE version = 3")->Int(0),
            clock_.NowMillis());
}

TEST_F(MigratorTest, FailingMigrationRollsBackOnlyItself) {
  const File files[] = {
      {"sqlite/0001_a.sql", "CREATE TABLE a (x INTEGER);"},
      {"sqlite/0002_b.sql", "CREATE TABLE b (x INTEGER); INSERT INTO missing VALUES (1);"},
      {"sqlite/0003_c.sql", "CREATE TABLE c (x INTEGER);"},
  };
  const std::string error = MigrateError(files);
  EXPECT_NE(error.find("sqlite/0002_b.sql"), std::string::npos) << error;
  EXPECT_EQ(Applied(*conn_), (Versions{1}));
  EXPECT_TRUE(HasTable("a"));
  EXPECT_FALSE(HasTable("b"));
  EXPECT_FALSE(HasTable("c"));
  EXPECT_EQ(Migrator(*conn_, clock_, files).Status().current, 1);

  const File fixed[] = {files[0], {"sqlite/0002_b.sql", "CREATE TABLE b (x INTEGER);"}, files[2]};
  EXPECT_EQ(Migrator(*conn_, clock_, fixed).Migrate(), (Versions{2, 3}));
}

TEST_F(MigratorTest, RejectsDuplicateVersions) {
  const File files[] = {
      {"sqlite/0001_a.sql", "CREATE TABLE a (x);"},
      {"sqlite/00001_b.sql", "CREATE TABLE b (x);"},
  };
  const std::string error = MigrateError(files);
  EXPECT_NE(error.find("duplicate migration version 1"), std::string::npos) << error;
  EXPECT_THROW(Migrator(*conn_, clock_, files).Status(), std::runtime_error);
  EXPECT_FALSE(HasTable("a"));
}

TEST_F(MigratorTest, RejectsMalformedNames) {
  for (const char* path :
       {"sqlite/001_short.sql", "sqlite/0001.sql", "sqlite/0001_.sql", "sqlite/abcd_x.sql",
        "sqlite/0001-dash.sql", "sqlite/0000_zero.sql", "sqlite/0001_bad name.sql",
        "sqlite/old/0001_x.sql", "sqlite/99999999999999999999_huge.sql"}) {
    const File files[] = {{path, "CREATE TABLE a (x);"}};
    const std::string error = MigrateError(files);
    EXPECT_NE(error.find("malformed migration file name"), std::string::npos) << path;
  }
  EXPECT_FALSE(HasTable("a"));
}

TEST_F(MigratorTest, IgnoresOtherDialectsAndNonSqlFiles) {
  const File files[] = {
      {"postgres/0001_a.sql", "this is not sqlite"},
      {"postgres/0002_b.sql", "neither is this"},
      {"sqlite/0001_a.sql", "CREATE TABLE a (x);"},
      {"sqlite/README.md", "notes"},
      {"README.md", "notes"},
  };
  EXPECT_EQ(Migrator(*conn_, clock_, files).Migrate(), (Versions{1}));
  EXPECT_EQ(Migrator(*conn_, clock_, files).Status().latest, 1);
}

TEST_F(MigratorTest, RefusesDatabaseNewerThanBinary) {
  Migrator(*conn_, clock_, kThree).Migrate();
  const auto older = std::span(kThree).subspan(1);  // knows 0001 and 0002
  const std::string error = MigrateError(older);
  EXPECT_NE(error.find("database schema version 3 is newer than this binary (2)"),
            std::string::npos)
      << error;
  const MigrationStatus status = Migrator(*conn_, clock_, older).Status();
  EXPECT_EQ(status.current, 3);
  EXPECT_EQ(status.latest, 2);
  EXPECT_FALSE(status.up_to_date());
}

TEST_F(MigratorTest, RefusesMigrationNumberedBelowAppliedOnes) {
  const File all[] = {
      {"sqlite/0001_a.sql", "CREATE TABLE a (x);"},
      {"sqlite/0002_b.sql", "CREATE TABLE b (x);"},
      {"sqlite/0003_c.sql", "CREATE TABLE c (x);"},
  };
  const File released[] = {all[0], all[2]};
  Migrator(*conn_, clock_, released).Migrate();
  const std::string error = MigrateError(all);
  EXPECT_NE(error.find("sqlite/0002_b.sql is not applied"), std::string::npos) << error;
  EXPECT_EQ(Applied(*conn_), (Versions{1, 3}));
  EXPECT_FALSE(HasTable("b"));
}

TEST_F(MigratorTest, RefusesAppliedVersionTheBinaryDoesNotKnow) {
  const File all[] = {
      {"sqlite/0001_a.sql", "CREATE TABLE a (x);"},
      {"sqlite/0002_b.sql", "CREATE TABLE b (x);"},
      {"sqlite/0003_c.sql", "CREATE TABLE c (x);"},
  };
  Migrator(*conn_, clock_, std::span(all).first(2)).Migrate();
  const File renumbered[] = {all[0], all[2]};
  const std::string error = MigrateError(renumbered);
  EXPECT_NE(error.find("database has migration 2 applied"), std::string::npos) << error;
}

TEST_F(MigratorTest, StatusOnEmptyDatabaseWritesNothing) {
  const MigrationStatus status = Migrator(*conn_, clock_, kThree).Status();
  EXPECT_EQ(status.current, 0);
  EXPECT_EQ(status.latest, 3);
  EXPECT_FALSE(status.up_to_date());
  EXPECT_EQ(conn_->QueryOne("SELECT COUNT(*) FROM sqlite_master")->Int(0), 0);
}

TEST_F(MigratorTest, EmptyMigrationSetIsUpToDate) {
  EXPECT_TRUE(Migrator(*conn_, clock_, std::span<const File>()).Migrate().empty());
  EXPECT_TRUE(Migrator(*conn_, clock_, std::span<const File>()).Status().up_to_date());
}

TEST_F(MigratorTest, ConcurrentMigrationsApplyEachOnce) {
  // Not idempotent: applying any of these twice fails (CREATE TABLE) or shows (the counter).
  std::vector<std::string> paths;
  std::vector<std::string> scripts;
  constexpr int kMigrations = 8;
  paths.reserve(kMigrations);
  scripts.reserve(kMigrations);
  for (int v = 1; v <= kMigrations; ++v) {
    paths.push_back("sqlite/000" + std::to_string(v) + "_step.sql");
    scripts.push_back(
        (v == 1 ? std::string("CREATE TABLE runs (version INTEGER);") : std::string()) +
        "CREATE TABLE t" + std::to_string(v) + " (x INTEGER);" + "INSERT INTO runs VALUES (" +
        std::to_string(v) + ");");
  }
  std::vector<File> files;
  files.reserve(kMigrations);
  for (int i = 0; i < kMigrations; ++i) files.push_back({paths[i], scripts[i]});

  constexpr int kThreads = 4;
  std::vector<Versions> results(kThreads);
  std::vector<std::string> errors(kThreads);
  std::latch start(kThreads);
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      try {
        auto conn = db_.Connect();
        start.arrive_and_wait();
        results[i] = Migrator(*conn, clock_, files).Migrate();
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();

  std::size_t total = 0;
  for (int i = 0; i < kThreads; ++i) {
    EXPECT_EQ(errors[i], "") << "thread " << i;
    total += results[i].size();
  }
  EXPECT_EQ(total, static_cast<std::size_t>(kMigrations));
  EXPECT_EQ(Applied(*conn_).size(), static_cast<std::size_t>(kMigrations));
  EXPECT_EQ(conn_->QueryOne("SELECT COUNT(*) FROM runs")->Int(0), kMigrations);
}

TEST_F(MigratorTest, DefaultConstructorAppliesEmbeddedMigrations) {
  Migrator migrator(*conn_, clock_);
  EXPECT_FALSE(migrator.Migrate().empty());
  EXPECT_TRUE(migrator.Status().up_to_date());
  conn_->Execute("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)",
                 {std::string("instance_id"), std::string("abc"), clock_.NowMillis()});
  EXPECT_EQ(conn_->QueryOne("SELECT value FROM settings WHERE key = 'instance_id'")->Text(0),
            "abc");
  EXPECT_THROW(
      conn_->Execute("INSERT INTO settings (key, value, updated_at) VALUES ('k', NULL, 0)"),
      DbError);
}

}  // namespace
}  // namespace careops::db
