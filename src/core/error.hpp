#pragma once
// The one error type of CareOps. Services return Result<T>; the HTTP layer maps an Error to a
// status and the JSON body {"error": {"code", "message", "field", "problems"}} in exactly one
// place (http/error_response.cpp). `message` is safe to show to a client; `detail` is for logs
// only.

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace careops {

enum class ErrorCode {
  kInvalidArgument,       // 400: malformed or wrong-typed input
  kUnauthenticated,       // 401
  kPermissionDenied,      // 403
  kNotFound,              // 404
  kMethodNotAllowed,      // 405
  kConflict,              // 409
  kGone,                  // 410: existed, but is used up, expired or withdrawn (an invitation link)
  kPayloadTooLarge,       // 413
  kUnsupportedMediaType,  // 415: a body of a content type the route does not take
  kUnprocessable,         // 422: well-formed but breaks a rule
  kRateLimited,           // 429, with retry_after_seconds
  kHeadersTooLarge,       // 431
  kInternal,              // 500
  kUnavailable,           // 503
};

// Stable wire name of a code ("invalid_argument", ...).
const char* ErrorCodeName(ErrorCode code);

// One of several things wrong with an input, for answers that list them all (the steps missing
// before activation, the bad fields of a form).
struct Problem {
  std::string field;    // what it is about: an input field or a step key
  std::string message;  // public, shown to clients
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;               // public, shown to clients
  std::optional<std::string> field;  // the input field at fault, when there is one
  std::string detail;                // internal, logged, never sent
  int retry_after_seconds = 0;       // for kRateLimited / kUnavailable; 0 = not set
  std::vector<Problem> problems;     // sent as "problems": [{"field", "message"}] when not empty

  static Error InvalidArgument(std::string message, std::optional<std::string> field = {}) {
    return {ErrorCode::kInvalidArgument, std::move(message), std::move(field), {}, 0, {}};
  }
  static Error Unauthenticated(std::string message = "authentication required") {
    return {ErrorCode::kUnauthenticated, std::move(message), {}, {}, 0, {}};
  }
  static Error PermissionDenied(std::string message = "permission denied") {
    return {ErrorCode::kPermissionDenied, std::move(message), {}, {}, 0, {}};
  }
  static Error NotFound(std::string message = "not found") {
    return {ErrorCode::kNotFound, std::move(message), {}, {}, 0, {}};
  }
  static Error Conflict(std::string message, std::optional<std::string> field = {}) {
    return {ErrorCode::kConflict, std::move(message), std::move(field), {}, 0, {}};
  }
  static Error Gone(std::string message) {
    return {ErrorCode::kGone, std::move(message), {}, {}, 0, {}};
  }
  static Error UnsupportedMediaType(std::string message) {
    return {ErrorCode::kUnsupportedMediaType, std::move(message), {}, {}, 0, {}};
  }
  static Error Unprocessable(std::string message, std::optional<std::string> field = {}) {
    return {ErrorCode::kUnprocessable, std::move(message), std::move(field), {}, 0, {}};
  }
  static Error RateLimited(int retry_after_seconds, std::string message = "too many requests") {
    return {ErrorCode::kRateLimited, std::move(message), {}, {}, retry_after_seconds, {}};
  }
  static Error Unavailable(std::string message, int retry_after_seconds = 0) {
    return {ErrorCode::kUnavailable, std::move(message), {}, {}, retry_after_seconds, {}};
  }
  static Error Internal(std::string detail) {
    return {ErrorCode::kInternal, "internal error", {}, std::move(detail), 0, {}};
  }
};

// Either a value or an Error. Cheap to move; check with ok() before value().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const Error& error() const& { return std::get<1>(v_); }
  Error&& error() && { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const& { return *error_; }
  Error&& error() && { return std::move(*error_); }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;
inline Status Ok() { return {}; }

}  // namespace careops
