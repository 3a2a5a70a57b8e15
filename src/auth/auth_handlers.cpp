#include "auth/auth_handlers.hpp"

#include "auth/auth_json.hpp"
#include "auth/auth_service.hpp"
#include "auth/cookies.hpp"
#include "auth/login_service.hpp"
#include "auth/session_service.hpp"
#include "http/error_response.hpp"
#include "http/json.hpp"
#include "http/url.hpp"

namespace careops::auth {
namespace {

using http::ErrorResponse;
using http::Json;
using http::JsonResponse;
using http::RequestContext;
using http::Response;

// The JSON object of a body that may be absent (resend-sms accepts an empty body).
Result<Json> OptionalBody(const http::Request& request) {
  if (request.body.empty()) return Json::object();
  return http::ParseJsonObject(request);
}

// The email from the query string (the seed's shape) or else from the body.
Result<std::string> EmailFrom(const RequestContext& ctx, const Json& body) {
  auto query = http::ParseQuery(ctx.query);
  if (!query.ok()) return std::move(query).error();
  if (auto email = http::FindParam(*query, "email")) return std::move(*email);
  return http::RequiredString(body, "email");
}

}  // namespace

Response AuthHandlers::Register(RequestContext& ctx) const {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return ErrorResponse(body.error());
  RegisterRequest request;
  if (Status read = RequiredStrings(*body, {{"email", &request.email},
                                            {"password", &request.password},
                                            {"full_name", &request.full_name}});
      !read.ok()) {
    return ErrorResponse(read.error());
  }
  auto phone = http::OptionalString(*body, "phone_number");
  if (!phone.ok()) return ErrorResponse(phone.error());
  request.phone_number = std::move(phone).value();
  request.client = ClientOf(ctx);

  auto registered = accounts_.Register(ctx.db, request);
  if (!registered.ok()) return ErrorResponse(registered.error());
  Json answer = UserJson(registered->user);
  if (registered->verification)
    answer["verification"] = VerificationJson(*registered->verification);
  Response response = JsonResponse(201, answer);
  SetSessionCookies(response, registered->session, clock_.NowMillis(), secure_cookies_);
  return response;
}

Response AuthHandlers::VerifySms(RequestContext& ctx) const {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return ErrorResponse(body.error());
  auto email = EmailFrom(ctx, *body);
  if (!email.ok()) return ErrorResponse(email.error());
  auto code = http::RequiredString(*body, "code");
  if (!code.ok()) return ErrorResponse(code.error());
  Status verified = accounts_.VerifyPhone(ctx.db, *email, *code, ctx.request.remote_address);
  if (!verified.ok()) return ErrorResponse(verified.error());
  return JsonResponse(200, {{"status", "success"}, {"message", "Phone verified"}});
}

Response AuthHandlers::ResendSms(RequestContext& ctx) const {
  auto body = OptionalBody(ctx.request);
  if (!body.ok()) return ErrorResponse(body.error());
  auto email = EmailFrom(ctx, *body);
  if (!email.ok()) return ErrorResponse(email.error());
  auto sent = accounts_.ResendPhoneCode(ctx.db, *email, ctx.request.remote_address);
  if (!sent.ok()) return ErrorResponse(sent.error());
  return JsonResponse(200, {{"status", "success"},
                            {"message", "Code resent"},
                            {"expires_at", sent->expires_at},
                            {"resend_after", sent->resend_after}});
}

Response AuthHandlers::Login(RequestContext& ctx) const {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return ErrorResponse(body.error());
  LoginRequest request;
  if (Status read =
          RequiredStrings(*body, {{"email", &request.email}, {"password", &request.password}});
      !read.ok()) {
    return ErrorResponse(read.error());
  }
  request.client = ClientOf(ctx);

  auto outcome = login_.Login(ctx.db, request);
  if (!outcome.ok()) return ErrorResponse(outcome.error());
  if (outcome->mfa) {
    return JsonResponse(200, {{"mfa_required", true},
                              {"mfa_token", outcome->mfa->mfa_token},
                              {"verification", VerificationJson(outcome->mfa->verification)}});
  }
  const SessionTokens& session = *outcome->session;
  Response response =
      JsonResponse(200, {{"access_token", session.token}, {"token_type", "bearer"}});
  SetSessionCookies(response, session, clock_.NowMillis(), secure_cookies_);
  return response;
}

Response AuthHandlers::LoginVerify(RequestContext& ctx) const {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return ErrorResponse(body.error());
  auto mfa_token = http::RequiredString(*body, "mfa_token");
  if (!mfa_token.ok()) return ErrorResponse(mfa_token.error());
  auto code = http::OptionalString(*body, "code");
  if (!code.ok()) return ErrorResponse(code.error());
  auto recovery_code = http::OptionalString(*body, "recovery_code");
  if (!recovery_code.ok()) return ErrorResponse(recovery_code.error());
  SecondFactor factor;
  if (*code) {
    factor = {SecondFactor::Kind::kSmsCode, std::move(**code)};
  } else if (*recovery_code) {
    factor = {SecondFactor::Kind::kRecoveryCode, std::move(**recovery_code)};
  } else {
    return ErrorResponse(Error::InvalidArgument("code or recovery_code is required", "code"));
  }
  auto session = login_.Finish(ctx.db, *mfa_token, factor, ClientOf(ctx));
  if (!session.ok()) return ErrorResponse(session.error());
  Response response =
      JsonResponse(200, {{"access_token", session->token}, {"token_type", "bearer"}});
  SetSessionCookies(response, *session, clock_.NowMillis(), secure_cookies_);
  return response;
}

Response AuthHandlers::Me(RequestContext& ctx) const {
  auto user = accounts_.Me(ctx.db, ctx.user_id);
  if (!user.ok()) return ErrorResponse(user.error());
  return JsonResponse(200, UserJson(*user));
}

Response AuthHandlers::Logout(RequestContext& ctx) const {
  Status done = login_.Logout(ctx.db, ctx.user_id, ctx.session_id, ctx.request.remote_address);
  if (!done.ok()) return ErrorResponse(done.error());
  Response response = NoContent();
  ClearSessionCookies(response, secure_cookies_);
  return response;
}

Response AuthHandlers::ListSessions(RequestContext& ctx) const {
  Json list = Json::array();
  for (const Session& s : sessions_.List(ctx.db, ctx.user_id)) {
    list.push_back({{"id", s.id},
                    {"created_at", s.created_at},
                    {"last_seen_at", s.last_seen_at},
                    {"ip", s.ip},
                    {"user_agent", s.user_agent},
                    {"current", s.id == ctx.session_id}});
  }
  return JsonResponse(200, {{"sessions", std::move(list)}});
}

Response AuthHandlers::RevokeSession(RequestContext& ctx) const {
  Status done = accounts_.RevokeSession(ctx.db, ctx.user_id, ctx.params.Int("id"),
                                        ctx.request.remote_address);
  if (!done.ok()) return ErrorResponse(done.error());
  return NoContent();
}

Response AuthHandlers::RevokeOtherSessions(RequestContext& ctx) const {
  accounts_.RevokeOtherSessions(ctx.db, ctx.user_id, ctx.session_id, ctx.request.remote_address);
  return NoContent();
}

Response AuthHandlers::Audit(RequestContext& ctx) const {
  Json events = Json::array();
  for (const AuditEvent& e : accounts_.AuditLog(ctx.db, ctx.user_id)) {
    events.push_back({{"id", e.id},
                      {"type", e.type},
                      {"created_at", e.created_at},
                      {"ip", e.ip},
                      {"detail", e.detail}});
  }
  return JsonResponse(200, {{"events", std::move(events)}});
}

}  // namespace careops::auth
