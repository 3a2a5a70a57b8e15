#include "workspaces/onboarding.hpp"

#include <stdexcept>

namespace careops::workspaces {

Onboarding::Onboarding()
    : steps_{
          {"details", "Business details", true, nullptr},
          {"channels", "Email and SMS", true, nullptr},
          {"contact_form", "Contact form", false, nullptr},
          {"services", "Services and availability", true, nullptr},
          {"forms", "Forms", false, nullptr},
          {"inventory", "Inventory", false, nullptr},
          {"staff", "Invite your staff", false, nullptr},
          {"activate", "Activate", false, nullptr},
      } {}

void Onboarding::Register(std::string_view key, StepCheck check) {
  if (!check) throw std::invalid_argument("onboarding step " + std::string(key) + ": empty check");
  for (Step& step : steps_) {
    if (step.key != key) continue;
    if (step.check) {
      throw std::invalid_argument("onboarding step " + std::string(key) + " registered twice");
    }
    step.check = std::move(check);
    return;
  }
  throw std::invalid_argument("no onboarding step " + std::string(key));
}

OnboardingReport Onboarding::Evaluate(db::Connection& conn, const Workspace& w) const {
  OnboardingReport report;
  report.is_active = w.is_active;
  report.ready_to_activate = true;
  for (const Step& step : steps_) {
    StepReport r{step.key, step.title, step.required, step.check != nullptr, {}};
    if (step.check) {
      r.state = step.check(conn, w);
      if (r.state.done) r.state.missing.clear();
    } else {
      r.state.missing = {kComesLater};
    }
    if (step.required && !r.state.done) report.ready_to_activate = false;
    report.steps.push_back(std::move(r));
  }
  return report;
}

}  // namespace careops::workspaces
