#pragma once
// Services and who can serve them (table services, service_staff). SQL only: the rules are in
// service_rules / the handlers. Uses the caller's connection; opens no transaction.

#include <cstdint>
#include <optional>
#include <vector>

#include "booking/model.hpp"

namespace careops::db {
class Connection;
}

namespace careops::booking {

// How close a workspace is to taking a booking (the onboarding "services" step): its active
// services, those served by at least one active member, and those where such a member also
// has weekly hours.
struct ServiceReadiness {
  std::int64_t active = 0;
  std::int64_t staffed = 0;
  std::int64_t with_hours = 0;
};

class ServiceRepository {
 public:
  explicit ServiceRepository(db::Connection& conn) : conn_(conn) {}

  // The service `id` of `workspace_id` with its staff_ids, or nullopt (also for another
  // workspace's service). Archived services are returned too (check is_active).
  std::optional<Service> Find(std::int64_t workspace_id, std::int64_t id) const;
  // A workspace's services by name; archived ones only when asked.
  std::vector<Service> List(std::int64_t workspace_id, bool include_archived) const;
  // Inserts `s` (with its staff) and returns the new id.
  std::int64_t Insert(const Service& s) const;
  // Writes every field of `s` (found by s.id and s.workspace_id) and replaces its staff.
  void Update(const Service& s) const;
  // Deletes a service without bookings (returns true), else archives it (returns false).
  bool DeleteOrArchive(std::int64_t workspace_id, std::int64_t id, Millis now) const;
  ServiceReadiness Readiness(std::int64_t workspace_id) const;

 private:
  db::Connection& conn_;
};

}  // namespace careops::booking
