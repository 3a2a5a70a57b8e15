#pragma once
// What other features learn of a booking's life (forms, inventory): every time a booking is
// made or changed — created, moved, its status changed, cancelled by the customer or by a C / X
// reply — each registered observer is called inside the transaction that wrote it, after the
// booking row is written, in registration order.
//
// An observer may read and write through `conn` and queue messages with the outbox: its
// writes commit or roll back with the booking. It must not open or commit a transaction. An
// exception from an observer rolls the whole change back (the caller answers 500): observers
// should only throw for broken invariants, never for business rules (a booking is never
// refused by an observer). What must happen after the commit (live events) goes into
// `after_commit`; `jobs_changed` asks for the job scheduler to be woken.
//
// Registration (BookingObservers::Add) happens during start-up only, before requests are
// served (the composition root, via booking::Module::AddObserver); Notify is then const and
// thread-safe (observers must be thread-safe themselves).

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "booking/model.hpp"
#include "core/clock.hpp"

namespace careops::db {
class Connection;
}
namespace careops::workspaces {
struct Workspace;
}

namespace careops::booking {

struct BookingChangeContext {
  db::Connection& conn;
  const workspaces::Workspace& workspace;
  // The booking as it was before this change; nullopt when it was just created.
  const std::optional<Booking>& before;
  // The booking as written now (status, start_at, staff_id… as stored).
  const Booking& after;
  // The staff member who made the change; nullopt: the customer (public page, link, SMS reply)
  // or the system.
  std::optional<std::int64_t> author_id;
  Millis now = 0;

  // Set by observers:
  bool jobs_changed = false;  // scheduled, moved or cancelled jobs: wake the scheduler
  std::vector<std::function<void()>> after_commit;  // run once, after the commit
};

using BookingObserver = std::function<void(BookingChangeContext&)>;

class BookingObservers {
 public:
  // Start-up only. Throws std::invalid_argument for an empty observer.
  void Add(BookingObserver observer);
  // Calls every observer with `ctx`, in registration order.
  void Notify(BookingChangeContext& ctx) const;
  bool empty() const { return observers_.empty(); }

 private:
  std::vector<BookingObserver> observers_;
};

}  // namespace careops::booking
