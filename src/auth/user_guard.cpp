#include "auth/user_guard.hpp"

#include <strings.h>

#include "auth/cookies.hpp"
#include "auth/session_service.hpp"
#include "core/crypto.hpp"

namespace careops::auth {
namespace {

bool IsSafe(http::Method method) {
  return method == http::Method::kGet || method == http::Method::kHead ||
         method == http::Method::kOptions;
}

// The token of "Bearer <token>" (scheme case-insensitive); empty when malformed.
std::string_view BearerToken(std::string_view header) {
  constexpr std::string_view kScheme = "bearer";
  if (header.size() <= kScheme.size() ||
      strncasecmp(header.data(), kScheme.data(), kScheme.size()) != 0 ||
      header[kScheme.size()] != ' ') {
    return {};
  }
  std::string_view token = header.substr(kScheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  return token.find(' ') == std::string_view::npos ? token : std::string_view();
}

}  // namespace

Status UserGuard::Check(const http::AccessRule&, http::RequestContext& ctx) {
  const http::Headers& headers = ctx.request.headers;
  Result<Session> session = Error::Unauthenticated();
  bool by_cookie = false;
  if (auto authorization = headers.Get("Authorization")) {
    const std::string_view token = BearerToken(*authorization);
    if (token.empty()) return Error::Unauthenticated("Authorization must be \"Bearer <token>\"");
    session = sessions_.Resolve(ctx.db, token);
  } else if (auto cookie = FindCookie(headers, kSessionCookie)) {
    by_cookie = true;
    session = sessions_.Resolve(ctx.db, *cookie);
  }
  if (!session.ok()) return std::move(session).error();

  if (by_cookie && !IsSafe(ctx.request.method)) {
    const std::string_view header = headers.Get(kCsrfHeader).value_or("");
    const std::string cookie = FindCookie(headers, kCsrfCookie).value_or("");
    if (header.empty() || !ConstantTimeEquals(header, cookie) ||
        !sessions_.CsrfMatches(*session, header)) {
      return Error::PermissionDenied(
          "missing or wrong X-CSRF-Token (send the careops_csrf cookie)");
    }
  }
  ctx.user_id = session->user_id;
  ctx.session_id = session->id;
  return Ok();
}

}  // namespace careops::auth
