#pragma once
// CSV (RFC 4180) read and written one record at a time. Generic: knows nothing of contacts.
// Neither class is thread-safe; both are cheap to create.

#include <cstddef>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace careops::csv {

struct Record {
  std::size_t line = 0;  // physical line (1-based) where the record starts
  std::vector<std::string> fields;
  std::string error;  // not empty: the record is malformed and `fields` incomplete
};

// Reads the records of `text` in order without copying more than the record at hand.
// Accepted beyond the letter of RFC 4180, as spreadsheets write it: a UTF-8 byte-order mark
// at the start; LF or a lone CR as well as CRLF between records; a quote inside an unquoted
// field is kept as text. Quoted fields may hold commas, line breaks (kept as they are) and
// "" for a quote. Lines with nothing on them are skipped, so a record is never empty.
//
// Malformed records come back with `error` set, and reading goes on:
//   - text after a closing quote on the line the record starts on ("ab"c): the rest of that
//     physical line is skipped;
//   - a quote never closed, or closed on a later line but followed by text (most likely a
//     stray opening quote that took the lines after it along): the record is the line it
//     starts on, and reading resumes on the next physical line — so one stray quote costs
//     one line, not the rest of the file.
// `text` must outlive the reader.
class Reader {
 public:
  explicit Reader(std::string_view text);

  // The next record into `out` (its storage is reused); false at the end of the text.
  bool Next(Record& out);

 private:
  // Consumes one line break at pos_ (CRLF, LF or CR); false when there is none.
  bool ConsumeLineBreak();
  // Moves to the start of the physical line after the one holding `from`; line_ = `line` + 1.
  void SkipToLineAfter(std::size_t from, std::size_t line);
  // Reads a quoted field at pos_ (on the opening quote) into `field`; false when unterminated.
  bool ReadQuoted(std::string& field);

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

// A cell as written: a leading apostrophe when it starts with =, +, -, @, a tab or a CR (a
// spreadsheet would run it as a formula: "CSV injection"), then quoted, quotes doubled, when
// it holds a comma, a quote, a CR or an LF — or starts or ends with a space.
std::string EscapeCell(std::string_view cell);

// Appends records, CRLF-terminated, to a string.
class Writer {
 public:
  void Row(std::span<const std::string> cells);
  void Row(std::initializer_list<std::string_view> cells);
  const std::string& text() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  template <typename Range>
  void Append(const Range& cells);
  std::string out_;
};

}  // namespace careops::csv
