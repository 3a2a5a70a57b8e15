#include "http/error_response.hpp"

#include "http/json.hpp"

namespace careops::http {

int HttpStatus(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kPermissionDenied:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kMethodNotAllowed:
      return 405;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kGone:
      return 410;
    case ErrorCode::kPayloadTooLarge:
      return 413;
    case ErrorCode::kUnsupportedMediaType:
      return 415;
    case ErrorCode::kUnprocessable:
      return 422;
    case ErrorCode::kRateLimited:
      return 429;
    case ErrorCode::kHeadersTooLarge:
      return 431;
    case ErrorCode::kInternal:
      return 500;
    case ErrorCode::kUnavailable:
      return 503;
  }
  return 500;
}

ErrorCode ErrorCodeForStatus(int status) {
  for (ErrorCode code :
       {ErrorCode::kInvalidArgument, ErrorCode::kUnauthenticated, ErrorCode::kPermissionDenied,
        ErrorCode::kNotFound, ErrorCode::kMethodNotAllowed, ErrorCode::kConflict, ErrorCode::kGone,
        ErrorCode::kPayloadTooLarge, ErrorCode::kUnsupportedMediaType, ErrorCode::kUnprocessable,
        ErrorCode::kRateLimited, ErrorCode::kHeadersTooLarge, ErrorCode::kInternal,
        ErrorCode::kUnavailable}) {
    if (HttpStatus(code) == status) return code;
  }
  return status >= 500 ? ErrorCode::kInternal : ErrorCode::kInvalidArgument;
}

Response ErrorResponse(const Error& error) { return ErrorResponse(error, Json::object()); }

Response ErrorResponse(const Error& error, const Json& extra) {
  Json inner = {{"code", ErrorCodeName(error.code)}, {"message", error.message}};
  if (error.field) inner["field"] = *error.field;
  if (!error.problems.empty()) {
    Json problems = Json::array();
    for (const Problem& p : error.problems) {
      problems.push_back({{"field", p.field}, {"message", p.message}});
    }
    inner["problems"] = std::move(problems);
  }
  Json body = extra.is_object() ? extra : Json::object();
  body["error"] = std::move(inner);
  Response response = JsonResponse(HttpStatus(error.code), body);
  if (error.retry_after_seconds > 0) {
    response.headers.Set("Retry-After", std::to_string(error.retry_after_seconds));
  }
  if (error.code == ErrorCode::kUnauthenticated) {
    response.headers.Set("WWW-Authenticate", "Bearer");
  }
  return response;
}

}  // namespace careops::http
