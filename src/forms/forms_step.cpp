#include "forms/forms_step.hpp"

#include "forms/form_repository.hpp"

namespace careops::forms {

workspaces::StepState FormsStep(db::Connection& conn, const workspaces::Workspace& w) {
  const FormRepository forms(conn);
  if (forms.AnyActiveFormOnActiveService(w.id)) return {true, {}};
  if (!forms.AnyActiveForm(w.id)) return {false, {"create an intake form"}};
  return {false, {"link a form to a service customers can book"}};
}

}  // namespace careops::forms
