#pragma once
// The onboarding step "forms" (docs/API.md, Onboarding; optional): done when an active form is
// linked to an active service — then customers who book it are sent the form. Registered by
// the composition root with workspaces::Onboarding::Register("forms", FormsStep). Reads only;
// stateless.

#include "workspaces/onboarding.hpp"

namespace careops::forms {

workspaces::StepState FormsStep(db::Connection& conn, const workspaces::Workspace& w);

}  // namespace careops::forms
