#include "auth/cookies.hpp"

#include <fmt/format.h>
#include <strings.h>

#include "auth/session_service.hpp"

namespace careops::auth {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string CookieLine(std::string_view name, std::string_view value, long long max_age,
                       bool http_only, bool secure) {
  return fmt::format("{}={}; Path=/; Max-Age={}; SameSite=Lax{}{}", name, value, max_age,
                     http_only ? "; HttpOnly" : "", secure ? "; Secure" : "");
}

}  // namespace

std::optional<std::string> FindCookie(const http::Headers& headers, std::string_view name) {
  for (const auto& [field, value] : headers.fields()) {
    if (strcasecmp(field.c_str(), "Cookie") != 0) continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const auto semi = rest.find(';');
      const std::string_view pair = Trim(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
      const auto eq = pair.find('=');
      if (eq == std::string_view::npos || Trim(pair.substr(0, eq)) != name) continue;
      std::string_view v = Trim(pair.substr(eq + 1));
      if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
      return std::string(v);
    }
  }
  return std::nullopt;
}

void SetSessionCookies(http::Response& response, const SessionTokens& tokens, Millis now,
                       bool secure) {
  const long long max_age = std::max<long long>(0, (tokens.expires_at - now) / 1000);
  response.headers.Add("Set-Cookie",
                       CookieLine(kSessionCookie, tokens.token, max_age, true, secure));
  response.headers.Add("Set-Cookie",
                       CookieLine(kCsrfCookie, tokens.csrf_token, max_age, false, secure));
}

void ClearSessionCookies(http::Response& response, bool secure) {
  response.headers.Add("Set-Cookie", CookieLine(kSessionCookie, "", 0, true, secure));
  response.headers.Add("Set-Cookie", CookieLine(kCsrfCookie, "", 0, false, secure));
}

}  // namespace careops::auth
