#pragma once
// SQL for forms and their linked services (tables forms, form_services,
// migrations/sqlite/0008_forms.sql). Uses the caller's connection and opens no transaction.
// Not thread-safe (one per use).

#include <cstdint>
#include <optional>
#include <vector>

#include "core/clock.hpp"
#include "forms/model.hpp"

namespace careops::db {
class Connection;
}

namespace careops::forms {

class FormRepository {
 public:
  explicit FormRepository(db::Connection& conn) : conn_(conn) {}

  // Inserts `f` with its linked services; returns its id.
  std::int64_t Insert(const Form& f) const;
  // Writes every column of form f.id of f.workspace_id and replaces its linked services.
  void Update(const Form& f) const;
  // Form `id` of `workspace_id` (archived included), or nullopt (also for another workspace's).
  std::optional<Form> Find(std::int64_t workspace_id, std::int64_t id) const;
  // By name, then id; archived ones too when `include_archived`.
  std::vector<Form> List(std::int64_t workspace_id, bool include_archived) const;
  // Deletes the form when nothing was ever sent with it; else archives it (is_active = 0).
  // Returns true when deleted.
  bool DeleteOrArchive(std::int64_t workspace_id, std::int64_t id, Millis now) const;
  // The active forms linked to `service_id`, by id.
  std::vector<Form> ActiveForService(std::int64_t workspace_id, std::int64_t service_id) const;
  // Those of `service_ids` that are services of `workspace_id` (archived included), ascending.
  std::vector<std::int64_t> OwnServices(std::int64_t workspace_id,
                                        const std::vector<std::int64_t>& service_ids) const;
  // Whether an active form is linked to an active service (the onboarding step).
  bool AnyActiveFormOnActiveService(std::int64_t workspace_id) const;
  // Whether the workspace has an active form at all.
  bool AnyActiveForm(std::int64_t workspace_id) const;

 private:
  void WriteServices(const Form& f) const;
  void LoadServices(Form& f) const;
  db::Connection& conn_;
};

}  // namespace careops::forms
