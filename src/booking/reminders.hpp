#pragma once
// Reminders of bookings (PRODUCT.md B6; docs/API.md, "Reminders"): one durable job per reminder
// offset of the service (kind "booking_reminder", subject the booking's id, payload the offset
// in minutes, due start − offset), run by jobs::Scheduler.
//
// Scheduling, moving and cancelling join the caller's transaction (the change to the booking);
// the caller calls Scheduler::Wake() after its commit. Run() is the scheduler's handler: it
// checks, inside the scheduler's transaction, that the reminder is still wanted — the booking
// still holds time, has not started, and its conversation's automation is not paused
// (PRODUCT.md C4: staff replied, follow-ups wait) — and queues the reminder through the outbox
// with a fresh manage link. Thread-safe (read-only after construction).

#include <cstdint>
#include <string_view>
#include <vector>

#include "booking/model.hpp"
#include "jobs/job.hpp"

namespace careops {
class Clock;
}
namespace careops::db {
class Connection;
}

namespace careops::booking {

class BookingNotifier;

inline constexpr const char* kReminderJob = "booking_reminder";

class Reminders {
 public:
  // Both must outlive this.
  Reminders(const Clock& clock, const BookingNotifier& notifier)
      : clock_(clock), notifier_(notifier) {}

  // Schedules b's reminders: one per offset (minutes before b.start_at) whose due time is
  // still ahead of `now`; repeated offsets once. Returns how many were scheduled.
  int Schedule(db::Connection& conn, const Booking& b, const std::vector<int>& offsets,
               Millis now) const;
  // After a move: cancels b's pending reminders and schedules them anew for its new start.
  int Reschedule(db::Connection& conn, const Booking& b, const std::vector<int>& offsets,
                 Millis now) const;
  // Cancels b's pending reminders (jobs.result = `reason`); returns how many.
  int Cancel(db::Connection& conn, std::int64_t booking_id, std::string_view reason,
             Millis now) const;
  // b's reminders, by due time (any status).
  std::vector<jobs::Job> List(db::Connection& conn, std::int64_t booking_id) const;

  // The jobs::JobHandler of kReminderJob. kSkipped (with the reason as note) when the booking
  // is gone, no longer holds time, has started, its conversation's automation is paused, or
  // its contact cannot be reached; else kDone with note "message <id>".
  jobs::JobResult Run(db::Connection& conn, const jobs::Job& job) const;
  jobs::JobHandler Handler() const {
    return [this](db::Connection& conn, const jobs::Job& job) { return Run(conn, job); };
  }

 private:
  const Clock& clock_;
  const BookingNotifier& notifier_;
};

}  // namespace careops::booking
