#pragma once
// Operations endpoints: liveness (/healthz), readiness (/readyz: database reachable and
// migrations current), Prometheus metrics (/metrics) and the status document the web app's
// status page shows (/api/status).

#include <cstdint>
#include <string>

#include "core/clock.hpp"
#include "http/router.hpp"

namespace careops::http {
class Metrics;
}

namespace careops::ops {

struct ServerFacts {
  std::string version;
  std::string database_location;  // without credentials
  std::string sms_provider;
  std::string email_provider;
  Millis started_at = 0;
};

class OpsHandlers {
 public:
  OpsHandlers(ServerFacts facts, http::Metrics& metrics, const Clock& clock);

  http::Response Healthz(http::RequestContext& ctx) const;
  http::Response Readyz(http::RequestContext& ctx) const;
  http::Response Metrics(http::RequestContext& ctx) const;
  http::Response Status(http::RequestContext& ctx) const;

 private:
  ServerFacts facts_;
  http::Metrics& metrics_;
  const Clock& clock_;
};

}  // namespace careops::ops
