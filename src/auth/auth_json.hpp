#pragma once
// JSON shapes and request helpers shared by the accounts handlers (auth_handlers.cpp,
// account_handlers.cpp). Pure functions; thread-safe.

#include "auth/code_service.hpp"
#include "auth/model.hpp"
#include "http/json.hpp"
#include "http/router.hpp"

namespace careops::auth {

// The caller's address and User-Agent (truncated to 256 bytes).
ClientInfo ClientOf(const http::RequestContext& ctx);
// docs/API.md's user object (never the password hash).
http::Json UserJson(const User& user);
// {"channel": "sms", "to", "expires_at", "resend_after"}
http::Json VerificationJson(const Verification& verification);
http::Response NoContent();
// Reads the string fields named in `fields` (all required) into `out`, in order; the first
// missing or mistyped one is the error.
Status RequiredStrings(const http::Json& body,
                       std::initializer_list<std::pair<const char*, std::string*>> fields);

}  // namespace careops::auth
