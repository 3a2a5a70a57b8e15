#pragma once
// The rules of a workspace's forms (PRODUCT.md F1; docs/API.md, "Forms"): listing, reading,
// creating, changing and deleting (or archiving) them. Knows nothing of HTTP; membership, the
// `forms` permission and the owner check are done by the router. Thread-safe (stateless; uses
// the caller's connection). Writes open their own transaction: call them outside one.

#include <cstdint>
#include <vector>

#include "core/error.hpp"
#include "forms/form_rules.hpp"
#include "forms/model.hpp"

namespace careops {
class Clock;
}
namespace careops::db {
class Connection;
}

namespace careops::forms {

class FormService {
 public:
  explicit FormService(const Clock& clock) : clock_(clock) {}

  std::vector<Form> List(db::Connection& conn, std::int64_t workspace_id,
                         bool include_archived) const;
  // NotFound unless the workspace has that form (archived ones included).
  Result<Form> Get(db::Connection& conn, std::int64_t workspace_id, std::int64_t id) const;
  // A new form (name and fields required). InvalidArgument naming the field; "service_ids"
  // when one is not a service of the workspace.
  Result<Form> Create(db::Connection& conn, std::int64_t workspace_id, const FormInput& in) const;
  // Applies the present fields, checked as a whole as Create. Requests already sent keep their
  // due time; their answers are checked against the fields as they are when submitted.
  Result<Form> Update(db::Connection& conn, std::int64_t workspace_id, std::int64_t id,
                      const FormInput& in) const;
  // Deletes a form never sent; archives one with requests (they stay readable). NotFound as Get.
  Status Delete(db::Connection& conn, std::int64_t workspace_id, std::int64_t id) const;

 private:
  const Clock& clock_;
};

}  // namespace careops::forms
