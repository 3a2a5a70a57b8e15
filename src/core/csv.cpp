#include "core/csv.hpp"

namespace careops::csv {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool IsLineBreak(char c) { return c == '\r' || c == '\n'; }

bool StartsFormula(std::string_view cell) {
  if (cell.empty()) return false;
  const char c = cell.front();
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

bool NeedsQuotes(std::string_view cell) {
  if (cell.empty()) return false;
  return cell.find_first_of(",\"\r\n") != std::string_view::npos || cell.front() == ' ' ||
         cell.back() == ' ';
}

}  // namespace

Reader::Reader(std::string_view text) : text_(text) {
  if (text_.starts_with(kBom)) pos_ = kBom.size();
}

bool Reader::ConsumeLineBreak() {
  if (pos_ >= text_.size() || !IsLineBreak(text_[pos_])) return false;
  if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
  ++pos_;
  ++line_;
  return true;
}

void Reader::SkipToLineAfter(std::size_t from, std::size_t line) {
  pos_ = from;
  while (pos_ < text_.size() && !IsLineBreak(text_[pos_])) ++pos_;
  line_ = line;
  ConsumeLineBreak();
}

bool Reader::ReadQuoted(std::string& field) {
  ++pos_;  // the opening quote
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c == '"') {
      if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
        field += '"';
        pos_ += 2;
        continue;
      }
      ++pos_;  // the closing quote
      return true;
    }
    if (IsLineBreak(c)) {
      const std::size_t start = pos_;
      ConsumeLineBreak();
      field.append(text_.substr(start, pos_ - start));
      continue;
    }
    const std::size_t end = text_.find_first_of("\"\r\n", pos_);
    const std::size_t stop = end == std::string_view::npos ? text_.size() : end;
    field.append(text_.substr(pos_, stop - pos_));
    pos_ = stop;
  }
  return false;
}

bool Reader::Next(Record& out) {
  while (ConsumeLineBreak()) {
  }
  if (pos_ >= text_.size()) return false;
  out.line = line_;
  out.fields.clear();
  out.error.clear();
  const std::size_t record_start = pos_;
  for (;;) {
    std::string field;
    if (text_[pos_] == '"') {
      if (!ReadQuoted(field)) {
        out.error = "a quoted field is not closed";
        SkipToLineAfter(record_start, out.line);
        return true;
      }
      if (pos_ < text_.size() && text_[pos_] != ',' && !IsLineBreak(text_[pos_])) {
        if (line_ == out.line) {
          out.error = "unexpected text after a closing quote";
          SkipToLineAfter(pos_, line_);
        } else {  // most likely a stray opening quote took the lines after it along
          out.error = "a quoted field is not closed";
          SkipToLineAfter(record_start, out.line);
        }
        return true;
      }
    } else {
      const std::size_t end = text_.find_first_of(",\r\n", pos_);
      const std::size_t stop = end == std::string_view::npos ? text_.size() : end;
      field.assign(text_.substr(pos_, stop - pos_));
      pos_ = stop;
    }
    out.fields.push_back(std::move(field));
    if (pos_ >= text_.size()) return true;
    if (text_[pos_] != ',') {
      ConsumeLineBreak();
      return true;
    }
    ++pos_;  // the comma; a field (perhaps empty) follows
    if (pos_ >= text_.size()) {
      out.fields.emplace_back();
      return true;
    }
  }
}

std::string EscapeCell(std::string_view cell) {
  std::string text;
  text.reserve(cell.size() + 3);
  if (StartsFormula(cell)) text += '\'';
  text += cell;
  if (!NeedsQuotes(text)) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

template <typename Range>
void Writer::Append(const Range& cells) {
  bool first = true;
  for (const auto& cell : cells) {
    if (!first) out_ += ',';
    first = false;
    out_ += EscapeCell(cell);
  }
  out_ += "\r\n";
}

void Writer::Row(std::span<const std::string> cells) { Append(cells); }
void Writer::Row(std::initializer_list<std::string_view> cells) { Append(cells); }

}  // namespace careops::csv
