#include "http/url.hpp"

#include <charconv>

namespace careops::http {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsControl(unsigned char c) { return c < 0x20 || c == 0x7F; }

bool IsUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

}  // namespace

Result<Target> ParseTarget(std::string_view target) {
  if (target.empty()) return Error::InvalidArgument("request target is empty", "target");
  for (const char c : target) {
    const auto byte = static_cast<unsigned char>(c);
    if (IsControl(byte) || byte == ' ') {
      return Error::InvalidArgument("request target contains a control character or space",
                                    "target");
    }
  }
  // Only origin-form: this also refuses "*" and absolute-form ("http://host/x").
  if (target.front() != '/') {
    return Error::InvalidArgument("request target must be a path starting with '/'", "target");
  }
  target = target.substr(0, target.find('#'));

  const std::size_t question = target.find('?');
  const std::string_view raw_path = target.substr(0, question);
  const std::string_view query =
      question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
  if (raw_path.size() > kMaxPathBytes) {
    return Error::InvalidArgument("path is longer than 8192 bytes", "path");
  }
  std::optional<std::string> path = PercentDecode(raw_path, /*plus_as_space=*/false);
  if (!path) return Error::InvalidArgument("path has a malformed percent-escape", "path");
  for (const char c : *path) {
    if (c == '\0') return Error::InvalidArgument("path contains an encoded NUL byte", "path");
    if (IsControl(static_cast<unsigned char>(c))) {
      return Error::InvalidArgument("path contains an encoded control character", "path");
    }
  }
  return Target{std::string(raw_path), std::move(*path), std::string(query)};
}

std::optional<std::string> PercentDecode(std::string_view in, bool plus_as_space) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '%') {
      if (in.size() - i < 3) return std::nullopt;
      const int hi = HexValue(in[i + 1]);
      const int lo = HexValue(in[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_as_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string PercentEncode(std::string_view in) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(in.size());
  for (const char c : in) {
    const auto byte = static_cast<unsigned char>(c);
    if (IsUnreserved(byte)) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0x0F]);
    }
  }
  return out;
}

Result<QueryParams> ParseQuery(std::string_view query) {
  QueryParams params;
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view piece = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (piece.empty()) continue;

    const std::size_t eq = piece.find('=');
    std::optional<std::string> name = PercentDecode(piece.substr(0, eq), true);
    std::optional<std::string> value =
        eq == std::string_view::npos ? std::string() : PercentDecode(piece.substr(eq + 1), true);
    if (!name || !value) {
      return Error::InvalidArgument("query has a malformed percent-escape", "query");
    }
    params.emplace_back(std::move(*name), std::move(*value));
  }
  return params;
}

std::optional<std::string> FindParam(const QueryParams& params, std::string_view name) {
  for (const auto& [key, value] : params) {
    if (key == name) return value;
  }
  return std::nullopt;
}

Result<std::optional<std::int64_t>> IntParam(const QueryParams& params, const char* name) {
  const auto text = FindParam(params, name);
  if (!text) return std::optional<std::int64_t>();
  std::int64_t value = 0;
  const char* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (text->empty() || ec != std::errc() || ptr != end) {
    return Error::InvalidArgument(std::string(name) + " must be an integer", name);
  }
  return std::optional<std::int64_t>(value);
}

Result<std::optional<std::int64_t>> IntParamIn(const QueryParams& params, const char* name,
                                               std::int64_t lo, std::int64_t hi) {
  const auto text = FindParam(params, name);
  if (!text || text->empty()) return std::optional<std::int64_t>();
  auto value = IntParam(params, name);
  if (!value.ok()) return std::move(value).error();
  if (!*value || **value < lo || **value > hi) {
    return Error::InvalidArgument(std::string(name) + " must be a number from " +
                                      std::to_string(lo) + " to " + std::to_string(hi),
                                  name);
  }
  return *value;
}

Result<bool> FlagParam(const QueryParams& params, const char* name) {
  const std::string text = FindParam(params, name).value_or("0");
  if (text == "1" || text == "true") return true;
  if (text == "0" || text == "false") return false;
  return Error::InvalidArgument(std::string(name) + " must be 1 or 0", name);
}

std::vector<std::string_view> SplitPath(std::string_view raw_path) {
  std::vector<std::string_view> segments;
  if (!raw_path.empty() && raw_path.front() == '/') raw_path.remove_prefix(1);
  if (raw_path.empty()) return segments;
  while (true) {
    const std::size_t slash = raw_path.find('/');
    segments.push_back(raw_path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    raw_path.remove_prefix(slash + 1);
  }
  return segments;
}

}  // namespace careops::http
