#pragma once
// The bookings half of the booking feature, as the composition root builds it: the notifier
// (conversation events, customer messages, manage links), the reminders (the scheduler's
// "booking_reminder" handler), the service and its HTTP handlers. src/app/app.cpp builds one,
// registers reminders().Handler() with the job scheduler and installs service().ReplyHandler()
// in the inbox.

#include <functional>
#include <memory>
#include <string>

namespace careops {
class Clock;
class SecretKey;
}  // namespace careops
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

class BookingService;
class BookingHandlers;
class Reminders;

class Bookings {
 public:
  // All must outlive this. `public_base_url` is read at each message; `wake_jobs` is called
  // after commits that scheduled or moved reminders (jobs::Scheduler::Wake).
  Bookings(const Clock& clock, const SecretKey& key, const messaging::Outbox& outbox,
           const contacts::ContactService& contacts, http::EventHub& events,
           const std::string& public_base_url, std::function<void()> wake_jobs);
  ~Bookings();

  const BookingService& service() const;
  const BookingHandlers& handlers() const;
  const Reminders& reminders() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace careops::booking
