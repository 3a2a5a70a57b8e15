#include "db/sqlite/sqlite_database.hpp"

#include <sqlite3.h>

#include <atomic>
#include <climits>
#include <filesystem>
#include <system_error>
#include <type_traits>
#include <utility>

namespace careops::db {
namespace {

// Dynamic SQL (e.g. IN lists of varying length) must not grow the cache without bound; past
// this many distinct statements the cache starts over.
constexpr std::size_t kMaxCachedStatements = 256;
// Messages quote the SQL (never the bound values) up to this length.
constexpr std::size_t kMaxQuotedSql = 200;

DbError::Kind KindOf(int code) {
  switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return DbError::Kind::kUniqueViolation;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return DbError::Kind::kForeignKeyViolation;
    default:
      break;
  }
  switch (code & 0xff) {
    case SQLITE_CONSTRAINT:
      return DbError::Kind::kConstraint;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return DbError::Kind::kBusy;
    default:
      return DbError::Kind::kOther;
  }
}

std::string Quote(std::string_view sql) {
  if (sql.size() <= kMaxQuotedSql) return std::string(sql);
  return std::string(sql.substr(0, kMaxQuotedSql)) + "...";
}

// Throws the DbError for result code `code`, which the last call on `db` returned.
[[noreturn]] void Fail(sqlite3* db, int code, std::string_view sql) {
  std::string message = "sqlite: ";
  message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  message += " (code " + std::to_string(code) + ")";
  if (!sql.empty()) message += " in: " + Quote(sql);
  throw DbError(KindOf(code), message);
}

void Bind(sqlite3* db, sqlite3_stmt* stmt, std::span<const Value> params, std::string_view sql) {
  const int expected = sqlite3_bind_parameter_count(stmt);
  if (static_cast<std::size_t>(expected) != params.size()) {
    throw DbError(DbError::Kind::kOther, "sqlite: statement expects " + std::to_string(expected) +
                                             " parameters, got " + std::to_string(params.size()) +
                                             " in: " + Quote(sql));
  }
  for (int i = 0; i < expected; ++i) {
    const int index = i + 1;
    // Text is bound SQLITE_STATIC: the caller's values outlive the statement's use, and the
    // Lease clears bindings before returning.
    const int rc = std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::monostate>) {
            return sqlite3_bind_null(stmt, index);
          } else if constexpr (std::is_same_v<T, std::int64_t>) {
            return sqlite3_bind_int64(stmt, index, v);
          } else if constexpr (std::is_same_v<T, double>) {
            return sqlite3_bind_double(stmt, index, v);
          } else {
            return sqlite3_bind_text64(stmt, index, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8);
          }
        },
        params[static_cast<std::size_t>(i)]);
    if (rc != SQLITE_OK) Fail(db, rc, sql);
  }
}

Value ReadColumn(sqlite3_stmt* stmt, int i) {
  switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_INTEGER:
      return static_cast<std::int64_t>(sqlite3_column_int64(stmt, i));
    case SQLITE_FLOAT:
      return sqlite3_column_double(stmt, i);
    case SQLITE_TEXT: {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
      const int size = sqlite3_column_bytes(stmt, i);
      if (text == nullptr) throw DbError(DbError::Kind::kOther, "sqlite: out of memory");
      return std::string(text, static_cast<std::size_t>(size));
    }
    case SQLITE_BLOB: {
      const void* blob = sqlite3_column_blob(stmt, i);
      const int size = sqlite3_column_bytes(stmt, i);
      if (size == 0) return std::string();
      return std::string(static_cast<const char*>(blob), static_cast<std::size_t>(size));
    }
    default:
      return std::monostate{};
  }
}

// Steps once; returns SQLITE_ROW or SQLITE_DONE, throws on anything else.
int Step(sqlite3* db, sqlite3_stmt* stmt, std::string_view sql) {
  const int rc = sqlite3_step(stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) Fail(db, rc, sql);
  return rc;
}

// True when `rest` (what follows a prepared statement) holds another statement, which
// Execute/Query/Insert would silently ignore.
bool HoldsStatement(sqlite3* db, std::string_view rest) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db, rest.data(), static_cast<int>(rest.size()), &stmt, nullptr);
  sqlite3_finalize(stmt);
  return rc != SQLITE_OK || stmt != nullptr;
}

std::atomic<std::uint64_t> memory_database_counter{0};

}  // namespace

// Resets the statement and clears its bindings when the use ends, however it ends, so a
// failed use never leaves a read snapshot open or a dangling SQLITE_STATIC binding.
class SqliteConnection::Lease {
 public:
  explicit Lease(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~Lease() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_;
};

void SqliteConnection::StatementDeleter::operator()(sqlite3_stmt* stmt) const {
  sqlite3_finalize(stmt);
}

SqliteConnection::SqliteConnection(sqlite3* db, bool require_wal, const SqliteOptions& options)
    : db_(db) {
  try {
    sqlite3_extended_result_codes(db_, 1);
    // The busy timeout comes first: switching to WAL takes a lock another connection may hold.
    const int rc = sqlite3_busy_timeout(db_, options.busy_timeout_ms);
    if (rc != SQLITE_OK) Fail(db_, rc, "busy_timeout");
    auto mode = QueryOne("PRAGMA journal_mode=WAL");
    if (require_wal && (!mode || mode->Text(0) != "wal")) {
      throw DbError(DbError::Kind::kOther, "sqlite: cannot enable WAL journal mode");
    }
    Execute("PRAGMA foreign_keys=ON");
    auto foreign_keys = QueryOne("PRAGMA foreign_keys");
    if (!foreign_keys || foreign_keys->Int(0) != 1) {
      throw DbError(DbError::Kind::kOther, "sqlite: this build cannot enforce foreign keys");
    }
    Execute("PRAGMA synchronous=NORMAL");
  } catch (...) {
    statements_.clear();
    sqlite3_close_v2(db_);
    throw;
  }
}

SqliteConnection::~SqliteConnection() {
  statements_.clear();
  sqlite3_close_v2(db_);
}

sqlite3_stmt* SqliteConnection::Prepare(std::string_view sql) {
  if (auto it = statements_.find(sql); it != statements_.end()) return it->second.get();
  if (sql.size() > static_cast<std::size_t>(INT_MAX)) {
    throw DbError(DbError::Kind::kOther, "sqlite: statement too long");
  }
  if (statements_.size() >= kMaxCachedStatements) statements_.clear();

  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &raw, &tail);
  StatementPtr stmt(raw);
  if (rc != SQLITE_OK) Fail(db_, rc, sql);
  if (stmt == nullptr) throw DbError(DbError::Kind::kOther, "sqlite: empty statement");
  const std::string_view rest(tail, static_cast<std::size_t>(sql.data() + sql.size() - tail));
  if (HoldsStatement(db_, rest)) {
    throw DbError(DbError::Kind::kOther,
                  "sqlite: more than one statement (use ExecuteScript) in: " + Quote(sql));
  }
  return statements_.emplace(std::string(sql), std::move(stmt)).first->second.get();
}

void SqliteConnection::Run(std::string_view sql, std::span<const Value> params) {
  Lease lease(Prepare(sql));
  Bind(db_, lease.get(), params, sql);
  while (Step(db_, lease.get(), sql) == SQLITE_ROW) {
  }
}

std::int64_t SqliteConnection::Execute(std::string_view sql, std::span<const Value> params) {
  // sqlite3_changes64 keeps the count of the last DML statement, so a SELECT or DDL statement
  // would report a stale number; the total-changes delta tells whether this one changed rows.
  const sqlite3_int64 before = sqlite3_total_changes64(db_);
  Run(sql, params);
  if (sqlite3_total_changes64(db_) == before) return 0;
  return sqlite3_changes64(db_);
}

Rows SqliteConnection::Query(std::string_view sql, std::span<const Value> params) {
  Lease lease(Prepare(sql));
  sqlite3_stmt* stmt = lease.get();
  Bind(db_, stmt, params, sql);
  const int columns = sqlite3_column_count(stmt);
  Rows rows;
  while (Step(db_, stmt, sql) == SQLITE_ROW) {
    std::vector<Value> values;
    values.reserve(static_cast<std::size_t>(columns));
    for (int i = 0; i < columns; ++i) values.push_back(ReadColumn(stmt, i));
    rows.emplace_back(std::move(values));
  }
  return rows;
}

std::int64_t SqliteConnection::Insert(std::string_view sql, std::span<const Value> params) {
  const sqlite3_int64 before = sqlite3_total_changes64(db_);
  Run(sql, params);
  if (sqlite3_total_changes64(db_) == before) return 0;
  return sqlite3_last_insert_rowid(db_);
}

void SqliteConnection::ExecuteScript(std::string_view sql) {
  const std::string script(sql);  // sqlite3_exec needs a terminating NUL
  const int rc = sqlite3_exec(db_, script.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) Fail(db_, rc, "");
}

void SqliteConnection::Begin() { Run("BEGIN IMMEDIATE", {}); }

void SqliteConnection::Commit() { Run("COMMIT", {}); }

void SqliteConnection::Rollback() {
  if (sqlite3_get_autocommit(db_) != 0) return;
  Run("ROLLBACK", {});
}

SqliteDatabase::SqliteDatabase(std::string path, SqliteOptions options)
    : path_(std::move(path)), in_memory_(path_ == kMemoryPath), options_(options) {
  if (!in_memory_) {
    open_name_ = path_;
    return;
  }
  // A named memdb database is shared by every connection that opens the same name and lives
  // while one of them is open; keep_alive_ is that one for the life of this object.
  open_name_ = "file:/careops-memory-" + std::to_string(++memory_database_counter) + "?vfs=memdb";
  const int flags =
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(open_name_.c_str(), &keep_alive_, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message =
        "sqlite: cannot open an in-memory database: " +
        std::string(keep_alive_ ? sqlite3_errmsg(keep_alive_) : sqlite3_errstr(rc));
    sqlite3_close_v2(keep_alive_);
    throw DbError(KindOf(rc), message);
  }
}

SqliteDatabase::~SqliteDatabase() { sqlite3_close_v2(keep_alive_); }

std::unique_ptr<Connection> SqliteDatabase::Connect() {
  if (!in_memory_) {
    const std::filesystem::path parent = std::filesystem::path(path_).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (ec) {
      throw DbError(DbError::Kind::kOther,
                    "sqlite: cannot create directory " + parent.string() + ": " + ec.message());
    }
  }
  // NOMUTEX: a Connection is used by one thread at a time, so SQLite's own locking is not needed.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (in_memory_) flags |= SQLITE_OPEN_URI;
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(open_name_.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = "sqlite: cannot open " + path_ + ": " +
                                std::string(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close_v2(db);
    throw DbError(KindOf(rc), message);
  }
  return std::make_unique<SqliteConnection>(db, /*require_wal=*/!in_memory_, options_);
}

}  // namespace careops::db
