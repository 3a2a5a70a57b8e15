#pragma once
// The onboarding checks of the steps the workspaces feature owns: details, staff and
// activate. (Other steps are registered by their features; see onboarding.hpp.)
// Thread-safe (stateless; the registered checks capture only the clock).

#include "workspaces/onboarding.hpp"

namespace careops {
class Clock;
}

namespace careops::workspaces {

// Registers the details, staff and activate checks. `clock` must outlive `onboarding`.
void RegisterWorkspaceSteps(Onboarding& onboarding, const Clock& clock);

// details: done when the workspace has a name, a time zone, an address and a contact email
// or phone number; `missing` names each absent one.
StepState DetailsStep(const Workspace& w);
// staff (optional): done when someone besides the creator is a member, or an invitation is
// accepted or pending at `now`.
StepState StaffStep(db::Connection& conn, const Workspace& w, Millis now);
// activate: done once the workspace is active.
StepState ActivateStep(const Workspace& w);

}  // namespace careops::workspaces
