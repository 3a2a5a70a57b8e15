#pragma once
// The rules of bookings (PRODUCT.md B3–B6; docs/API.md, "Bookings", "Public booking", "SMS
// replies"): booking from the public page and by staff, moving, status changes, the
// customer's signed links and C / X replies. Knows nothing of HTTP; member routes are checked
// by the router's guard before these run. Thread-safe (read-only after construction; uses the
// caller's connection). Methods that write open their own transaction (REQUIRES: none open on
// `conn`), except HandleReply, which runs in the inbox's.
//
// No double booking (B4): the check and the write are one transaction, which on SQLite holds
// the database's write lock from its first statement (BEGIN IMMEDIATE). Inside it the free
// slots at the requested start are computed (slot_finder.hpp), the start must be one of them,
// and the booking is inserted or moved with its busy time [start − buffer before, end + buffer
// after). The database's own triggers refuse overlapping busy times besides, so whatever the
// code does, of any number of concurrent requests for one free slot exactly one wins; the
// others get Conflict naming "start" and — when the caller asks for them — the free slots of
// that local day.
//
// Every change writes an event into the contact's conversation, queues the customer's message
// through the outbox (unless the caller says not to), schedules, moves or cancels the
// reminder jobs, calls the other features' observers (booking_hooks.hpp: forms, inventory)
// in the same transaction, and after the commit wakes the outbox and the scheduler, publishes
// the change live (booking_live.hpp) and runs what the observers left for after the commit.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "booking/booking_hooks.hpp"
#include "booking/booking_repository.hpp"
#include "booking/model.hpp"
#include "booking/slot_service.hpp"
#include "booking/slots.hpp"
#include "core/error.hpp"
#include "inbox/booking_replies.hpp"
#include "jobs/job.hpp"
#include "workspaces/model.hpp"

namespace careops {
class Clock;
}
namespace careops::db {
class Connection;
}
namespace careops::http {
class EventHub;
}
namespace careops::messaging {
class Outbox;
}
namespace careops::contacts {
class ContactService;
}

namespace careops::booking {

class BookingNotifier;
class Reminders;

inline constexpr std::size_t kMaxNameBytes = 200;
inline constexpr std::size_t kMaxNotesBytes = 2'000;

// A booking from the public page.
struct PublicBookingRequest {
  std::int64_t service_id = 0;
  Millis start = 0;
  std::optional<std::int64_t> member_id;
  std::string name;
  std::string phone;  // "" = none; phone or email is required
  std::string email;  // "" = none
  std::string notes;
  std::string website;  // the honeypot: people leave it empty
  std::string ip;       // the client's address, for the per-IP limit
};

struct ContactInput {
  std::string name;
  std::string phone;  // "" = none
  std::string email;  // "" = none
};

// A booking staff make (confirmed at once; no minimum notice or horizon).
struct StaffBookingRequest {
  std::int64_t service_id = 0;
  Millis start = 0;
  std::optional<std::int64_t> member_id;   // nullopt: the first free eligible member
  std::optional<std::int64_t> contact_id;  // this contact, or
  std::optional<ContactInput> contact;     // the one found or created from these
  std::string notes;
  bool notify = true;  // false: no confirmation (reminders are still scheduled)
};

// Staff's change to a booking; absent fields stay as they are.
struct BookingChange {
  std::optional<BookingStatus> status;
  std::optional<Millis> start;            // move (same rules as booking)
  std::optional<std::int64_t> member_id;  // move to this member
  std::optional<std::string> notes;
  bool notify = true;  // false: the customer is not told of a move, approval or cancellation
};

struct PublicBooking {
  BookingDetails booking;
  std::string manage_token;
};

// What a manage link shows.
struct ManagedBooking {
  BookingDetails booking;
  workspaces::Workspace workspace;
  bool can_change = false;  // pending or confirmed, and not started
};

struct BookingWithReminders {
  BookingDetails booking;
  std::vector<jobs::Job> reminders;
};

// A listing as the API asks for it (docs/API.md, GET …/bookings).
struct BookingListQuery {
  std::string from;    // "" = unbounded; an RFC 3339 instant or a date (local midnight)
  std::string to;      // exclusive; as `from`
  std::string status;  // "" = any; one status or several, comma-separated
  std::string cursor;  // "" = the first page; else a page's next_cursor
  std::optional<std::int64_t> member_id;
  std::optional<std::int64_t> contact_id;
  std::int64_t limit = 100;  // 1–500
};
struct BookingPage {
  std::vector<BookingDetails> bookings;
  std::optional<std::string> next_cursor;  // nullopt on the last page
};

// The free slots offered with a Conflict on "start": those of the requested start's local day
// in the workspace's zone, with their staff's names.
struct FreshSlots {
  std::vector<NamedSlot> slots;
};

// Whether `e` is the refusal of a start that is not free (Conflict naming "start"), the one
// answered with fresh slots.
bool IsSlotConflict(const Error& e);

class BookingService {
 public:
  // All must outlive the service. `observers` are called inside every transaction that writes
  // a booking (registered before requests are served). `wake_jobs` is called after commits that
  // scheduled or moved reminders (the composition root points it at jobs::Scheduler::Wake); may be
  // empty. `public_per_ip_hour`: public bookings one IP may make per hour (0 = no limit).
  BookingService(const Clock& clock, const messaging::Outbox& outbox,
                 const contacts::ContactService& contacts, const BookingNotifier& notifier,
                 const Reminders& reminders, const BookingObservers& observers,
                 http::EventHub& events, std::function<void()> wake_jobs,
                 int public_per_ip_hour = 0);

  // The public page's booking. NotFound / Conflict "workspace" (not open yet) from
  // OpenWorkspaceBySlug; NotFound for a service that is not bookable; InvalidArgument naming
  // the field (a filled honeypot names "website"); Conflict "start" when the start is not a
  // free slot (then `fresh`, when given, receives that day's slots); RateLimited when
  // `request.ip` made the hour's allowance of bookings already (counted only for bookings
  // made). Status pending when the service requires approval, else confirmed.
  Result<PublicBooking> BookPublic(db::Connection& conn, std::string_view slug,
                                   const PublicBookingRequest& request,
                                   FreshSlots* fresh = nullptr) const;
  // Staff's booking in `workspace_id` by `author_id`. InvalidArgument naming the field
  // (service_id, member_id, contact_id, contact, notes); Conflict "start" as above.
  Result<BookingDetails> Create(db::Connection& conn, std::int64_t workspace_id,
                                std::int64_t author_id, const StaffBookingRequest& request,
                                FreshSlots* fresh = nullptr) const;
  // Staff's change: a move, a status (booking_rules.hpp), notes. NotFound for another
  // workspace's booking; Conflict naming "status" or "start".
  Result<BookingDetails> Change(db::Connection& conn, std::int64_t workspace_id,
                                std::int64_t author_id, std::int64_t booking_id,
                                const BookingChange& change, FreshSlots* fresh = nullptr) const;

  Result<BookingWithReminders> Get(db::Connection& conn, std::int64_t workspace_id,
                                   std::int64_t booking_id) const;
  // A page by start then id; dates are read in the workspace's zone. InvalidArgument naming
  // "from", "to", "status", "cursor" or "limit".
  Result<BookingPage> List(db::Connection& conn, std::int64_t workspace_id,
                           const BookingListQuery& query) const;

  // The customer's side, by manage token (manage_token.hpp): NotFound for an unknown or
  // forged token (or a deleted booking), Gone for an expired one. Cancel, reschedule and
  // confirm answer Conflict naming "status" once the booking can no longer change.
  Result<ManagedBooking> Manage(db::Connection& conn, std::string_view token) const;
  Result<BookingDetails> CancelByCustomer(db::Connection& conn, std::string_view token) const;
  Result<BookingDetails> RescheduleByCustomer(db::Connection& conn, std::string_view token,
                                              Millis start, FreshSlots* fresh = nullptr) const;
  Result<BookingDetails> ConfirmByCustomer(db::Connection& conn, std::string_view token) const;

  // The inbox's C / X hook (inbox/booking_replies.hpp), to install with
  // InboxService::SetBookingReplies. Runs in the inbox's transaction.
  std::optional<inbox::BookingReplyOutcome> HandleReply(
      db::Connection& conn, std::int64_t workspace_id, std::int64_t contact_id,
      std::int64_t conversation_id, inbox::BookingReply reply, Millis now) const;
  inbox::BookingReplyHandler ReplyHandler() const;

 private:
  // Where a booking goes: its staff member and times.
  struct Placement {
    std::int64_t staff_id = 0;
    Millis end_at = 0;
    Millis busy_from = 0;
    Millis busy_until = 0;
  };
  // What to announce once a transaction committed.
  struct Committed {
    std::int64_t workspace_id = 0;
    std::int64_t booking_id = 0;
    std::optional<std::int64_t> conversation_id;
    bool jobs_changed = false;
    std::vector<std::function<void()>> after_commit;  // the observers'
  };
  // Calls the observers for the write of `after` (`before`: nullopt when just created) and
  // folds what they ask for into `done`.
  void Observe(db::Connection& conn, const workspaces::Workspace& w,
               const std::optional<Booking>& before, const Booking& after,
               std::optional<std::int64_t> author_id, Millis now, Committed& done) const;
  // The staff member and times for `service` at `start`: the required member when free
  // (InvalidArgument "member_id" when they do not serve it), else the preferred one when free,
  // else the lowest free eligible id; Conflict "start" when none is free. `apply_notice`
  // false (staff): neither minimum notice nor the service's horizon applies.
  Result<Placement> Place(db::Connection& conn, const workspaces::Workspace& w,
                          const Service& service, Millis start,
                          std::optional<std::int64_t> required_staff,
                          std::optional<std::int64_t> preferred_staff,
                          std::optional<std::int64_t> moving_booking, bool apply_notice,
                          Millis now) const;
  // The free slots of `start`'s local day into `*fresh` (when not null), as Place sees them.
  void FillFresh(db::Connection& conn, const workspaces::Workspace& w, std::int64_t service_id,
                 Millis start, bool apply_notice, FreshSlots* fresh) const;
  Result<BookingDetails> Insert(db::Connection& conn, const workspaces::Workspace& w,
                                const Service& service, const Booking& b, bool notify, Millis now,
                                Committed& done) const;
  Result<BookingDetails> RescheduleInTx(db::Connection& conn, std::string_view token, Millis start,
                                        Committed& done) const;
  Result<BookingDetails> CustomerCancelInTx(db::Connection& conn, BookingDetails d,
                                            const workspaces::Workspace& w, Millis now,
                                            Committed& done) const;
  void Announce(const Committed& done) const;

  const Clock& clock_;
  const messaging::Outbox& outbox_;
  const contacts::ContactService& contacts_;
  const BookingNotifier& notifier_;
  const Reminders& reminders_;
  const BookingObservers& observers_;
  http::EventHub& events_;
  std::function<void()> wake_jobs_;
  int public_per_ip_hour_;
};

}  // namespace careops::booking
