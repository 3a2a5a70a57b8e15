#pragma once
// Form requests follow bookings (PRODUCT.md F2, F3; docs/API.md, "Forms"):
// - OnBookingChange is a booking observer (booking/booking_hooks.hpp), called inside the
//   booking's transaction. A booking created pending or confirmed gets one request per active
//   form linked to its service, due at its start + the form's due_offset_minutes; the link is
//   queued through the outbox (kind "form_request", unless the workspace turned the
//   `form_request` rule off) by SMS to the contact's phone when it has not opted out, else by
//   email, through the workspace's own channel and in the contact's conversation; and one
//   reminder job (kind "form_reminder", subject the request's id) is scheduled at due −
//   reminder_minutes_before_due when that is still ahead. A move (new start) recomputes the due
//   time of pending requests and moves their reminder; a cancellation cancels pending requests
//   and their reminders. Live events go to after_commit; jobs_changed is set when jobs changed.
// - RunReminder is the job handler of kFormReminderJob, inside the scheduler's transaction: it
//   skips a request no longer pending or whose link was never sent (a reminder is never the
//   first the customer hears of it), a workspace whose `form_reminder` rule is off and a
//   conversation whose automation is paused (staff replied, PRODUCT.md C4); else it queues one
//   reminder with the same link (kind "form_reminder") and sets reminded_at.
// Thread-safe (read-only after construction).

#include <cstdint>
#include <optional>
#include <string>

#include "booking/booking_hooks.hpp"
#include "forms/form_messages.hpp"
#include "forms/form_token.hpp"
#include "forms/model.hpp"
#include "jobs/job.hpp"

namespace careops {
class Clock;
class SecretKey;
}  // namespace careops
namespace careops::booking {
struct BookingDetails;
}
namespace careops::http {
class EventHub;
}
namespace careops::messaging {
class Outbox;
}

namespace careops::forms {

inline constexpr const char* kFormReminderJob = "form_reminder";

class FormRequests {
 public:
  // All must outlive this. `public_base_url` is read at each message (it is final only once
  // the server listens).
  FormRequests(const Clock& clock, const SecretKey& key, const messaging::Outbox& outbox,
               const std::string& public_base_url, http::EventHub& events);

  const FormTokens& tokens() const { return tokens_; }
  // {PUBLIC_BASE_URL}/f#token=… for request `request_id`.
  std::string LinkFor(std::int64_t request_id) const;

  void OnBookingChange(booking::BookingChangeContext& ctx) const;
  booking::BookingObserver Observer() const {
    return [this](booking::BookingChangeContext& ctx) { OnBookingChange(ctx); };
  }

  // The jobs::JobHandler of kFormReminderJob: kSkipped with the reason as note, or kDone with
  // "message <id>".
  jobs::JobResult RunReminder(db::Connection& conn, const jobs::Job& job) const;
  jobs::JobHandler ReminderHandler() const {
    return [this](db::Connection& conn, const jobs::Job& job) { return RunReminder(conn, job); };
  }

 private:
  void Created(booking::BookingChangeContext& ctx) const;
  void Moved(booking::BookingChangeContext& ctx) const;
  void Cancelled(booking::BookingChangeContext& ctx) const;
  // Queues `message` for request `r` of the booking `d` (its conversation opened when needed).
  // nullopt when the contact has no phone or email that may be used.
  std::optional<std::int64_t> Send(db::Connection& conn, const workspaces::Workspace& w,
                                   booking::BookingDetails& d, const FormRequest& r,
                                   FormMessage message, Millis now) const;
  // Schedules request `id`'s reminder when due − `minutes_before` is still after `now`.
  bool ScheduleReminder(db::Connection& conn, std::int64_t workspace_id, std::int64_t id,
                        Millis due_at, std::optional<int> minutes_before, Millis now) const;

  const Clock& clock_;
  const messaging::Outbox& outbox_;
  const std::string& public_base_url_;
  http::EventHub& events_;
  FormTokens tokens_;
};

}  // namespace careops::forms
