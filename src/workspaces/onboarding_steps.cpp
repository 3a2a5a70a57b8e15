#include "workspaces/onboarding_steps.hpp"

#include "core/clock.hpp"
#include "workspaces/invitation_repository.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::workspaces {

void RegisterWorkspaceSteps(Onboarding& onboarding, const Clock& clock) {
  onboarding.Register("details",
                      [](db::Connection&, const Workspace& w) { return DetailsStep(w); });
  onboarding.Register("staff", [&clock](db::Connection& conn, const Workspace& w) {
    return StaffStep(conn, w, clock.NowMillis());
  });
  onboarding.Register("activate",
                      [](db::Connection&, const Workspace& w) { return ActivateStep(w); });
}

StepState DetailsStep(const Workspace& w) {
  StepState state;
  if (w.name.empty()) state.missing.emplace_back("the business name");
  if (w.timezone.empty()) state.missing.emplace_back("the time zone");
  if (w.address.empty()) state.missing.emplace_back("the address");
  if (w.contact_email.empty() && w.contact_phone.empty()) {
    state.missing.emplace_back("a contact email or phone number");
  }
  state.done = state.missing.empty();
  return state;
}

StepState StaffStep(db::Connection& conn, const Workspace& w, Millis now) {
  if (WorkspaceRepository(conn).CountMembers(w.id) > 1 ||
      InvitationRepository(conn).HasPendingOrAccepted(w.id, now)) {
    return {true, {}};
  }
  return {false, {"invite someone to work with you (optional)"}};
}

StepState ActivateStep(const Workspace& w) {
  if (w.is_active) return {true, {}};
  return {false, {"activate the workspace once the required steps are done"}};
}

}  // namespace careops::workspaces
