#pragma once
// HTTP handlers of services, staff availability and the staff slot view (docs/API.md,
// Booking): JSON <-> ServiceCatalog, AvailabilityService and FindSlots. No SQL and no access
// checks here: the routes are kMember (owner, any member or bookings, per the table), so
// MemberGuard has set ctx.workspace_id and ctx.user_id before these run. Thread-safe (const).

#include "http/message.hpp"
#include "http/router.hpp"

namespace careops::booking {

class AvailabilityService;
class ServiceCatalog;

class ServiceHandlers {
 public:
  // Both must outlive the handlers.
  ServiceHandlers(const ServiceCatalog& catalog, const AvailabilityService& availability)
      : catalog_(catalog), availability_(availability) {}

  // ?include_archived=1
  http::Response List(http::RequestContext& ctx) const;
  http::Response Create(http::RequestContext& ctx) const;
  // {service_id:int}
  http::Response Get(http::RequestContext& ctx) const;
  http::Response Update(http::RequestContext& ctx) const;
  http::Response Delete(http::RequestContext& ctx) const;
  // {service_id:int} ?from=&to=&tz= — without minimum notice.
  http::Response StaffSlots(http::RequestContext& ctx) const;
  // {member_id:int}
  http::Response GetAvailability(http::RequestContext& ctx) const;
  http::Response PutAvailability(http::RequestContext& ctx) const;

 private:
  const ServiceCatalog& catalog_;
  const AvailabilityService& availability_;
};

}  // namespace careops::booking
