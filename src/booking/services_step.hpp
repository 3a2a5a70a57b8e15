#pragma once
// The onboarding step "services" (docs/API.md, Onboarding): done when the workspace has an
// active service with at least one staff member who is an active member and has weekly
// hours — then the public booking page has something to offer. Registered by the composition
// root with workspaces::Onboarding::Register("services", ServicesStep). Reads only; stateless.

#include "workspaces/onboarding.hpp"

namespace careops::booking {

workspaces::StepState ServicesStep(db::Connection& conn, const workspaces::Workspace& w);

}  // namespace careops::booking
