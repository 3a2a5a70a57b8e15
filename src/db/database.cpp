#include "db/database.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"
#include "db/sqlite/sqlite_database.hpp"

namespace careops::db {
namespace {

constexpr std::string_view kAcceptedForms =
    "accepted forms: sqlite:PATH (relative or absolute, e.g. sqlite:./data/careops.db) or "
    "sqlite::memory:";

const char* TypeName(const Value& value) {
  switch (value.index()) {
    case 0:
      return "NULL";
    case 1:
      return "INTEGER";
    case 2:
      return "REAL";
    default:
      return "TEXT";
  }
}

[[noreturn]] void Mismatch(std::size_t i, const char* expected, const Value& got) {
  throw DbError(DbError::Kind::kOther, "column " + std::to_string(i) + ": expected " + expected +
                                           ", got " + TypeName(got));
}

const Value& Column(const std::vector<Value>& values, std::size_t i) {
  if (i >= values.size()) {
    throw DbError(DbError::Kind::kOther, "column " + std::to_string(i) +
                                             ": out of range (row has " +
                                             std::to_string(values.size()) + " columns)");
  }
  return values[i];
}

}  // namespace

std::int64_t Row::Int(std::size_t i) const {
  const Value& value = Column(values_, i);
  if (const auto* v = std::get_if<std::int64_t>(&value)) return *v;
  Mismatch(i, "INTEGER", value);
}

// An INTEGER widens to REAL: SQLite returns integers for REAL expressions such as
// COALESCE(SUM(x), 0) over no rows, and the conversion loses nothing at realistic magnitudes.
double Row::Real(std::size_t i) const {
  const Value& value = Column(values_, i);
  if (const auto* v = std::get_if<double>(&value)) return *v;
  if (const auto* v = std::get_if<std::int64_t>(&value)) return static_cast<double>(*v);
  Mismatch(i, "REAL", value);
}

const std::string& Row::Text(std::size_t i) const {
  const Value& value = Column(values_, i);
  if (const auto* v = std::get_if<std::string>(&value)) return *v;
  Mismatch(i, "TEXT", value);
}

std::optional<std::int64_t> Row::OptInt(std::size_t i) const {
  if (std::holds_alternative<std::monostate>(Column(values_, i))) return std::nullopt;
  return Int(i);
}

std::optional<std::string> Row::OptText(std::size_t i) const {
  if (std::holds_alternative<std::monostate>(Column(values_, i))) return std::nullopt;
  return Text(i);
}

std::unique_ptr<Database> OpenDatabase(const std::string& url) {
  const std::size_t colon = url.find(':');
  if (url.empty() || colon == std::string::npos || colon == 0) {
    throw std::invalid_argument("DATABASE_URL is empty or has no scheme; " +
                                std::string(kAcceptedForms));
  }
  // Only the scheme is quoted back: the rest of a URL may hold credentials.
  const std::string scheme = AsciiLower(std::string_view(url).substr(0, colon));
  const std::string rest = url.substr(colon + 1);
  if (scheme == "postgres" || scheme == "postgresql") {
    throw std::invalid_argument("DATABASE_URL: PostgreSQL is not supported by this build yet");
  }
  if (scheme != "sqlite") {
    throw std::invalid_argument("DATABASE_URL: unsupported scheme \"" + scheme + "\"; " +
                                std::string(kAcceptedForms));
  }
  // "sqlite://x" is rejected rather than read as the path "//x": it usually means a
  // host-style URL whose path would silently be resolved from the filesystem root.
  if (rest.empty() || rest.starts_with("//")) {
    throw std::invalid_argument("DATABASE_URL: malformed sqlite URL; " +
                                std::string(kAcceptedForms));
  }
  return std::make_unique<SqliteDatabase>(rest);
}

}  // namespace careops::db
