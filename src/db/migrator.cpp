#include "db/migrator.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>
#include <stdexcept>
#include <string_view>

#include "db/database.hpp"

namespace careops::db {
namespace {

// Portable DDL: BIGINT because applied_at holds milliseconds, which overflow PostgreSQL's
// 32-bit INTEGER (SQLite gives BIGINT the same integer affinity).
constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version BIGINT NOT NULL PRIMARY KEY, "
    "name TEXT NOT NULL, "
    "applied_at BIGINT NOT NULL)";
constexpr std::string_view kCurrentVersion = "SELECT MAX(version) FROM schema_migrations";
constexpr std::string_view kAppliedVersions =
    "SELECT version FROM schema_migrations ORDER BY version";
constexpr std::string_view kRecord =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)";
constexpr std::string_view kSqliteTableExists =
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
constexpr std::string_view kStandardTableExists =
    "SELECT 1 FROM information_schema.tables "
    "WHERE table_schema = current_schema() AND table_name = 'schema_migrations'";

constexpr std::size_t kMinVersionDigits = 4;

struct Migration {
  std::int64_t version = 0;
  std::string_view name;  // "settings" in "sqlite/0001_settings.sql"
  std::string_view path;
  std::string_view sql;
};

[[noreturn]] void Malformed(std::string_view path, std::string_view why) {
  throw std::runtime_error("malformed migration file name \"" + std::string(path) +
                           "\": " + std::string(why) + " (expected NNNN_name.sql)");
}

// Parses "NNNN_name.sql" (at least kMinVersionDigits digits; name of letters, digits, '_').
Migration Parse(const embedded::File& file, std::string_view file_name) {
  const std::string_view stem = file_name.substr(0, file_name.size() - 4);  // drop ".sql"
  const std::size_t digits = static_cast<std::size_t>(
      std::find_if_not(stem.begin(), stem.end(), [](char c) { return c >= '0' && c <= '9'; }) -
      stem.begin());
  if (digits < kMinVersionDigits) Malformed(file.path, "version needs at least 4 digits");
  if (digits == stem.size() || stem[digits] != '_') Malformed(file.path, "no '_' after version");
  const std::string_view name = stem.substr(digits + 1);
  if (name.empty()) Malformed(file.path, "empty name");
  if (!std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
      })) {
    Malformed(file.path, "name may hold only letters, digits and '_'");
  }
  Migration m;
  const auto [end, ec] = std::from_chars(stem.data(), stem.data() + digits, m.version);
  if (ec != std::errc() || end != stem.data() + digits) Malformed(file.path, "version too large");
  if (m.version == 0) Malformed(file.path, "version 0 is reserved for an empty database");
  m.name = name;
  m.path = file.path;
  m.sql = file.data;
  return m;
}

// The migrations of `dialect`, sorted by version.
std::vector<Migration> Load(std::span<const embedded::File> files, std::string_view dialect) {
  const std::string prefix = std::string(dialect) + "/";
  std::vector<Migration> migrations;
  for (const embedded::File& file : files) {
    if (!file.path.starts_with(prefix)) continue;
    const std::string_view file_name = file.path.substr(prefix.size());
    if (!file_name.ends_with(".sql")) continue;  // READMEs, editor backups
    if (file_name.find('/') != std::string_view::npos) Malformed(file.path, "in a subfolder");
    migrations.push_back(Parse(file, file_name));
  }
  std::sort(migrations.begin(), migrations.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  const auto duplicate = std::adjacent_find(
      migrations.begin(), migrations.end(),
      [](const Migration& a, const Migration& b) { return a.version == b.version; });
  if (duplicate != migrations.end()) {
    throw std::runtime_error("duplicate migration version " + std::to_string(duplicate->version) +
                             ": " + std::string(duplicate->path) + " and " +
                             std::string(std::next(duplicate)->path));
  }
  return migrations;
}

bool TableExists(Connection& conn) {
  const bool sqlite = conn.Dialect() == "sqlite";
  return conn.QueryOne(sqlite ? kSqliteTableExists : kStandardTableExists).has_value();
}

std::int64_t CurrentVersion(Connection& conn) {
  return conn.QueryOne(kCurrentVersion)->OptInt(0).value_or(0);
}

[[noreturn]] void ThrowNewer(std::int64_t current, std::int64_t latest) {
  throw std::runtime_error("database schema version " + std::to_string(current) +
                           " is newer than this binary (" + std::to_string(latest) +
                           "); run a careops release that knows it, or restore a backup");
}

// Refuses a database this binary's migrations do not describe: one that is ahead, one missing
// a migration older than its current version (a migration added out of order), or one with a
// version the binary does not know (a migration renumbered or removed). Returns the current
// version.
std::int64_t CheckHistory(Connection& conn, const std::vector<Migration>& migrations) {
  const std::int64_t latest = migrations.empty() ? 0 : migrations.back().version;
  std::set<std::int64_t> applied;
  for (const Row& row : conn.Query(kAppliedVersions)) applied.insert(row.Int(0));
  if (applied.empty()) return 0;
  const std::int64_t current = *applied.rbegin();
  if (current > latest) ThrowNewer(current, latest);
  std::set<std::int64_t> known;
  for (const Migration& m : migrations) {
    known.insert(m.version);
    if (m.version < current && !applied.contains(m.version)) {
      throw std::runtime_error("migration " + std::string(m.path) +
                               " is not applied but the database is already at version " +
                               std::to_string(current) +
                               "; new migrations must be numbered after released ones");
    }
  }
  for (std::int64_t version : applied) {
    if (!known.contains(version)) {
      throw std::runtime_error("database has migration " + std::to_string(version) +
                               " applied, which this binary does not know");
    }
  }
  return current;
}

}  // namespace

Migrator::Migrator(Connection& conn, const Clock& clock)
    : Migrator(conn, clock, embedded::Migrations()) {}

Migrator::Migrator(Connection& conn, const Clock& clock, std::span<const embedded::File> files)
    : conn_(conn), clock_(clock), files_(files) {}

std::vector<std::int64_t> Migrator::Migrate() {
  const std::vector<Migration> migrations = Load(files_, conn_.Dialect());
  const std::int64_t latest = migrations.empty() ? 0 : migrations.back().version;
  conn_.Execute(kCreateTable);
  const std::int64_t start = CheckHistory(conn_, migrations);

  std::vector<std::int64_t> applied;
  for (const Migration& m : migrations) {
    if (m.version <= start) continue;
    Transaction tx(conn_);
    // Another process may have migrated since CheckHistory; Begin() serialises writers, so the
    // version read here stays true until Commit().
    const std::int64_t current = CurrentVersion(conn_);
    if (current > latest) ThrowNewer(current, latest);
    if (current >= m.version) continue;  // tx rolls back; nothing was written
    try {
      conn_.ExecuteScript(m.sql);
      conn_.Execute(kRecord, {m.version, std::string(m.name), clock_.NowMillis()});
      tx.Commit();
    } catch (const std::exception& e) {
      throw std::runtime_error("migration " + std::string(m.path) + " failed: " + e.what());
    }
    applied.push_back(m.version);
  }
  return applied;
}

MigrationStatus Migrator::Status() {
  const std::vector<Migration> migrations = Load(files_, conn_.Dialect());
  MigrationStatus status;
  status.latest = migrations.empty() ? 0 : migrations.back().version;
  if (TableExists(conn_)) status.current = CurrentVersion(conn_);
  return status;
}

}  // namespace careops::db
