#pragma once
// The one place an Error becomes an HTTP answer: status from the code, JSON body
// {"error": {"code", "message", "field"?, "problems"?}}, Retry-After for 429/503. `detail` never
// leaves.

#include "core/error.hpp"
#include "http/json.hpp"
#include "http/message.hpp"

namespace careops::http {

int HttpStatus(ErrorCode code);
// The inverse, for answers the server builds from a bare status; unknown 4xx -> invalid_argument,
// unknown 5xx -> internal.
ErrorCode ErrorCodeForStatus(int status);
Response ErrorResponse(const Error& error);
// The same answer with more members beside "error" (e.g. a taken slot's 409 carries the free
// "slots"); `extra` must be an object and cannot replace "error".
Response ErrorResponse(const Error& error, const Json& extra);

}  // namespace careops::http

// In a handler: binds `var` to the Result of `expr`, or answers with its error. (`var` names a
// new variable, so it cannot be parenthesised.)
// NOLINTBEGIN(bugprone-macro-parentheses)
#define TRY_ASSIGN(var, expr) \
  auto var = (expr);          \
  if (!var.ok()) return ::careops::http::ErrorResponse(var.error())
// NOLINTEND(bugprone-macro-parentheses)

namespace careops::http {}  // namespace careops::http
