#pragma once
// The rules of a workspace's bookable services (PRODUCT.md B1; docs/API.md, Booking): listing,
// reading, creating, changing and deleting (or archiving) them. Knows nothing of HTTP;
// membership and the owner check are done by the router. Thread-safe (stateless; uses the
// caller's connection). Writes open their own transaction: call them outside one.

#include <cstdint>
#include <vector>

#include "booking/model.hpp"
#include "booking/service_rules.hpp"
#include "core/error.hpp"

namespace careops {
class Clock;
}
namespace careops::db {
class Connection;
}

namespace careops::booking {

class ServiceCatalog {
 public:
  explicit ServiceCatalog(const Clock& clock) : clock_(clock) {}

  // By name; archived ones too when `include_archived`.
  std::vector<Service> List(db::Connection& conn, std::int64_t workspace_id,
                            bool include_archived) const;
  // NotFound unless the workspace has that service (archived ones included).
  Result<Service> Get(db::Connection& conn, std::int64_t workspace_id, std::int64_t id) const;
  // A new service from `fields` (name and duration_minutes required). InvalidArgument naming
  // the field; "member_ids" when one is not an active member of the workspace.
  Result<Service> Create(db::Connection& conn, std::int64_t workspace_id,
                         const ServiceFields& fields) const;
  // Applies the present fields, checked as a whole as Create. Existing bookings keep their
  // times and busy time. NotFound as Get.
  Result<Service> Update(db::Connection& conn, std::int64_t workspace_id, std::int64_t id,
                         const ServiceFields& fields) const;
  // Deletes a service without bookings; archives one with bookings. NotFound as Get.
  Status Delete(db::Connection& conn, std::int64_t workspace_id, std::int64_t id) const;

  // What the public booking page offers: active services with at least one staff member who
  // is an active member, by name.
  std::vector<Service> ListBookable(db::Connection& conn, std::int64_t workspace_id) const;

 private:
  const Clock& clock_;
};

// The staff of `staff_ids` that are active members of `workspace_id`, ascending.
std::vector<std::int64_t> ActiveMembersOf(db::Connection& conn, std::int64_t workspace_id,
                                          const std::vector<std::int64_t>& staff_ids);

}  // namespace careops::booking
