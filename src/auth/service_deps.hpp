#pragma once
// What the account services (AuthService, LoginService, AccountService,
// PasswordResetService) are built from. The module builds one and hands it to each; every
// referenced object must outlive the services.

#include <string>

namespace careops {
class Clock;
class SecretKey;
}  // namespace careops
namespace careops::http {
class Metrics;
}
namespace careops::messaging {
class Outbox;
}

namespace careops::auth {

class CodeService;
class PasswordHasher;
class SessionService;

struct ServiceDeps {
  PasswordHasher& hasher;
  const CodeService& codes;
  const SessionService& sessions;
  const SecretKey& key;
  const Clock& clock;
  const messaging::Outbox& outbox;
  http::Metrics& metrics;
  std::string default_phone_region;  // for national phone formats ("US")
  // For password-reset links. A reference: the composition root fills in the port after
  // binding.
  const std::string& public_base_url;
};

}  // namespace careops::auth
