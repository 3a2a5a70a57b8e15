#include "auth/auth_json.hpp"

namespace careops::auth {
namespace {

constexpr std::size_t kMaxUserAgentBytes = 256;

}  // namespace

ClientInfo ClientOf(const http::RequestContext& ctx) {
  std::string agent(ctx.request.headers.Get("User-Agent").value_or(""));
  if (agent.size() > kMaxUserAgentBytes) agent.resize(kMaxUserAgentBytes);
  return {ctx.request.remote_address, std::move(agent)};
}

http::Json UserJson(const User& u) {
  using http::Json;
  return {{"id", u.id},
          {"email", u.email},
          {"full_name", u.full_name},
          {"phone_number", u.phone_number ? Json(*u.phone_number) : Json(nullptr)},
          {"is_phone_verified", u.is_phone_verified},
          {"is_active", u.is_active},
          {"two_factor_enabled", u.two_factor_enabled},
          {"created_at", u.created_at}};
}

http::Json VerificationJson(const Verification& v) {
  return {{"channel", "sms"},
          {"to", v.to},
          {"expires_at", v.expires_at},
          {"resend_after", v.resend_after}};
}

http::Response NoContent() {
  http::Response response;
  response.status = 204;
  return response;
}

Status RequiredStrings(const http::Json& body,
                       std::initializer_list<std::pair<const char*, std::string*>> fields) {
  for (const auto& [name, out] : fields) {
    auto value = http::RequiredString(body, name);
    if (!value.ok()) return std::move(value).error();
    *out = std::move(value).value();
  }
  return Ok();
}

}  // namespace careops::auth
