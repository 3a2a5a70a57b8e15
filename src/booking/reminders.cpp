#include "booking/reminders.hpp"

#include <algorithm>
#include <string>

#include "automation/rules.hpp"
#include "booking/booking_notifier.hpp"
#include "booking/booking_repository.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "inbox/conversation_repository.hpp"
#include "jobs/job_repository.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::booking {
namespace {

constexpr Millis kMinute = 60'000;

jobs::JobResult Skipped(std::string why) { return {jobs::JobOutcome::kSkipped, std::move(why)}; }

}  // namespace

int Reminders::Schedule(db::Connection& conn, const Booking& b, const std::vector<int>& offsets,
                        Millis now) const {
  std::vector<int> distinct = offsets;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  jobs::JobRepository jobs(conn);
  int scheduled = 0;
  for (int offset : distinct) {
    const Millis due = b.start_at - offset * kMinute;
    if (offset <= 0 || due <= now) continue;
    jobs::NewJob job;
    job.kind = kReminderJob;
    job.workspace_id = b.workspace_id;
    job.subject_id = b.id;
    job.payload = std::to_string(offset);
    job.due_at = due;
    jobs.Schedule(job, now);
    ++scheduled;
  }
  return scheduled;
}

int Reminders::Reschedule(db::Connection& conn, const Booking& b, const std::vector<int>& offsets,
                          Millis now) const {
  Cancel(conn, b.id, "booking moved", now);
  return Schedule(conn, b, offsets, now);
}

int Reminders::Cancel(db::Connection& conn, std::int64_t booking_id, std::string_view reason,
                      Millis now) const {
  return jobs::JobRepository(conn).CancelBySubject(kReminderJob, booking_id, reason, now);
}

std::vector<jobs::Job> Reminders::List(db::Connection& conn, std::int64_t booking_id) const {
  return jobs::JobRepository(conn).ListBySubject(kReminderJob, booking_id);
}

jobs::JobResult Reminders::Run(db::Connection& conn, const jobs::Job& job) const {
  const Millis now = clock_.NowMillis();
  if (!job.subject_id) return {jobs::JobOutcome::kFailed, "no booking named"};
  auto details = BookingRepository(conn).FindAnyWorkspace(*job.subject_id);
  if (!details) return Skipped("booking deleted");
  const Booking& b = details->booking;
  if (!HoldsTime(b.status)) return Skipped(std::string("booking ") + BookingStatusName(b.status));
  if (b.start_at <= now) return Skipped("booking already started");
  if (details->conversation_id) {
    const auto conversation =
        inbox::ConversationRepository(conn).Find(b.workspace_id, *details->conversation_id);
    if (conversation && conversation->automation_paused) return Skipped("automation paused");
  }
  const auto workspace = workspaces::WorkspaceRepository(conn).FindById(b.workspace_id);
  if (!workspace) return Skipped("workspace deleted");
  if (!automation::IsEnabled(conn, b.workspace_id, automation::Rule::kBookingReminder)) {
    return Skipped("rule off");
  }
  const auto message = notifier_.Send(conn, *workspace, *details, BookingMessage::kReminder, now);
  if (!message) return Skipped("the contact has no phone or email that may be used");
  return {jobs::JobOutcome::kDone, "message " + std::to_string(*message)};
}

}  // namespace careops::booking
