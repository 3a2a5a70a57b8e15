#include "http/json.hpp"

#include <strings.h>

namespace careops::http {
namespace {

Error WrongType(const char* field, const char* type) {
  return Error::InvalidArgument(std::string(field) + " must be " + type, field);
}

const Json* Lookup(const Json& object, const char* field) {
  auto it = object.find(field);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

}  // namespace

Response JsonResponse(int status, const Json& body) {
  Response response;
  response.status = status;
  response.headers.Set("Content-Type", "application/json; charset=utf-8");
  response.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  return response;
}

Result<Json> ParseJsonObject(const Request& request) {
  const auto type = request.headers.Get("Content-Type").value_or("");
  if (type.size() < 16 || strncasecmp(type.data(), "application/json", 16) != 0) {
    return Error::InvalidArgument("Content-Type must be application/json", "Content-Type");
  }
  if (request.body.empty()) return Error::InvalidArgument("request body is empty", "body");
  Json parsed;
  try {
    parsed = Json::parse(request.body);
  } catch (const Json::parse_error& e) {
    return Error::InvalidArgument(
        "request body is not valid JSON (at byte " + std::to_string(e.byte) + ")", "body");
  }
  if (!parsed.is_object())
    return Error::InvalidArgument("request body must be a JSON object", "body");
  return parsed;
}

Result<std::optional<std::string>> OptionalString(const Json& object, const char* field) {
  const Json* v = Lookup(object, field);
  if (v == nullptr) return std::optional<std::string>();
  if (!v->is_string()) return WrongType(field, "a string");
  return std::optional<std::string>(v->get<std::string>());
}

Result<std::string> RequiredString(const Json& object, const char* field) {
  auto v = OptionalString(object, field);
  if (!v.ok()) return std::move(v).error();
  if (!v.value()) return Error::InvalidArgument(std::string(field) + " is required", field);
  return std::move(*v.value());
}

Result<std::optional<std::int64_t>> OptionalInt(const Json& object, const char* field) {
  const Json* v = Lookup(object, field);
  if (v == nullptr) return std::optional<std::int64_t>();
  if (!v->is_number_integer()) return WrongType(field, "an integer");
  return std::optional<std::int64_t>(v->get<std::int64_t>());
}

Result<std::optional<bool>> OptionalBool(const Json& object, const char* field) {
  const Json* v = Lookup(object, field);
  if (v == nullptr) return std::optional<bool>();
  if (!v->is_boolean()) return WrongType(field, "true or false");
  return std::optional<bool>(v->get<bool>());
}

}  // namespace careops::http
