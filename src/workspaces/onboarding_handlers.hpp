#pragma once
// HTTP handlers of onboarding, activation and the public workspace page (docs/API.md,
// Onboarding and activation): JSON <-> ActivationService and public_workspace.hpp. No SQL, no
// rules and no access checks here. Thread-safe (const, stateless).

#include "http/message.hpp"
#include "http/router.hpp"

namespace careops::workspaces {

class ActivationService;

class OnboardingHandlers {
 public:
  explicit OnboardingHandlers(const ActivationService& activation) : activation_(activation) {}

  // Owner of the workspace in {id:int}.
  http::Response GetOnboarding(http::RequestContext& ctx) const;
  http::Response Activate(http::RequestContext& ctx) const;
  // Public: {slug}.
  http::Response PublicWorkspace(http::RequestContext& ctx) const;

 private:
  const ActivationService& activation_;
};

}  // namespace careops::workspaces
