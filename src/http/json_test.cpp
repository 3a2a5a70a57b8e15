#include "http/json.hpp"

#include <gtest/gtest.h>

#include "http/error_response.hpp"

namespace careops::http {
namespace {

Request JsonRequest(std::string body, std::string type = "application/json") {
  Request r;
  r.method = Method::kPost;
  r.headers.Set("Content-Type", std::move(type));
  r.body = std::move(body);
  return r;
}

TEST(JsonBodyTest, AcceptsObjectsWithCharset) {
  auto j = ParseJsonObject(JsonRequest(R"({"a": 1})", "application/json; charset=utf-8"));
  ASSERT_TRUE(j.ok());
  EXPECT_EQ((*j)["a"], 1);
}

TEST(JsonBodyTest, RejectsWithAClearReason) {
  struct Case {
    Request request;
    std::string field;
    std::string says;
  };
  for (const Case& c : {Case{JsonRequest("{}", "text/plain"), "Content-Type", "application/json"},
                        Case{JsonRequest(""), "body", "empty"},
                        Case{JsonRequest("{\"a\": "), "body", "not valid JSON"},
                        Case{JsonRequest("[1,2]"), "body", "JSON object"},
                        Case{JsonRequest("\"x\""), "body", "JSON object"}}) {
    auto j = ParseJsonObject(c.request);
    ASSERT_FALSE(j.ok()) << c.request.body;
    EXPECT_EQ(j.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(j.error().field, c.field);
    EXPECT_NE(j.error().message.find(c.says), std::string::npos) << j.error().message;
  }
}

TEST(JsonFieldsTest, WrongTypeNamesTheField) {
  const Json body = {{"name", 5}, {"count", "x"}, {"on", "yes"}, {"ok", "fine"}, {"gone", nullptr}};
  EXPECT_EQ(OptionalString(body, "name").error().field, "name");
  EXPECT_EQ(OptionalInt(body, "count").error().field, "count");
  EXPECT_EQ(OptionalBool(body, "on").error().field, "on");
  EXPECT_EQ(*OptionalString(body, "ok").value(), "fine");
  EXPECT_FALSE(OptionalString(body, "gone").value().has_value());
  EXPECT_FALSE(OptionalString(body, "absent").value().has_value());
  auto missing = RequiredString(body, "absent");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "absent is required");
}

TEST(ErrorResponseTest, BodyShapeAndHeaders) {
  Response r =
      ErrorResponse(Error::InvalidArgument("phone_number is not a valid number", "phone_number"));
  EXPECT_EQ(r.status, 400);
  auto j = Json::parse(r.body);
  EXPECT_EQ(j["error"]["code"], "invalid_argument");
  EXPECT_EQ(j["error"]["field"], "phone_number");

  Error internal = Error::Internal("SQL: SELECT secret FROM t");
  Response hidden = ErrorResponse(internal);
  EXPECT_EQ(hidden.status, 500);
  EXPECT_EQ(hidden.body.find("SELECT"), std::string::npos);

  Response gone = ErrorResponse(Error::Gone("this invitation was already used"));
  EXPECT_EQ(gone.status, 410);
  EXPECT_EQ(Json::parse(gone.body)["error"]["code"], "gone");

  Response media = ErrorResponse(Error::UnsupportedMediaType("the body must be text/csv"));
  EXPECT_EQ(media.status, 415);
  EXPECT_EQ(Json::parse(media.body)["error"]["code"], "unsupported_media_type");

  Response limited = ErrorResponse(Error::RateLimited(30));
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.headers.Get("Retry-After"), "30");
}

TEST(ErrorResponseTest, ExtraMembersSitBesideTheErrorButNeverReplaceIt) {
  Response r = ErrorResponse(Error::Conflict("taken", "start"),
                             Json{{"slots", Json::array({1, 2})}, {"error", "spoofed"}});
  EXPECT_EQ(r.status, 409);
  auto j = Json::parse(r.body);
  EXPECT_EQ(j["slots"], Json::array({1, 2}));
  EXPECT_EQ(j["error"]["code"], "conflict");
  EXPECT_EQ(j["error"]["field"], "start");
}

TEST(ErrorResponseTest, StatusMapsBackToCode) {
  EXPECT_EQ(ErrorCodeForStatus(410), ErrorCode::kGone);
  EXPECT_EQ(ErrorCodeForStatus(413), ErrorCode::kPayloadTooLarge);
  EXPECT_EQ(ErrorCodeForStatus(415), ErrorCode::kUnsupportedMediaType);
  EXPECT_EQ(ErrorCodeForStatus(431), ErrorCode::kHeadersTooLarge);
  EXPECT_EQ(ErrorCodeForStatus(500), ErrorCode::kInternal);
  EXPECT_EQ(ErrorCodeForStatus(502), ErrorCode::kInternal);
  EXPECT_EQ(ErrorCodeForStatus(418), ErrorCode::kInvalidArgument);
}

TEST(JsonResponseTest, InvalidUtf8NeverThrows) {
  Response r = JsonResponse(200, {{"s", std::string("bad \xff byte")}});
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("bad"), std::string::npos);
}

}  // namespace
}  // namespace careops::http
