#pragma once
// The SQLite driver behind db::Database. Every connection runs with WAL, foreign keys on,
// synchronous=NORMAL and a busy timeout; transactions start with BEGIN IMMEDIATE so two
// writers queue on the busy timeout instead of failing a lock upgrade.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "db/database.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace careops::db {

struct SqliteOptions {
  // How long a statement waits for another connection's lock before failing with kBusy.
  int busy_timeout_ms = 5000;
};

// Thread-safe: Connect() may be called from any thread; each call opens a new sqlite3 handle.
class SqliteDatabase final : public Database {
 public:
  // A path to the database file (its parent directory is created on Connect() when missing),
  // or kMemoryPath for a private in-memory database shared by every connection of this object
  // and dropped with it. In-memory databases cannot use WAL, so there a writer blocks readers
  // (they wait on the busy timeout).
  static constexpr std::string_view kMemoryPath = ":memory:";

  explicit SqliteDatabase(std::string path, SqliteOptions options = {});
  ~SqliteDatabase() override;
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  // Throws DbError when the file cannot be opened or configured.
  std::unique_ptr<Connection> Connect() override;
  std::string_view Dialect() const override { return "sqlite"; }
  std::string Describe() const override { return "sqlite:" + path_; }

 private:
  std::string path_;       // as given, for Describe()
  std::string open_name_;  // what sqlite3_open_v2 receives (a memdb URI for kMemoryPath)
  bool in_memory_;
  SqliteOptions options_;
  sqlite3* keep_alive_ = nullptr;  // owned; holds an in-memory database open, else null
};

// One sqlite3 handle. Not thread-safe: used by one thread at a time (Connection's contract).
// Prepared statements are cached by SQL text for the life of the connection; every use resets
// the statement and clears its bindings before returning, also when it throws.
class SqliteConnection final : public Connection {
 public:
  // Takes ownership of `db` (closed on destruction, which rolls back an open transaction).
  // Throws DbError (and closes `db`) when the connection cannot be configured.
  SqliteConnection(sqlite3* db, bool require_wal, const SqliteOptions& options);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  using Connection::Execute;
  using Connection::Insert;
  using Connection::Query;

  std::int64_t Execute(std::string_view sql, std::span<const Value> params) override;
  Rows Query(std::string_view sql, std::span<const Value> params) override;
  // Returns the rowid of the inserted row (the `id` column when it is INTEGER PRIMARY KEY),
  // or 0 when the statement inserted nothing (e.g. INSERT ... ON CONFLICT DO NOTHING).
  std::int64_t Insert(std::string_view sql, std::span<const Value> params) override;
  void ExecuteScript(std::string_view sql) override;

  void Begin() override;
  void Commit() override;
  // A no-op when no transaction is open (SQLite may already have rolled back after an error).
  void Rollback() override;

  std::string_view Dialect() const override { return "sqlite"; }

  // For tests and diagnostics.
  std::size_t cached_statement_count() const { return statements_.size(); }

 private:
  struct StatementDeleter {
    void operator()(sqlite3_stmt* stmt) const;
  };
  using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementDeleter>;
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const {
      return std::hash<std::string_view>{}(sql);
    }
  };
  class Lease;

  // Returns the cached statement for `sql`, preparing it on first use.
  sqlite3_stmt* Prepare(std::string_view sql);
  // Runs `sql` to completion, discarding any rows.
  void Run(std::string_view sql, std::span<const Value> params);

  sqlite3* db_;  // owned
  std::unordered_map<std::string, StatementPtr, SqlHash, std::equal_to<>> statements_;
};

}  // namespace careops::db
