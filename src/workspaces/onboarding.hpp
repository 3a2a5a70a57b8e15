#pragma once
// The owner's path to a workspace that runs by itself (PRODUCT.md W2; docs/API.md,
// Onboarding and activation): always the same eight steps, in this order —
//   details, channels, contact_form, services, forms, inventory, staff, activate
// — of which details, channels and services are required for activation.
//
// Each feature registers the check of its own step by key at start-up
// (`onboarding.Register("channels", check)`, reached through workspaces::Module::onboarding()).
// A step without a check belongs to a feature this version does not have: it is reported as
// available: false, not done, missing ["comes with a later version of CareOps"], and when it
// is required, activation waits for it.
//
// Thread-safety: Register only during start-up, before requests are served; Evaluate is const
// and may then run on any number of threads (checks must be thread-safe themselves: they get
// the caller's connection and must not keep state).

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "workspaces/model.hpp"

namespace careops::db {
class Connection;
}

namespace careops::workspaces {

// What a step's check found: done, or what is still missing (texts shown to the owner).
struct StepState {
  bool done = false;
  std::vector<std::string> missing;
};

// A step's check. Reads only; runs inside the caller's transaction when one is open.
using StepCheck = std::function<StepState(db::Connection&, const Workspace&)>;

// The missing text of a step whose feature is not in this version.
inline constexpr const char* kComesLater = "comes with a later version of CareOps";

struct StepReport {
  std::string key;
  std::string title;
  bool required = false;
  bool available = false;  // a check is registered
  StepState state;
};

struct OnboardingReport {
  std::vector<StepReport> steps;   // the eight, in order
  bool ready_to_activate = false;  // every required step is done
  bool is_active = false;
};

class Onboarding {
 public:
  Onboarding();  // the eight steps, none with a check yet

  // Gives step `key` its check. Throws std::invalid_argument for an unknown key, an empty
  // check, or a step that already has one (start-up bugs: the server must not start).
  void Register(std::string_view key, StepCheck check);

  // Runs every registered check against `w`.
  OnboardingReport Evaluate(db::Connection& conn, const Workspace& w) const;

 private:
  struct Step {
    const char* key;
    const char* title;
    bool required;
    StepCheck check;
  };
  std::vector<Step> steps_;
};

}  // namespace careops::workspaces
