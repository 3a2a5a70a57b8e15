#pragma once
// The web app's session cookies (docs/API.md, Accounts): careops_session (HttpOnly) carries
// the session token, careops_csrf (readable by scripts) the CSRF token that unsafe requests
// echo in X-CSRF-Token. Both SameSite=Lax, Path=/, Secure when PUBLIC_BASE_URL is https.
// Pure functions; thread-safe.

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "http/message.hpp"

namespace careops::auth {

struct SessionTokens;

inline constexpr std::string_view kSessionCookie = "careops_session";
inline constexpr std::string_view kCsrfCookie = "careops_csrf";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

// The value of cookie `name` in the request's Cookie header(s); nullopt when absent.
std::optional<std::string> FindCookie(const http::Headers& headers, std::string_view name);
// Adds Set-Cookie for both cookies, lasting until the session expires.
void SetSessionCookies(http::Response& response, const SessionTokens& tokens, Millis now,
                       bool secure);
// Adds Set-Cookie lines that delete both cookies.
void ClearSessionCookies(http::Response& response, bool secure);

}  // namespace careops::auth
