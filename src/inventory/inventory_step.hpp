#pragma once
// The onboarding step "inventory" (docs/API.md, Onboarding; optional): done when the workspace
// has an active item that an active service uses — then bookings move stock by themselves.
// Registered by the composition root with workspaces::Onboarding::Register("inventory",
// InventoryStep). Reads only; stateless.

#include "workspaces/onboarding.hpp"

namespace careops::inventory {

workspaces::StepState InventoryStep(db::Connection& conn, const workspaces::Workspace& w);

}  // namespace careops::inventory
