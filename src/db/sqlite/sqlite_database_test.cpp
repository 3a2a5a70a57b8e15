#include "db/sqlite/sqlite_database.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <limits>
#include <string>

#include "support/temp_dir.hpp"

namespace careops::db {
namespace {

using testing::TempDir;

class SqliteDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    conn_ = db_.Connect();
    conn_->ExecuteScript(
        "CREATE TABLE parents (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
        "CREATE TABLE children (id INTEGER PRIMARY KEY, "
        "  parent_id INTEGER NOT NULL REFERENCES parents(id), age INTEGER CHECK (age >= 0));"
        "CREATE TABLE items (i INTEGER, r REAL, s TEXT, n TEXT);");
  }

  std::int64_t Count(Connection& conn, const std::string& table) {
    return conn.QueryOne("SELECT COUNT(*) FROM " + table)->Int(0);
  }

  DbError::Kind KindOf(const std::function<void()>& action) {
    try {
      action();
    } catch (const DbError& e) {
      return e.kind();
    }
    ADD_FAILURE() << "no DbError thrown";
    return DbError::Kind::kOther;
  }

  TempDir dir_;
  SqliteDatabase db_{dir_.File("test.db")};
  std::unique_ptr<Connection> conn_;
};

TEST_F(SqliteDatabaseTest, RoundTripsEveryValueType) {
  const std::int64_t big = std::numeric_limits<std::int64_t>::min();
  const std::string text("caf\xc3\xa9 \0 tail", 12);
  conn_->Execute("INSERT INTO items (i, r, s, n) VALUES (?, ?, ?, ?)",
                 {big, 3.25, text, std::monostate{}});
  const Row row = *conn_->QueryOne("SELECT i, r, s, n FROM items");
  ASSERT_EQ(row.size(), 4u);
  EXPECT_EQ(row.at(0), Value(big));
  EXPECT_EQ(row.at(1), Value(3.25));
  EXPECT_EQ(row.at(2), Value(text));
  EXPECT_TRUE(row.IsNull(3));
  EXPECT_EQ(row.Int(0), big);
  EXPECT_EQ(row.Real(1), 3.25);
  EXPECT_EQ(row.Text(2), text);
}

TEST_F(SqliteDatabaseTest, ReadsBlobsAsStrings) {
  const Row row = *conn_->QueryOne("SELECT x'00ff41', x''");
  EXPECT_EQ(row.Text(0), std::string("\0\xff"
                                     "A",
                                     3));
  EXPECT_EQ(row.Text(1), "");
}

TEST_F(SqliteDatabaseTest, OptionalAccessorsMapNullToNullopt) {
  const Row row = *conn_->QueryOne("SELECT 7, 'x', NULL, NULL");
  EXPECT_EQ(row.OptInt(0), 7);
  EXPECT_EQ(row.OptText(1), "x");
  EXPECT_EQ(row.OptInt(2), std::nullopt);
  EXPECT_EQ(row.OptText(3), std::nullopt);
}

TEST_F(SqliteDatabaseTest, TypeMismatchThrowsNamingTheColumn) {
  const Row row = *conn_->QueryOne("SELECT 1, 'text', NULL, 2.5");
  try {
    row.Int(1);
    FAIL() << "expected DbError";
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind(), DbError::Kind::kOther);
    EXPECT_NE(std::string(e.what()).find("column 1"), std::string::npos) << e.what();
  }
  EXPECT_THROW(row.Text(0), DbError);
  EXPECT_THROW(row.Int(2), DbError);      // NULL is not an INTEGER
  EXPECT_THROW(row.OptText(0), DbError);  // a non-NULL of the wrong type still throws
  EXPECT_THROW(row.Int(3), DbError);      // no lossy REAL -> INTEGER
  EXPECT_THROW(row.Int(9), DbError);
  EXPECT_EQ(row.Real(0), 1.0);  // INTEGER widens to REAL
}

TEST_F(SqliteDatabaseTest, ReusesCachedStatementForSameSql) {
  auto& sqlite = dynamic_cast<SqliteConnection&>(*conn_);
  const std::string sql = "INSERT INTO parents (name) VALUES (?)";
  conn_->Insert(sql, {std::string("a")});
  const std::size_t cached = sqlite.cached_statement_count();
  conn_->Insert(sql, {std::string("b")});
  EXPECT_EQ(sqlite.cached_statement_count(), cached);
  conn_->Query("SELECT name FROM parents");
  EXPECT_EQ(sqlite.cached_statement_count(), cached + 1);
  EXPECT_EQ(Count(*conn_, "parents"), 2);
}

TEST_F(SqliteDatabaseTest, FailedStepDoesNotPoisonTheCachedStatement) {
  const std::string sql = "INSERT INTO parents (name) VALUES (?)";
  conn_->Insert(sql, {std::string("a")});
  EXPECT_THROW(conn_->Insert(sql, {std::string("a")}), DbError);
  EXPECT_THROW(conn_->Insert(sql, {}), DbError);  // wrong parameter count
  EXPECT_GT(conn_->Insert(sql, {std::string("b")}), 0);
  EXPECT_EQ(Count(*conn_, "parents"), 2);
}

// A statement abandoned after its first row would keep its read snapshot open and hide later
// commits from this connection.
TEST_F(SqliteDatabaseTest, QueryFailingMidwayReleasesItsSnapshot) {
  conn_->Execute("INSERT INTO items (i) VALUES (1), (?)",
                 {std::numeric_limits<std::int64_t>::min()});
  EXPECT_THROW(conn_->Query("SELECT abs(i) FROM items ORDER BY rowid"), DbError);  // overflow
  auto other = db_.Connect();
  other->Execute("INSERT INTO items (i) VALUES (3)");
  EXPECT_EQ(Count(*conn_, "items"), 3);
  conn_->Execute("DELETE FROM items WHERE i < 0");
  EXPECT_EQ(conn_->Query("SELECT abs(i) FROM items ORDER BY rowid").size(), 2u);
}

TEST_F(SqliteDatabaseTest, RejectsSeveralStatementsOutsideScripts) {
  EXPECT_THROW(conn_->Execute("DELETE FROM items; DELETE FROM parents"), DbError);
  EXPECT_THROW(conn_->Execute("  -- nothing\n"), DbError);
  EXPECT_EQ(conn_->Execute("DELETE FROM items; -- trailing comment"), 0);
}

TEST_F(SqliteDatabaseTest, ReportsChangesAndInsertedIds) {
  EXPECT_EQ(conn_->Insert("INSERT INTO parents (id, name) VALUES (41, 'a')", {}), 41);
  EXPECT_EQ(conn_->Insert("INSERT INTO parents (name) VALUES ('b')", {}), 42);
  EXPECT_EQ(conn_->Insert("INSERT INTO parents (name) VALUES ('a') ON CONFLICT DO NOTHING", {}), 0);
  EXPECT_EQ(conn_->Execute("UPDATE parents SET name = name || '!'"), 2);
  EXPECT_EQ(conn_->Execute("SELECT * FROM parents"), 0);
  EXPECT_EQ(conn_->Execute("CREATE TABLE t (x)"), 0);
}

TEST_F(SqliteDatabaseTest, MapsConstraintViolationsToKinds) {
  const std::int64_t id = conn_->Insert("INSERT INTO parents (name) VALUES ('a')", {});
  EXPECT_EQ(KindOf([&] { conn_->Execute("INSERT INTO parents (name) VALUES ('a')"); }),
            DbError::Kind::kUniqueViolation);
  EXPECT_EQ(KindOf([&] { conn_->Execute("INSERT INTO parents (id, name) VALUES (?, 'b')", {id}); }),
            DbError::Kind::kUniqueViolation);
  EXPECT_EQ(KindOf([&] { conn_->Execute("INSERT INTO children (parent_id) VALUES (999)"); }),
            DbError::Kind::kForeignKeyViolation);
  EXPECT_EQ(KindOf([&] { conn_->Execute("INSERT INTO children (parent_id) VALUES (NULL)"); }),
            DbError::Kind::kConstraint);
  EXPECT_EQ(
      KindOf([&] { conn_->Execute("INSERT INTO children (parent_id, age) VALUES (?, -1)", {id}); }),
      DbError::Kind::kConstraint);
  EXPECT_EQ(KindOf([&] { conn_->ExecuteScript("INSERT INTO parents (name) VALUES ('a');"); }),
            DbError::Kind::kUniqueViolation);
  EXPECT_EQ(KindOf([&] { conn_->Execute("SELECT * FROM missing"); }), DbError::Kind::kOther);
}

TEST_F(SqliteDatabaseTest, TransactionRollsBackUnlessCommitted) {
  {
    Transaction tx(*conn_);
    conn_->Execute("INSERT INTO parents (name) VALUES ('gone')");
  }
  EXPECT_EQ(Count(*conn_, "parents"), 0);
  {
    Transaction tx(*conn_);
    conn_->Execute("INSERT INTO parents (name) VALUES ('kept')");
    tx.Commit();
  }
  EXPECT_EQ(Count(*conn_, "parents"), 1);
  EXPECT_NO_THROW(conn_->Rollback());  // no transaction open: a no-op
}

TEST_F(SqliteDatabaseTest, EnablesWalForeignKeysAndBusyTimeout) {
  EXPECT_EQ(conn_->QueryOne("PRAGMA journal_mode")->Text(0), "wal");
  EXPECT_EQ(conn_->QueryOne("PRAGMA foreign_keys")->Int(0), 1);
  EXPECT_EQ(conn_->QueryOne("PRAGMA synchronous")->Int(0), 1);  // NORMAL
  EXPECT_EQ(conn_->QueryOne("PRAGMA busy_timeout")->Int(0), 5000);
  EXPECT_EQ(conn_->Dialect(), "sqlite");
  EXPECT_EQ(db_.Dialect(), "sqlite");
  EXPECT_EQ(db_.Describe(), "sqlite:" + dir_.File("test.db"));
}

TEST_F(SqliteDatabaseTest, ConnectionsSeeEachOthersCommittedData) {
  auto other = db_.Connect();
  Transaction tx(*conn_);
  conn_->Execute("INSERT INTO parents (name) VALUES ('a')");
  EXPECT_EQ(Count(*other, "parents"), 0);  // WAL: readers do not wait for the writer
  tx.Commit();
  EXPECT_EQ(Count(*other, "parents"), 1);
  other->Execute("INSERT INTO parents (name) VALUES ('b')");
  EXPECT_EQ(Count(*conn_, "parents"), 2);
}

TEST_F(SqliteDatabaseTest, SecondWriterFailsBusyAfterTimeout) {
  SqliteDatabase db(dir_.File("test.db"), SqliteOptions{.busy_timeout_ms = 20});
  auto first = db.Connect();
  auto second = db.Connect();
  Transaction tx(*first);
  EXPECT_EQ(KindOf([&] { second->Begin(); }), DbError::Kind::kBusy);
}

TEST(SqliteDatabase, CreatesMissingParentDirectories) {
  TempDir dir;
  const std::string path = dir.File("a/b/careops.db");
  SqliteDatabase db(path);
  db.Connect()->Execute("CREATE TABLE t (x)");
  EXPECT_TRUE(std::filesystem::exists(path));
}

TEST(SqliteDatabase, ConnectThrowsWhenFileCannotBeOpened) {
  TempDir dir;
  SqliteDatabase db(dir.path().string());  // a directory, not a file
  EXPECT_THROW(db.Connect(), DbError);
}

TEST(SqliteDatabase, MemoryDatabaseIsSharedByItsConnectionsOnly) {
  auto db = OpenDatabase("sqlite::memory:");
  EXPECT_EQ(db->Describe(), "sqlite::memory:");
  auto a = db->Connect();
  auto b = db->Connect();
  a->Execute("CREATE TABLE t (x)");
  a->Execute("INSERT INTO t VALUES (1)");
  EXPECT_EQ(b->QueryOne("SELECT x FROM t")->Int(0), 1);
  EXPECT_EQ(b->QueryOne("PRAGMA foreign_keys")->Int(0), 1);
  auto other = OpenDatabase("sqlite::memory:");
  EXPECT_THROW(other->Connect()->Query("SELECT x FROM t"), DbError);
}

TEST(OpenDatabase, AcceptsRelativeAndAbsoluteSqlitePaths) {
  EXPECT_EQ(OpenDatabase("sqlite:data/careops.db")->Describe(), "sqlite:data/careops.db");
  TempDir dir;
  auto db = OpenDatabase("sqlite:" + dir.File("x.db"));
  EXPECT_EQ(db->Dialect(), "sqlite");
  db->Connect()->Execute("CREATE TABLE t (x)");
  EXPECT_TRUE(std::filesystem::exists(dir.File("x.db")));
}

std::string OpenError(const std::string& url) {
  try {
    OpenDatabase(url);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no std::invalid_argument for " + url;
}

TEST(OpenDatabase, RejectsPostgresForNow) {
  EXPECT_EQ(OpenError("postgres://u:p@localhost/careops"),
            "DATABASE_URL: PostgreSQL is not supported by this build yet");
  EXPECT_EQ(OpenError("postgresql://localhost/careops"),
            "DATABASE_URL: PostgreSQL is not supported by this build yet");
}

TEST(OpenDatabase, RejectsUnsupportedUrlsNamingTheAcceptedForms) {
  for (const std::string url :
       {"", "careops.db", "mysql://root:hunter2@db/x", "sqlite:", "sqlite://db/x.db", ":x"}) {
    const std::string message = OpenError(url);
    EXPECT_NE(message.find("DATABASE_URL"), std::string::npos) << url << ": " << message;
    EXPECT_NE(message.find("sqlite:PATH"), std::string::npos) << url << ": " << message;
    EXPECT_NE(message.find("sqlite::memory:"), std::string::npos) << url << ": " << message;
    EXPECT_EQ(message.find("hunter2"), std::string::npos) << message;
  }
}

}  // namespace
}  // namespace careops::db
