#pragma once
// JSON in and out for handlers. Bodies must be `application/json` objects; wrong types are a
// 400 naming the field; unknown fields are ignored (DESIGN.md, HTTP conventions).

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "http/message.hpp"

namespace careops::http {

using Json = nlohmann::json;

// A JSON response: `application/json; charset=utf-8`, invalid UTF-8 replaced, never thrown.
Response JsonResponse(int status, const Json& body);

// The request body as a JSON object. 400 when the Content-Type is not JSON, the body is
// empty, malformed (with the byte offset), or not an object.
Result<Json> ParseJsonObject(const Request& request);

// Typed field readers: absent (or null) -> nullopt / error for Required; present with the
// wrong type -> 400 naming the field.
Result<std::optional<std::string>> OptionalString(const Json& object, const char* field);
Result<std::string> RequiredString(const Json& object, const char* field);
Result<std::optional<std::int64_t>> OptionalInt(const Json& object, const char* field);
Result<std::optional<bool>> OptionalBool(const Json& object, const char* field);

}  // namespace careops::http
