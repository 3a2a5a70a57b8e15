// AuthHandlers, part 2: password reset and the signed-in user's settings (password, phone,
// two-factor sign-in). See auth_handlers.hpp.

#include "auth/account_service.hpp"
#include "auth/auth_handlers.hpp"
#include "auth/auth_json.hpp"
#include "auth/cookies.hpp"
#include "auth/password_reset_service.hpp"
#include "http/error_response.hpp"

namespace careops::auth {
namespace {

using http::ErrorResponse;
using http::JsonResponse;
using http::RequestContext;
using http::Response;

}  // namespace

Response AuthHandlers::RequestPasswordReset(RequestContext& ctx) const {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return ErrorResponse(body.error());
  std::string email;
  if (Status read = RequiredStrings(*body, {{"email", &email}}); !read.ok()) {
    return ErrorResponse(read.error());
  }
  Status accepted = resets_.Request(ctx.db, email, ctx.request.remote_address);
  if (!accepted.ok()) return ErrorResponse(accepted.error());
  return JsonResponse(202, {{"status", "accepted"}});
}

Response AuthHandlers::ConfirmPasswordReset(RequestContext& ctx) const {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return ErrorResponse(body.error());
  std::string email, code, new_password;
  if (Status read = RequiredStrings(
          *body, {{"email", &email}, {"code", &code}, {"new_password", &new_password}});
      !read.ok()) {
    return ErrorResponse(read.error());
  }
  Status done = resets_.Confirm(ctx.db, email, code, new_password, ctx.request.remote_address);
  if (!done.ok()) return ErrorResponse(done.error());
  return NoContent();
}

Response AuthHandlers::ChangePassword(RequestContext& ctx) const {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return ErrorResponse(body.error());
  std::string current, next;
  if (Status read =
          RequiredStrings(*body, {{"current_password", &current}, {"new_password", &next}});
      !read.ok()) {
    return ErrorResponse(read.error());
  }
  Status done =
      settings_.ChangePassword(ctx.db, ctx.user_id, current, next, ctx.request.remote_address);
  if (!done.ok()) return ErrorResponse(done.error());
  // Every session ended, this one too: the browser's cookies go with it.
  Response response = NoContent();
  ClearSessionCookies(response, secure_cookies_);
  return response;
}

Response AuthHandlers::ChangePhone(RequestContext& ctx) const {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return ErrorResponse(body.error());
  std::string phone, password;
  if (Status read = RequiredStrings(*body, {{"phone_number", &phone}, {"password", &password}});
      !read.ok()) {
    return ErrorResponse(read.error());
  }
  auto sent =
      settings_.StartPhoneChange(ctx.db, ctx.user_id, phone, password, ctx.request.remote_address);
  if (!sent.ok()) return ErrorResponse(sent.error());
  return JsonResponse(202, {{"verification", VerificationJson(*sent)}});
}

Response AuthHandlers::VerifyPhoneChange(RequestContext& ctx) const {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return ErrorResponse(body.error());
  std::string code;
  if (Status read = RequiredStrings(*body, {{"code", &code}}); !read.ok()) {
    return ErrorResponse(read.error());
  }
  auto user = settings_.FinishPhoneChange(ctx.db, ctx.user_id, code, ctx.request.remote_address);
  if (!user.ok()) return ErrorResponse(user.error());
  return JsonResponse(200, UserJson(*user));
}

Response AuthHandlers::EnableTwoFactor(RequestContext& ctx) const {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return ErrorResponse(body.error());
  std::string password;
  if (Status read = RequiredStrings(*body, {{"password", &password}}); !read.ok()) {
    return ErrorResponse(read.error());
  }
  auto codes = settings_.EnableTwoFactor(ctx.db, ctx.user_id, password, ctx.request.remote_address);
  if (!codes.ok()) return ErrorResponse(codes.error());
  return JsonResponse(200, {{"recovery_codes", *codes}});
}

Response AuthHandlers::DisableTwoFactor(RequestContext& ctx) const {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return ErrorResponse(body.error());
  std::string password;
  if (Status read = RequiredStrings(*body, {{"password", &password}}); !read.ok()) {
    return ErrorResponse(read.error());
  }
  Status done =
      settings_.DisableTwoFactor(ctx.db, ctx.user_id, password, ctx.request.remote_address);
  if (!done.ok()) return ErrorResponse(done.error());
  return NoContent();
}

}  // namespace careops::auth
