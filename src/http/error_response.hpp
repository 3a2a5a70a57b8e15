#pragma once
// The one place an Error becomes an HTTP answer: status from the code, JSON body
// {"error": {"code", "message", "field"?, "problems"?}}, Retry-After for 429/503. `detail` never
// leaves.

#include "core/error.hpp"
#include "http/message.hpp"

namespace careops::http {

int HttpStatus(ErrorCode code);
// The inverse, for answers the server builds from a bare status; unknown 4xx -> invalid_argument,
// unknown 5xx -> internal.
ErrorCode ErrorCodeForStatus(int status);
Response ErrorResponse(const Error& error);

}  // namespace careops::http
