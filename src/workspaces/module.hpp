#pragma once
// The workspaces feature as the composition root sees it: workspaces and members, staff
// invitations, onboarding and activation, the public workspace page and the audit view; the
// kMember access guard and the handlers.

#include <memory>

namespace careops {
class Clock;
class SecretKey;
}  // namespace careops
namespace careops::app {
struct Config;
}
namespace careops::http {
class AccessGuard;
}
namespace careops::messaging {
class Outbox;
}

namespace careops::workspaces {

class InvitationHandlers;
class Onboarding;
class OnboardingHandlers;
class WorkspaceHandlers;
class ChannelHandlers;

class Module {
 public:
  // Everything passed must outlive the module. `config.public_base_url` is read at each
  // invitation (the composition root completes it after binding the port).
  Module(const app::Config& config, const Clock& clock, const SecretKey& key,
         const messaging::Outbox& outbox, http::AccessGuard& user_guard);
  ~Module();

  // The Access::kMember guard (see member_guard.hpp); runs `user_guard` itself.
  http::AccessGuard& member_guard();
  // The onboarding registry, with the details, staff and activate checks registered. Other
  // features register the check of their step here at start-up, before serving
  // (`onboarding().Register("channels", check)`; see onboarding.hpp).
  Onboarding& onboarding();
  const WorkspaceHandlers& handlers() const;
  const ChannelHandlers& channel_handlers() const;
  const InvitationHandlers& invitation_handlers() const;
  const OnboardingHandlers& onboarding_handlers() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace careops::workspaces
