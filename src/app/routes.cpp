#include "app/routes.hpp"

#include "auth/auth_handlers.hpp"
#include "messaging/messaging_handlers.hpp"
#include "ops/ops_handlers.hpp"

namespace careops::app {
namespace {

using http::Access;
using http::AccessRule;
using http::Method;
using http::RequestContext;

constexpr AccessRule kPublic{Access::kPublic};
constexpr AccessRule kUser{Access::kUser};
constexpr AccessRule kWebhook{Access::kWebhook};

// Binds a const member function of a handler object as a route handler.
template <typename T>
http::Handler Bind(const T& object, http::Response (T::*method)(RequestContext&) const) {
  return [&object, method](RequestContext& ctx) { return (object.*method)(ctx); };
}

}  // namespace

std::vector<http::Route> BuildRoutes(const Handlers& h) {
  using auth::AuthHandlers;
  using messaging::MessagingHandlers;
  using ops::OpsHandlers;
  (void)kUser;
  (void)kWebhook;
  return {
      // Operations.
      {Method::kGet, "/healthz", kPublic, Bind(h.ops, &OpsHandlers::Healthz)},
      {Method::kGet, "/readyz", kPublic, Bind(h.ops, &OpsHandlers::Readyz)},
      {Method::kGet, "/metrics", kPublic, Bind(h.ops, &OpsHandlers::Metrics)},
      {Method::kGet, "/api/status", kPublic, Bind(h.ops, &OpsHandlers::Status)},

      // Accounts (src/auth/).
      // AUTH ROUTES

      // Messaging (src/messaging/).
      // MESSAGING ROUTES
  };
}

}  // namespace careops::app
