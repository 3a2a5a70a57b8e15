#include "forms/form_requests.hpp"

#include <vector>

#include "automation/rules.hpp"
#include "booking/booking_repository.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "forms/form_live.hpp"
#include "forms/form_repository.hpp"
#include "forms/request_repository.hpp"
#include "inbox/conversation_repository.hpp"
#include "jobs/job_repository.hpp"
#include "messaging/outbox.hpp"
#include "workspaces/model.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::forms {
namespace {

constexpr Millis kMinute = 60'000;

jobs::JobResult Skipped(std::string why) { return {jobs::JobOutcome::kSkipped, std::move(why)}; }

// After the commit: one "form_request" event per changed request.
void PublishAfterCommit(booking::BookingChangeContext& ctx, http::EventHub& events,
                        std::vector<std::int64_t> ids) {
  if (ids.empty()) return;
  const std::int64_t workspace_id = ctx.after.workspace_id;
  ctx.after_commit.emplace_back([&events, workspace_id, ids = std::move(ids)] {
    for (std::int64_t id : ids) PublishFormRequest(events, workspace_id, id);
  });
}

}  // namespace

FormRequests::FormRequests(const Clock& clock, const SecretKey& key,
                           const messaging::Outbox& outbox, const std::string& public_base_url,
                           http::EventHub& events)
    : clock_(clock),
      outbox_(outbox),
      public_base_url_(public_base_url),
      events_(events),
      tokens_(key) {}

std::string FormRequests::LinkFor(std::int64_t request_id) const {
  return FormLink(public_base_url_, tokens_.Make(request_id));
}

void FormRequests::OnBookingChange(booking::BookingChangeContext& ctx) const {
  if (!ctx.before) {
    if (booking::HoldsTime(ctx.after.status)) Created(ctx);
    return;
  }
  if (ctx.after.status == booking::BookingStatus::kCancelled &&
      ctx.before->status != booking::BookingStatus::kCancelled) {
    Cancelled(ctx);
  } else if (ctx.after.start_at != ctx.before->start_at) {
    Moved(ctx);
  }
}

void FormRequests::Created(booking::BookingChangeContext& ctx) const {
  const booking::Booking& b = ctx.after;
  const std::vector<Form> forms =
      FormRepository(ctx.conn).ActiveForService(b.workspace_id, b.service_id);
  if (forms.empty()) return;
  auto details = booking::BookingRepository(ctx.conn).Find(b.workspace_id, b.id);
  if (!details) return;  // not visible in this transaction: nothing to attach requests to
  const bool send = automation::IsEnabled(ctx.conn, b.workspace_id, automation::Rule::kFormRequest);
  RequestRepository requests(ctx.conn);
  std::vector<std::int64_t> created;
  for (const Form& form : forms) {
    FormRequest r;
    r.workspace_id = b.workspace_id;
    r.form_id = form.id;
    r.booking_id = b.id;
    r.contact_id = b.contact_id;
    r.due_at = b.start_at + form.due_offset_minutes * kMinute;
    r.form_name = form.name;
    const auto id = requests.Insert(r, ctx.now);
    if (!id) continue;
    r.id = *id;
    created.push_back(r.id);
    if (send && Send(ctx.conn, ctx.workspace, *details, r, FormMessage::kRequest, ctx.now)) {
      requests.MarkSent(r.id, ctx.now);
    }
    if (ScheduleReminder(ctx.conn, b.workspace_id, r.id, r.due_at, form.reminder_minutes_before_due,
                         ctx.now)) {
      ctx.jobs_changed = true;
    }
  }
  PublishAfterCommit(ctx, events_, std::move(created));
}

void FormRequests::Moved(booking::BookingChangeContext& ctx) const {
  const booking::Booking& b = ctx.after;
  RequestRepository requests(ctx.conn);
  FormRepository forms(ctx.conn);
  jobs::JobRepository jobs(ctx.conn);
  std::vector<std::int64_t> moved;
  for (const FormRequest& r : requests.PendingForBooking(b.id)) {
    const auto form = forms.Find(r.workspace_id, r.form_id);
    if (!form) continue;
    const Millis due = b.start_at + form->due_offset_minutes * kMinute;
    requests.SetDue(r.id, due, ctx.now);
    moved.push_back(r.id);
    if (jobs.CancelBySubject(kFormReminderJob, r.id, "booking moved", ctx.now) > 0) {
      ctx.jobs_changed = true;
    }
    // Reminded once already: the customer hears no second reminder.
    if (!r.reminded_at && ScheduleReminder(ctx.conn, r.workspace_id, r.id, due,
                                           form->reminder_minutes_before_due, ctx.now)) {
      ctx.jobs_changed = true;
    }
  }
  PublishAfterCommit(ctx, events_, std::move(moved));
}

void FormRequests::Cancelled(booking::BookingChangeContext& ctx) const {
  RequestRepository requests(ctx.conn);
  jobs::JobRepository jobs(ctx.conn);
  std::vector<std::int64_t> cancelled;
  for (const FormRequest& r : requests.PendingForBooking(ctx.after.id)) {
    if (!requests.Cancel(r.id, ctx.now)) continue;
    cancelled.push_back(r.id);
    if (jobs.CancelBySubject(kFormReminderJob, r.id, "booking cancelled", ctx.now) > 0) {
      ctx.jobs_changed = true;
    }
  }
  PublishAfterCommit(ctx, events_, std::move(cancelled));
}

bool FormRequests::ScheduleReminder(db::Connection& conn, std::int64_t workspace_id,
                                    std::int64_t id, Millis due_at,
                                    std::optional<int> minutes_before, Millis now) const {
  if (!minutes_before) return false;
  const Millis at = due_at - *minutes_before * kMinute;
  if (at <= now) return false;
  jobs::NewJob job;
  job.kind = kFormReminderJob;
  job.workspace_id = workspace_id;
  job.subject_id = id;
  job.due_at = at;
  jobs::JobRepository(conn).Schedule(job, now);
  return true;
}

std::optional<std::int64_t> FormRequests::Send(db::Connection& conn, const workspaces::Workspace& w,
                                               booking::BookingDetails& d, const FormRequest& r,
                                               FormMessage message, Millis now) const {
  FormFacts facts;
  facts.business = w.name;
  facts.form = r.form_name;
  facts.service = d.service_name;
  facts.time_zone = w.timezone;
  facts.start_at = d.booking.start_at;
  facts.link = LinkFor(r.id);
  messaging::NewMessage m;
  FormText text;
  if (d.contact_phone && !d.contact_sms_opted_out) {
    m.channel = messaging::Channel::kSms;
    m.to = *d.contact_phone;
    text = SmsText(message, facts);
  } else if (d.contact_email && !d.contact_email_opted_out) {
    m.channel = messaging::Channel::kEmail;
    m.to = *d.contact_email;
    text = EmailText(message, facts);
  } else {
    return std::nullopt;
  }
  inbox::ConversationRepository conversations(conn);
  if (!d.conversation_id) {
    d.conversation_id = conversations.Open(w.id, d.booking.contact_id, now).id;
  }
  m.subject = std::move(text.subject);
  m.body = std::move(text.body);
  m.priority = messaging::Priority::kNormal;
  m.kind = MessageKindName(message);
  m.workspace_id = w.id;
  m.conversation_id = d.conversation_id;
  const std::int64_t id = outbox_.Enqueue(conn, m);
  conversations.RecordOutbound(*d.conversation_id, m.body, /*by_staff=*/false, now);
  return id;
}

jobs::JobResult FormRequests::RunReminder(db::Connection& conn, const jobs::Job& job) const {
  const Millis now = clock_.NowMillis();
  if (!job.subject_id) return {jobs::JobOutcome::kFailed, "no form request named"};
  const auto r = RequestRepository(conn).FindAnyWorkspace(*job.subject_id);
  if (!r) return Skipped("form request deleted");
  if (r->status != RequestStatus::kPending) {
    return Skipped(std::string("form request ") + RequestStatusName(r->status));
  }
  // A reminder is never the first the customer hears of a form (the form_request rule was off,
  // or the contact could not be reached when the booking was made).
  if (!r->sent_at) return Skipped("the link was never sent");
  if (!automation::IsEnabled(conn, r->workspace_id, automation::Rule::kFormReminder)) {
    return Skipped("the form_reminder rule is off");
  }
  auto details = booking::BookingRepository(conn).Find(r->workspace_id, r->booking_id);
  if (!details) return Skipped("booking deleted");
  if (details->conversation_id) {
    const auto conversation =
        inbox::ConversationRepository(conn).Find(r->workspace_id, *details->conversation_id);
    if (conversation && conversation->automation_paused) return Skipped("automation paused");
  }
  const auto workspace = workspaces::WorkspaceRepository(conn).FindById(r->workspace_id);
  if (!workspace) return Skipped("workspace deleted");
  const auto message = Send(conn, *workspace, *details, *r, FormMessage::kReminder, now);
  if (!message) return Skipped("the contact has no phone or email that may be used");
  RequestRepository(conn).MarkReminded(r->id, now);
  return {jobs::JobOutcome::kDone, "message " + std::to_string(*message),
          [this, workspace_id = r->workspace_id, id = r->id] {
            PublishFormRequest(events_, workspace_id, id);
          }};
}

}  // namespace careops::forms
