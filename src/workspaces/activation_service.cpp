#include "workspaces/activation_service.hpp"

#include "auth/audit_repository.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::workspaces {
namespace {

std::string Joined(const std::vector<std::string>& texts) {
  std::string out;
  for (const std::string& t : texts) {
    if (!out.empty()) out += "; ";
    out += t;
  }
  return out.empty() ? "not done yet" : out;
}

// The refusal listing every required step that is not done.
Error NotReady(const OnboardingReport& report) {
  Error error = Error::Conflict(kCannotActivate);
  for (const StepReport& step : report.steps) {
    if (step.required && !step.state.done) {
      error.problems.push_back({step.key, Joined(step.state.missing)});
    }
  }
  return error;
}

}  // namespace

Result<OnboardingReport> ActivationService::Report(db::Connection& conn,
                                                   std::int64_t workspace_id) const {
  auto w = WorkspaceRepository(conn).FindById(workspace_id);
  if (!w) return Error::NotFound("no such workspace");
  return onboarding_.Evaluate(conn, *w);
}

Result<Workspace> ActivationService::Activate(db::Connection& conn, std::int64_t workspace_id,
                                              std::int64_t actor_id, std::string_view ip) const {
  const Millis now = clock_.NowMillis();
  db::Transaction tx(conn);
  WorkspaceRepository repo(conn);
  auto w = repo.FindById(workspace_id);
  if (!w) return Error::NotFound("no such workspace");
  if (w->is_active) return std::move(*w);
  const OnboardingReport report = onboarding_.Evaluate(conn, *w);
  if (!report.ready_to_activate) return NotReady(report);
  repo.SetActive(workspace_id, true, now);
  auth::AuditRepository(conn).RecordForWorkspace(workspace_id, actor_id, audit::kWorkspaceActivated,
                                                 ip, "workspace=" + std::to_string(workspace_id),
                                                 now);
  tx.Commit();
  return repo.FindById(workspace_id).value();
}

}  // namespace careops::workspaces
