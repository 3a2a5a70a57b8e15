#pragma once
// The storage seam. Repositories talk to a Connection; drivers (sqlite/, later postgres/)
// implement it. SQL uses `?` placeholders in every dialect (drivers translate), and values are
// always bound, never spliced into SQL text. Nothing outside a driver and migrations/<dialect>/
// knows which database is underneath.
//
// Errors: driver failures throw db::DbError (start-up failures and bugs are exceptions; the
// HTTP layer turns an escaped DbError into a 500/503 without leaking SQL). Repositories that
// expect a constraint violation catch DbError and check kind().

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace careops::db {

// NULL, INTEGER, REAL, TEXT. Blobs travel as std::string too, bound as TEXT.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

class DbError : public std::runtime_error {
 public:
  enum class Kind { kUniqueViolation, kForeignKeyViolation, kConstraint, kBusy, kOther };
  DbError(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// One result row; columns by index in SELECT order.
class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  std::size_t size() const { return values_.size(); }
  bool IsNull(std::size_t i) const { return std::holds_alternative<std::monostate>(values_.at(i)); }
  // Throw DbError(kOther) when the column is NULL or of another type (a bug in the query).
  std::int64_t Int(std::size_t i) const;
  double Real(std::size_t i) const;
  const std::string& Text(std::size_t i) const;
  std::optional<std::int64_t> OptInt(std::size_t i) const;
  std::optional<std::string> OptText(std::size_t i) const;
  const Value& at(std::size_t i) const { return values_.at(i); }

 private:
  std::vector<Value> values_;
};

using Rows = std::vector<Row>;
using Params = std::initializer_list<Value>;

// A connection is used by one thread at a time (each worker owns one). Not thread-safe.
class Connection {
 public:
  virtual ~Connection() = default;

  // Runs one statement; returns the number of rows changed.
  virtual std::int64_t Execute(std::string_view sql, std::span<const Value> params) = 0;
  // Runs one statement and returns every row it yields.
  virtual Rows Query(std::string_view sql, std::span<const Value> params) = 0;
  // Runs an INSERT and returns the new row's integer id (the `id` column).
  virtual std::int64_t Insert(std::string_view sql, std::span<const Value> params) = 0;
  // Runs a script of several statements without parameters (migrations).
  virtual void ExecuteScript(std::string_view sql) = 0;

  // Transactions; prefer db::Transaction over calling these directly.
  virtual void Begin() = 0;
  virtual void Commit() = 0;
  virtual void Rollback() = 0;

  // "sqlite" or "postgres": selects migrations/<dialect>/.
  virtual std::string_view Dialect() const = 0;

  // Convenience overloads taking a braced list: db.Query("... ?", {id}).
  std::int64_t Execute(std::string_view sql, Params params = {}) {
    return Execute(sql, std::span<const Value>(params.begin(), params.size()));
  }
  Rows Query(std::string_view sql, Params params = {}) {
    return Query(sql, std::span<const Value>(params.begin(), params.size()));
  }
  std::optional<Row> QueryOne(std::string_view sql, Params params = {}) {
    Rows rows = Query(sql, params);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  }
  std::int64_t Insert(std::string_view sql, Params params) {
    return Insert(sql, std::span<const Value>(params.begin(), params.size()));
  }
};

// A database: hands out connections. Thread-safe.
class Database {
 public:
  virtual ~Database() = default;
  // A new connection; throws DbError when the database cannot be reached.
  virtual std::unique_ptr<Connection> Connect() = 0;
  virtual std::string_view Dialect() const = 0;
  // Human-readable location without credentials ("sqlite:./data/careops.db").
  virtual std::string Describe() const = 0;
};

// Opens the database named by a DATABASE_URL ("sqlite:PATH", "sqlite::memory:").
// Throws std::invalid_argument naming the problem for an unsupported or malformed URL.
std::unique_ptr<Database> OpenDatabase(const std::string& url);

// RAII transaction: rolls back on destruction unless Commit() was called.
class Transaction {
 public:
  explicit Transaction(Connection& conn) : conn_(conn) { conn_.Begin(); }
  ~Transaction() {
    if (!done_) {
      try {
        conn_.Rollback();
      } catch (...) {  // a failed rollback must not throw from a destructor
      }
    }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void Commit() {
    conn_.Commit();
    done_ = true;
  }

 private:
  Connection& conn_;
  bool done_ = false;
};

}  // namespace careops::db
