#pragma once
// Applies the numbered migrations embedded in the binary (migrations/<dialect>/NNNN_name.sql),
// each in its own transaction, recording them in schema_migrations(version, name, applied_at).

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/embedded.hpp"

namespace careops::db {

class Connection;

struct MigrationStatus {
  std::int64_t current = 0;  // highest applied version (0 = none)
  std::int64_t latest = 0;   // highest version this binary knows
  bool up_to_date() const { return current == latest; }
};

class Migrator {
 public:
  // Uses the migrations embedded in the binary (embedded::Migrations()).
  Migrator(Connection& conn, const Clock& clock);
  // Uses `files` instead (tests); paths like "sqlite/0001_name.sql", any order. The files
  // must outlive the Migrator. Files under another dialect's folder, or not ending in ".sql",
  // are ignored; a malformed name or a duplicate version makes Migrate()/Status() throw
  // std::runtime_error.
  Migrator(Connection& conn, const Clock& clock, std::span<const embedded::File> files);

  // Applies every pending migration in order; returns the versions applied.
  // Throws std::runtime_error when the database is newer than the binary, or a migration
  // fails (that migration is rolled back; earlier ones stay applied).
  std::vector<std::int64_t> Migrate();
  // Reads the state without changing anything.
  MigrationStatus Status();

 private:
  Connection& conn_;
  const Clock& clock_;
  std::span<const embedded::File> files_;
};

}  // namespace careops::db
