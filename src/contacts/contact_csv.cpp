#include "contacts/contact_csv.hpp"

#include <time.h>

#include <array>
#include <ctime>
#include <optional>
#include <utility>

#include "contacts/contact_repository.hpp"
#include "contacts/contact_rules.hpp"
#include "contacts/contact_service.hpp"
#include "contacts/model.hpp"
#include "core/clock.hpp"
#include "core/csv.hpp"
#include "db/database.hpp"

namespace careops::contacts {
namespace {

enum Column : std::size_t { kName, kEmail, kPhone, kTags, kNotes, kColumns };
constexpr std::array<std::string_view, kColumns> kColumnNames = {"name", "email", "phone", "tags",
                                                                 "notes"};
constexpr int kExportPage = 1000;

// Where each known column is in a row; -1 when the header does not name it.
using ColumnIndex = std::array<int, kColumns>;

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string LowerTrimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  s = s.substr(first, s.find_last_not_of(" \t") - first + 1);
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Error BadHeader(std::string message) { return Error::InvalidArgument(std::move(message), "body"); }

Result<ColumnIndex> ReadHeader(const csv::Record& header) {
  if (!header.error.empty()) return BadHeader("the header row is malformed: " + header.error);
  ColumnIndex index;
  index.fill(-1);
  bool any = false;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string name = LowerTrimmed(header.fields[i]);
    for (std::size_t c = 0; c < kColumns; ++c) {
      if (name != kColumnNames[c]) continue;
      if (index[c] >= 0) return BadHeader("the header row names the column " + name + " twice");
      index[c] = static_cast<int>(i);
      any = true;
    }
  }
  if (!any) {
    return BadHeader(
        "the first row must name the columns, among name, email, phone, tags and notes");
  }
  if (index[kEmail] < 0 && index[kPhone] < 0) {
    return BadHeader("the header row must name an email or a phone column");
  }
  return index;
}

// A row's cell in `column` ("" when the header or the row lacks it), without the apostrophe
// the export puts before a formula-like cell.
std::string_view Cell(const csv::Record& row, const ColumnIndex& index, Column column) {
  const int i = index[column];
  if (i < 0 || static_cast<std::size_t>(i) >= row.fields.size()) return {};
  std::string_view cell = row.fields[static_cast<std::size_t>(i)];
  if (cell.size() >= 2 && cell[0] == '\'' &&
      std::string_view("=+-@\t\r").find(cell[1]) != std::string_view::npos) {
    cell.remove_prefix(1);
  }
  return cell;
}

bool AllBlank(const csv::Record& row, const ColumnIndex& index) {
  for (std::size_t c = 0; c < kColumns; ++c) {
    if (!IsBlank(Cell(row, index, static_cast<Column>(c)))) return false;
  }
  return true;
}

// A row as a contact's fields, normalised; empty cells are empty (or nullopt).
Result<Contact> ReadRow(const csv::Record& row, const ColumnIndex& index, std::string_view region) {
  Contact c;
  auto name = NormalizeName(Cell(row, index, kName));
  if (!name.ok()) return std::move(name).error();
  c.name = std::move(name).value();
  auto email = NormalizeContactEmail(Cell(row, index, kEmail));
  if (!email.ok()) return std::move(email).error();
  c.email = std::move(email).value();
  auto phone = NormalizeContactPhone(Cell(row, index, kPhone), region);
  if (!phone.ok()) return std::move(phone).error();
  c.phone = std::move(phone).value();
  auto tags = NormalizeTags(SplitTagList(Cell(row, index, kTags)));
  if (!tags.ok()) return std::move(tags).error();
  c.tags = std::move(tags).value();
  const std::string_view notes_cell = Cell(row, index, kNotes);
  auto notes = NormalizeNotes(IsBlank(notes_cell) ? std::string_view() : notes_cell);
  if (!notes.ok()) return std::move(notes).error();
  c.notes = std::move(notes).value();
  if (Status any = RequireEmailOrPhone(c); !any.ok()) return std::move(any).error();
  return c;
}

// Writes one good row: a new contact (true), or merged into the one with its phone, else its
// email (false). Conflict when the merge would take another contact's phone or email.
Result<bool> WriteRow(ContactRepository& repo, Contact row, Millis now) {
  std::optional<Contact> found;
  if (row.phone) found = repo.FindByPhone(row.workspace_id, *row.phone);
  if (!found && row.email) found = repo.FindByEmail(row.workspace_id, *row.email);
  if (!found) {  // then no contact has its phone or its email: the lookups just said so
    row.source = kSourceImport;
    row.created_at = row.updated_at = now;
    auto id = repo.Insert(row);
    if (!id.ok()) return std::move(id).error();
    return true;
  }
  Contact merged = *found;
  if (!row.name.empty()) merged.name = row.name;
  if (row.email) merged.email = row.email;
  if (row.phone) merged.phone = row.phone;
  if (!row.notes.empty()) merged.notes = row.notes;
  if (!row.tags.empty()) {
    std::vector<std::string> all = merged.tags;
    all.insert(all.end(), row.tags.begin(), row.tags.end());
    auto tags = NormalizeTags(all);
    if (!tags.ok()) return std::move(tags).error();
    merged.tags = std::move(tags).value();
  }
  if (SameFields(merged, *found)) return false;
  if (Status unique = CheckUnique(repo, merged); !unique.ok()) return std::move(unique).error();
  merged.updated_at = now;
  if (Status saved = repo.Update(merged); !saved.ok()) return std::move(saved).error();
  return false;
}

std::string IsoUtc(Millis at) {
  const std::time_t seconds = static_cast<std::time_t>(at / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buf[32];
  const std::size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return std::string(buf, n);
}

std::string JoinTags(const std::vector<std::string>& tags) {
  std::string out;
  for (const auto& tag : tags) {
    if (!out.empty()) out += ';';
    out += tag;
  }
  return out;
}

}  // namespace

Result<ImportReport> ContactCsv::Import(db::Connection& conn, std::int64_t workspace_id,
                                        std::string_view text) const {
  csv::Reader reader(text);
  csv::Record record;
  if (!reader.Next(record)) return BadHeader("the file is empty");
  auto index = ReadHeader(record);
  if (!index.ok()) return std::move(index).error();
  auto region = WorkspaceRegion(conn, workspace_id);
  if (!region.ok()) return std::move(region).error();

  ImportReport report;
  ContactRepository repo(conn);
  std::optional<db::Transaction> batch;
  std::size_t batch_rows = 0;
  while (reader.Next(record)) {
    if (record.error.empty() && AllBlank(record, *index)) continue;
    ++report.total;
    if (!record.error.empty()) {
      report.rejected.push_back({record.line, record.error});
      continue;
    }
    auto row = ReadRow(record, *index, *region);
    if (!row.ok()) {
      report.rejected.push_back({record.line, row.error().message});
      continue;
    }
    row->workspace_id = workspace_id;
    if (!batch) batch.emplace(conn);
    auto created = WriteRow(repo, std::move(row).value(), clock_.NowMillis());
    if (!created.ok()) {
      report.rejected.push_back({record.line, created.error().message});
    } else {
      ++(*created ? report.imported : report.updated);
    }
    if (++batch_rows == kImportBatchRows) {
      batch->Commit();
      batch.reset();
      batch_rows = 0;
    }
  }
  if (batch) batch->Commit();
  return report;
}

std::string ContactCsv::Export(db::Connection& conn, std::int64_t workspace_id) const {
  csv::Writer out;
  out.Row({"name", "email", "phone", "tags", "notes", "sms_opted_out", "email_opted_out",
           "created_at"});
  ContactRepository repo(conn);
  ContactFilter page;
  page.limit = kExportPage;
  for (;;) {
    const std::vector<Contact> contacts = repo.List(workspace_id, page);
    for (const Contact& c : contacts) {
      out.Row({c.name, c.email.value_or(""), c.phone.value_or(""), JoinTags(c.tags), c.notes,
               c.sms_opted_out_at ? "true" : "false", c.email_opted_out_at ? "true" : "false",
               IsoUtc(c.created_at)});
    }
    if (contacts.size() < static_cast<std::size_t>(kExportPage)) break;
    page.after_name = contacts.back().name;
    page.after_id = contacts.back().id;
  }
  return out.Take();
}

}  // namespace careops::contacts
