#pragma once
// HTTP handler of GET /api/workspaces/{id}/dashboard (docs/API.md, "Dashboard"): any active
// member (after MemberGuard); the sections follow the caller's membership — bookings, inbox,
// forms and inventory by their permission flags (owners hold all), messages for owners and
// managers. The guard checks access but does not hand the membership over, so the handler
// reads it once more (one primary-key lookup). Thread-safe (const, stateless).

#include "dashboard/dashboard_service.hpp"
#include "http/message.hpp"
#include "http/router.hpp"

namespace careops::dashboard {

class DashboardHandlers {
 public:
  http::Response Get(http::RequestContext& ctx) const;

 private:
  DashboardService service_;
};

}  // namespace careops::dashboard
