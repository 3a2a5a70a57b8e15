#include "booking/services_step.hpp"

#include "booking/service_repository.hpp"

namespace careops::booking {

workspaces::StepState ServicesStep(db::Connection& conn, const workspaces::Workspace& w) {
  const ServiceReadiness r = ServiceRepository(conn).Readiness(w.id);
  if (r.with_hours > 0) return {true, {}};
  if (r.active == 0) return {false, {"add a service customers can book"}};
  if (r.staffed == 0) return {false, {"choose who on your team provides a service"}};
  return {false, {"set the weekly hours of someone who provides a service"}};
}

}  // namespace careops::booking
