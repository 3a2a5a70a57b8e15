#pragma once
// A workspace's contacts as CSV (docs/API.md, Contacts): import and export. Knows nothing of
// HTTP. Thread-safe (stateless; uses the caller's connection).
//
// Import: the header row names the columns, case-insensitively and in any order, among
// name, email, phone, tags (several, separated by ';' or '|') and notes; others are ignored.
// Each row is checked as a contact typed in would be (contact_rules.hpp) and either creates a
// contact (source "import") or merges into the one with its phone, else its email: non-empty
// cells replace what the contact has, tags are added to its own, empty cells change nothing.
// A bad row is reported with its line (1 = the header) and why, and the others go on. Rows
// with every known cell empty are skipped and not counted. Rows are written in transactions of
// kImportBatchRows, so a large file never holds the database for long (and a failure part-way
// keeps the batches before it: importing the file again merges, it does not duplicate).
// Cells the export protected against formula injection ("'=…", "'+1…") are read back without
// the apostrophe.
//
// Export: every contact, by name, as name,email,phone,tags,notes,sms_opted_out,
// email_opted_out,created_at (tags joined by ';'; true/false; created_at in ISO 8601 UTC),
// through csv::Writer (quoting, formula-injection protection).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace careops {
class Clock;
}
namespace careops::db {
class Connection;
}

namespace careops::contacts {

inline constexpr std::size_t kImportBatchRows = 500;
// The largest CSV body the import route takes.
inline constexpr std::size_t kMaxImportBytes = std::size_t{20} << 20;

struct RejectedRow {
  std::size_t line = 0;  // physical line where the row starts; 1 = the header
  std::string reason;    // public: "phone must be a mobile number …"
};

struct ImportReport {
  std::int64_t imported = 0;  // contacts created
  std::int64_t updated = 0;   // rows merged into an existing contact
  std::vector<RejectedRow> rejected;
  std::int64_t total = 0;  // rows read (not the header, not blank rows)
};

class ContactCsv {
 public:
  explicit ContactCsv(const Clock& clock) : clock_(clock) {}

  // InvalidArgument (field "body") when the text is empty or its header row is not usable:
  // malformed, naming none of the columns above, naming one twice, or naming neither email
  // nor phone. NotFound for a workspace that does not exist.
  Result<ImportReport> Import(db::Connection& conn, std::int64_t workspace_id,
                              std::string_view csv) const;
  // The whole file, header included.
  std::string Export(db::Connection& conn, std::int64_t workspace_id) const;

 private:
  const Clock& clock_;
};

}  // namespace careops::contacts
