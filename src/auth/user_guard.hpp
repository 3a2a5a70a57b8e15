#pragma once
// The access guard of Access::kUser routes. The caller is resolved from
// `Authorization: Bearer <token>` when that header is present (and only from it), else from
// the careops_session cookie; with the cookie, unsafe methods (anything but GET, HEAD,
// OPTIONS) must send X-CSRF-Token equal to the careops_csrf cookie and to the session's CSRF
// token, else 403. A token in the query string is never looked at. Unknown, revoked or
// expired sessions and inactive users are 401. Sets ctx.user_id and ctx.session_id.
// Thread-safe (stateless; uses the request's connection).

#include "http/router.hpp"

namespace careops::auth {

class SessionService;

class UserGuard final : public http::AccessGuard {
 public:
  explicit UserGuard(const SessionService& sessions) : sessions_(sessions) {}
  Status Check(const http::AccessRule& rule, http::RequestContext& ctx) override;

 private:
  const SessionService& sessions_;
};

}  // namespace careops::auth
