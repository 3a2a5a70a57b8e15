#pragma once
// Request-target, path and query parsing with our own percent-decoding (Boost 1.74 has no
// Boost.URL). Pure functions: thread-safe, no allocation beyond their results.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace careops::http {

// Longest raw path (bytes before '?') ParseTarget accepts.
inline constexpr std::size_t kMaxPathBytes = 8 * 1024;

struct Target {
  std::string raw_path;  // as sent, still percent-encoded: split this with SplitPath
  std::string path;      // percent-decoded ('+' stays '+'); may contain a decoded "%2F"
  std::string query;     // raw text after the first '?', without the fragment; may be empty
};

// Parses an origin-form request-target ("/path?query"). Absolute-form ("http://h/x"),
// authority-form and "*" are refused, as are control characters or spaces anywhere in the
// target, a raw path over kMaxPathBytes, bad escapes ("%zz", "%4") in the path, and a path
// that decodes to a NUL or another control character. A "#fragment" is dropped. Errors are
// InvalidArgument with field "target" or "path". The query is not validated here: ParseQuery.
Result<Target> ParseTarget(std::string_view target);

// Decodes %XX escapes (hex digits of either case); '+' becomes a space only when
// `plus_as_space`. nullopt on a bad or truncated escape. Any byte may result, NUL included.
std::optional<std::string> PercentDecode(std::string_view in, bool plus_as_space);

// Keeps RFC 3986 unreserved characters (ALPHA DIGIT - . _ ~) and writes every other byte as
// %XX with uppercase hex. PercentDecode(PercentEncode(s), false) == s for any s.
std::string PercentEncode(std::string_view in);

// Name/value pairs in the order sent; names may repeat.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Parses application/x-www-form-urlencoded text (a query string or a form body such as a
// Twilio webhook): '&'-separated pieces, '+' is a space, a piece without '=' has an empty
// value, empty pieces are skipped. Names and values are decoded and may hold any byte
// (newlines, NUL): callers validate the fields they use. A bad escape is InvalidArgument
// with field "query".
Result<QueryParams> ParseQuery(std::string_view query);

// The value of the first parameter called `name`, if any.
std::optional<std::string> FindParam(const QueryParams& params, std::string_view name);
// The first parameter called `name` as an integer; nullopt when absent; InvalidArgument
// naming it ("limit must be an integer") when it is not one.
Result<std::optional<std::int64_t>> IntParam(const QueryParams& params, const char* name);
// The same within [lo, hi]; nullopt when absent or empty; InvalidArgument naming it ("limit
// must be a number from 1 to 200") otherwise.
Result<std::optional<std::int64_t>> IntParamIn(const QueryParams& params, const char* name,
                                               std::int64_t lo, std::int64_t hi);
// A yes/no parameter: "1"/"true" or "0"/"false"; false when absent; InvalidArgument naming it
// ("include_archived must be 1 or 0") for anything else.
Result<bool> FlagParam(const QueryParams& params, const char* name);

// Splits a path on '/', ignoring one leading '/': "/a/b/" -> {"a", "b", ""}, "/" -> {},
// "" -> {}. Split the raw (encoded) path, then decode each segment, so that an encoded
// "%2F" stays inside its segment. The views point into `raw_path`.
std::vector<std::string_view> SplitPath(std::string_view raw_path);

}  // namespace careops::http
