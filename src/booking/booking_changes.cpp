// BookingService: what happens to a booking after it is made — staff's moves and status
// changes, the customer's signed links, and C / X replies by SMS.

#include "automation/rules.hpp"
#include "booking/booking_live.hpp"
#include "booking/booking_notifier.hpp"
#include "booking/booking_rules.hpp"
#include "booking/booking_service.hpp"
#include "booking/reminders.hpp"
#include "booking/service_repository.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::booking {
namespace {

Error CannotChange() { return Error::Conflict("this booking can no longer be changed", "status"); }

// The conversation event a status change writes, if any.
std::optional<BookingEvent> EventOf(BookingStatus status) {
  switch (status) {
    case BookingStatus::kConfirmed:
      return BookingEvent::kConfirmed;
    case BookingStatus::kCancelled:
      return BookingEvent::kCancelled;
    case BookingStatus::kCompleted:
      return BookingEvent::kCompleted;
    case BookingStatus::kNoShow:
      return BookingEvent::kNoShow;
    case BookingStatus::kPending:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

Result<BookingDetails> BookingService::Change(db::Connection& conn, std::int64_t workspace_id,
                                              std::int64_t author_id, std::int64_t booking_id,
                                              const BookingChange& change,
                                              FreshSlots* fresh) const {
  if (change.notes && change.notes->size() > kMaxNotesBytes) {
    return Error::InvalidArgument("notes must be at most 2,000 characters", "notes");
  }
  const auto w = workspaces::WorkspaceRepository(conn).FindById(workspace_id);
  if (!w) return Error::NotFound("no such workspace");
  const Millis now = clock_.NowMillis();
  Committed done;
  std::optional<std::pair<std::int64_t, Millis>> conflict_at;  // service, start
  auto changed = [&]() -> Result<BookingDetails> {
    db::Transaction tx(conn);
    BookingRepository repo(conn);
    auto found = repo.Find(workspace_id, booking_id);
    if (!found) return Error::NotFound("no such booking");
    Booking b = found->booking;
    const bool move = (change.start && *change.start != b.start_at) ||
                      (change.member_id && *change.member_id != b.staff_id);
    std::optional<BookingStatus> status;
    if (change.status && *change.status != b.status) status = change.status;
    if (status) {
      if (auto ok = CheckStatusChange(b.status, *status, b.start_at, now); !ok.ok()) {
        return std::move(ok).error();
      }
    }
    std::optional<Service> service;
    if (move) {
      if (!HoldsTime(b.status) || (status && !HoldsTime(*status))) {
        return Error::Conflict("only a pending or confirmed booking can be moved", "status");
      }
      service = ServiceRepository(conn).Find(workspace_id, b.service_id);
      if (!service) return Error::Internal("booking without its service");
      const Millis start = change.start.value_or(b.start_at);
      auto place = Place(conn, *w, *service, start, change.member_id, b.staff_id, b.id,
                         /*apply_notice=*/false, now);
      if (!place.ok()) {
        conflict_at = std::pair(b.service_id, start);
        return std::move(place).error();
      }
      b.start_at = start;
      b.staff_id = place->staff_id;
      b.end_at = place->end_at;
      b.busy_from = place->busy_from;
      b.busy_until = place->busy_until;
    }
    if (status) {
      b.status = *status;
      if (*status == BookingStatus::kCancelled) {
        b.cancelled_at = now;
        b.cancelled_by = "staff";
      }
    }
    if (change.notes) b.notes = *change.notes;
    if (auto s = repo.Update(b, now); !s.ok()) {
      if (IsSlotConflict(s.error())) conflict_at = std::pair(b.service_id, b.start_at);
      return std::move(s).error();
    }
    BookingDetails d = repo.Find(workspace_id, booking_id).value();
    Observe(conn, *w, found->booking, d.booking, author_id, now, done);
    // The one message the customer gets: a cancellation, else an approval (which states the
    // new time), else the move.
    std::optional<BookingMessage> message;
    if (move) {
      notifier_.RecordEvent(conn, *w, d, BookingEvent::kMoved, author_id, now);
      reminders_.Reschedule(conn, d.booking, service->reminder_offsets_minutes, now);
      message = BookingMessage::kMoved;
      done.jobs_changed = true;
    }
    if (status) {
      if (auto event = EventOf(*status)) {
        notifier_.RecordEvent(conn, *w, d, *event, author_id, now);
      }
      if (*status == BookingStatus::kConfirmed) message = BookingMessage::kConfirmation;
      if (*status == BookingStatus::kCancelled) {
        reminders_.Cancel(conn, booking_id, "booking cancelled", now);
        message = BookingMessage::kCancelled;
      }
      if (*status == BookingStatus::kCompleted || *status == BookingStatus::kNoShow) {
        message.reset();
      }
    }
    if (message && change.notify) notifier_.Send(conn, *w, d, *message, now);
    tx.Commit();
    done.workspace_id = workspace_id;
    done.booking_id = booking_id;
    done.conversation_id = d.conversation_id;
    return d;
  }();
  if (!changed.ok()) {
    if (conflict_at && IsSlotConflict(changed.error())) {
      FillFresh(conn, *w, conflict_at->first, conflict_at->second, false, fresh);
    }
    return changed;
  }
  Announce(done);
  return changed;
}

Result<ManagedBooking> BookingService::Manage(db::Connection& conn, std::string_view token) const {
  const Millis now = clock_.NowMillis();
  auto id = notifier_.tokens().Verify(token, now);
  if (!id.ok()) return std::move(id).error();
  auto d = BookingRepository(conn).FindAnyWorkspace(*id);
  if (!d) return Error::NotFound("this link is not valid");
  auto w = workspaces::WorkspaceRepository(conn).FindById(d->booking.workspace_id);
  if (!w) return Error::NotFound("this link is not valid");
  const bool can_change = CustomerCanChange(d->booking, now);
  return ManagedBooking{std::move(*d), std::move(*w), can_change};
}

Result<BookingDetails> BookingService::CustomerCancelInTx(db::Connection& conn, BookingDetails d,
                                                          const workspaces::Workspace& w,
                                                          Millis now, Committed& done) const {
  const Booking before = d.booking;
  Booking b = d.booking;
  b.status = BookingStatus::kCancelled;
  b.cancelled_at = now;
  b.cancelled_by = "customer";
  BookingRepository repo(conn);
  if (auto s = repo.Update(b, now); !s.ok()) return std::move(s).error();
  d = repo.Find(b.workspace_id, b.id).value();
  reminders_.Cancel(conn, b.id, "booking cancelled", now);
  notifier_.RecordEvent(conn, w, d, BookingEvent::kCancelled, std::nullopt, now);
  Observe(conn, w, before, d.booking, std::nullopt, now, done);
  return d;
}

Result<BookingDetails> BookingService::CancelByCustomer(db::Connection& conn,
                                                        std::string_view token) const {
  const Millis now = clock_.NowMillis();
  Committed done;
  auto cancelled = [&]() -> Result<BookingDetails> {
    db::Transaction tx(conn);
    auto managed = Manage(conn, token);
    if (!managed.ok()) return std::move(managed).error();
    if (!managed->can_change) return CannotChange();
    auto d = CustomerCancelInTx(conn, managed->booking, managed->workspace, now, done);
    if (!d.ok()) return d;
    notifier_.Send(conn, managed->workspace, *d, BookingMessage::kCancelled, now);
    tx.Commit();
    done.workspace_id = d->booking.workspace_id;
    done.booking_id = d->booking.id;
    done.conversation_id = d->conversation_id;
    return d;
  }();
  if (cancelled.ok()) Announce(done);
  return cancelled;
}

Result<BookingDetails> BookingService::RescheduleInTx(db::Connection& conn, std::string_view token,
                                                      Millis start, Committed& done) const {
  const Millis now = clock_.NowMillis();
  auto managed = Manage(conn, token);
  if (!managed.ok()) return std::move(managed).error();
  if (!managed->can_change) return CannotChange();
  const workspaces::Workspace& w = managed->workspace;
  const Booking before = managed->booking.booking;
  Booking b = before;
  const auto service = ServiceRepository(conn).Find(w.id, b.service_id);
  if (!service || !service->is_active) {
    return Error::Conflict("this service can no longer be booked", "status");
  }
  auto place = Place(conn, w, *service, start, std::nullopt, b.staff_id, b.id,
                     /*apply_notice=*/true, now);
  if (!place.ok()) return std::move(place).error();
  b.start_at = start;
  b.staff_id = place->staff_id;
  b.end_at = place->end_at;
  b.busy_from = place->busy_from;
  b.busy_until = place->busy_until;
  BookingRepository repo(conn);
  if (auto s = repo.Update(b, now); !s.ok()) return std::move(s).error();
  BookingDetails d = repo.Find(w.id, b.id).value();
  reminders_.Reschedule(conn, d.booking, service->reminder_offsets_minutes, now);
  notifier_.RecordEvent(conn, w, d, BookingEvent::kMoved, std::nullopt, now);
  notifier_.Send(conn, w, d, BookingMessage::kMoved, now);
  Observe(conn, w, before, d.booking, std::nullopt, now, done);
  done.workspace_id = w.id;
  done.booking_id = b.id;
  done.conversation_id = d.conversation_id;
  done.jobs_changed = true;
  return d;
}

Result<BookingDetails> BookingService::RescheduleByCustomer(db::Connection& conn,
                                                            std::string_view token, Millis start,
                                                            FreshSlots* fresh) const {
  Committed done;
  auto moved = [&]() -> Result<BookingDetails> {
    db::Transaction tx(conn);
    auto d = RescheduleInTx(conn, token, start, done);
    if (d.ok()) tx.Commit();
    return d;
  }();
  if (!moved.ok()) {
    if (IsSlotConflict(moved.error()) && fresh != nullptr) {
      if (auto managed = Manage(conn, token); managed.ok()) {
        FillFresh(conn, managed->workspace, managed->booking.booking.service_id, start, true,
                  fresh);
      }
    }
    return moved;
  }
  Announce(done);
  return moved;
}

Result<BookingDetails> BookingService::ConfirmByCustomer(db::Connection& conn,
                                                         std::string_view token) const {
  const Millis now = clock_.NowMillis();
  Committed done;
  auto confirmed = [&]() -> Result<BookingDetails> {
    db::Transaction tx(conn);
    auto managed = Manage(conn, token);
    if (!managed.ok()) return std::move(managed).error();
    if (!managed->can_change) return CannotChange();
    BookingDetails d = managed->booking;
    if (!d.booking.customer_confirmed_at) {
      Booking b = d.booking;
      b.customer_confirmed_at = now;
      BookingRepository repo(conn);
      if (auto s = repo.Update(b, now); !s.ok()) return std::move(s).error();
      d = repo.Find(b.workspace_id, b.id).value();
      notifier_.RecordEvent(conn, managed->workspace, d, BookingEvent::kCustomerConfirmed,
                            std::nullopt, now);
      Observe(conn, managed->workspace, managed->booking.booking, d.booking, std::nullopt, now,
              done);
    }
    tx.Commit();
    done.workspace_id = d.booking.workspace_id;
    done.booking_id = d.booking.id;
    done.conversation_id = d.conversation_id;
    return d;
  }();
  if (confirmed.ok()) Announce(done);
  return confirmed;
}

std::optional<inbox::BookingReplyOutcome> BookingService::HandleReply(
    db::Connection& conn, std::int64_t workspace_id, std::int64_t contact_id,
    std::int64_t conversation_id, inbox::BookingReply reply, Millis now) const {
  BookingRepository repo(conn);
  auto found = repo.NextUpcoming(workspace_id, contact_id, now);
  if (!found) return std::nullopt;
  const auto w = workspaces::WorkspaceRepository(conn).FindById(workspace_id);
  if (!w) return std::nullopt;
  BookingDetails d = std::move(*found);
  BookingMessage answer = BookingMessage::kConfirmedAnswer;
  Committed done;
  if (reply == inbox::BookingReply::kConfirm) {
    if (!d.booking.customer_confirmed_at) {
      const Booking before = d.booking;
      Booking b = d.booking;
      b.customer_confirmed_at = now;
      if (!repo.Update(b, now).ok()) return std::nullopt;
      d = repo.Find(workspace_id, b.id).value();
      notifier_.RecordEvent(conn, *w, d, BookingEvent::kCustomerConfirmed, std::nullopt, now);
      Observe(conn, *w, before, d.booking, std::nullopt, now, done);
    }
  } else {
    auto cancelled = CustomerCancelInTx(conn, std::move(d), *w, now, done);
    if (!cancelled.ok()) return std::nullopt;
    d = std::move(cancelled).value();
    answer = BookingMessage::kCancelledAnswer;
  }
  inbox::BookingReplyOutcome outcome;
  if (automation::IsEnabled(conn, workspace_id, RuleOf(answer))) {
    outcome.answer = SmsText(answer, notifier_.Facts(*w, d)).body;
  }
  const std::int64_t booking_id = d.booking.id;
  outcome.after_commit = [this, workspace_id, booking_id, conversation_id, done = std::move(done)] {
    PublishBooking(events_, workspace_id, booking_id, conversation_id);
    if (done.jobs_changed && wake_jobs_) wake_jobs_();
    for (const auto& f : done.after_commit) f();
  };
  return outcome;
}

inbox::BookingReplyHandler BookingService::ReplyHandler() const {
  return [this](db::Connection& conn, std::int64_t workspace_id, std::int64_t contact_id,
                std::int64_t conversation_id, inbox::BookingReply reply, Millis now) {
    return HandleReply(conn, workspace_id, contact_id, conversation_id, reply, now);
  };
}

}  // namespace careops::booking
