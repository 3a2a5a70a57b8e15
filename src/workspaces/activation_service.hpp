#pragma once
// Onboarding as the owner sees it, and activation (docs/API.md, Onboarding and activation):
// a workspace is activated only when every required onboarding step is done. Knows nothing of
// HTTP; owner-only access is checked by the router's MemberGuard. Thread-safe (stateless
// besides the read-only registry; uses the caller's connection, REQUIRES: no transaction
// open on it).

#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "workspaces/model.hpp"
#include "workspaces/onboarding.hpp"

namespace careops {
class Clock;
}
namespace careops::db {
class Connection;
}

namespace careops::workspaces {

inline constexpr const char* kCannotActivate = "the workspace cannot be activated yet";

class ActivationService {
 public:
  // Both must outlive the service.
  ActivationService(const Onboarding& onboarding, const Clock& clock)
      : onboarding_(onboarding), clock_(clock) {}

  // The onboarding steps of `workspace_id`; NotFound when there is no such workspace.
  Result<OnboardingReport> Report(db::Connection& conn, std::int64_t workspace_id) const;
  // Activates the workspace for owner `actor_id` and audits workspace_activated in it, in one
  // transaction with the checks. Already active: returned unchanged, nothing recorded.
  // Conflict kCannotActivate with one Problem per required step not done (field: the step
  // key, message: what is missing, "; "-joined) otherwise; NotFound for no such workspace.
  Result<Workspace> Activate(db::Connection& conn, std::int64_t workspace_id, std::int64_t actor_id,
                             std::string_view ip) const;

 private:
  const Onboarding& onboarding_;
  const Clock& clock_;
};

}  // namespace careops::workspaces
