#pragma once
// HTTP handlers of the accounts feature: JSON <-> service calls, cookies, status codes
// (docs/API.md, Accounts). No SQL and no rules here. Thread-safe (const, stateless).
// Registration, sign-in and sessions are in auth_handlers.cpp; settings and password reset
// in account_handlers.cpp.

#include "http/message.hpp"
#include "http/router.hpp"

namespace careops {
class Clock;
}

namespace careops::auth {

class AccountService;
class AuthService;
class LoginService;
class PasswordResetService;
class SessionService;

class AuthHandlers {
 public:
  // All must outlive the handlers. `secure_cookies`: PUBLIC_BASE_URL is https.
  struct Services {
    const AuthService& accounts;
    const LoginService& login;
    const SessionService& sessions;
    const AccountService& settings;
    const PasswordResetService& resets;
  };
  AuthHandlers(Services services, const Clock& clock, bool secure_cookies)
      : accounts_(services.accounts),
        login_(services.login),
        sessions_(services.sessions),
        settings_(services.settings),
        resets_(services.resets),
        clock_(clock),
        secure_cookies_(secure_cookies) {}

  // Public.
  http::Response Register(http::RequestContext& ctx) const;
  http::Response VerifySms(http::RequestContext& ctx) const;
  http::Response ResendSms(http::RequestContext& ctx) const;
  http::Response Login(http::RequestContext& ctx) const;
  http::Response LoginVerify(http::RequestContext& ctx) const;
  http::Response RequestPasswordReset(http::RequestContext& ctx) const;
  http::Response ConfirmPasswordReset(http::RequestContext& ctx) const;
  // Signed in (Access::kUser).
  http::Response Me(http::RequestContext& ctx) const;
  http::Response Logout(http::RequestContext& ctx) const;
  http::Response ListSessions(http::RequestContext& ctx) const;
  http::Response RevokeSession(http::RequestContext& ctx) const;
  http::Response RevokeOtherSessions(http::RequestContext& ctx) const;
  http::Response Audit(http::RequestContext& ctx) const;
  http::Response ChangePassword(http::RequestContext& ctx) const;
  http::Response ChangePhone(http::RequestContext& ctx) const;
  http::Response VerifyPhoneChange(http::RequestContext& ctx) const;
  http::Response EnableTwoFactor(http::RequestContext& ctx) const;
  http::Response DisableTwoFactor(http::RequestContext& ctx) const;

 private:
  const AuthService& accounts_;
  const LoginService& login_;
  const SessionService& sessions_;
  const AccountService& settings_;
  const PasswordResetService& resets_;
  const Clock& clock_;
  bool secure_cookies_;
};

}  // namespace careops::auth
