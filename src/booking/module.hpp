#pragma once
// The booking feature as the composition root sees it (PRODUCT.md B1–B7): the service catalog,
// staff availability and slots, calendar feeds, and the handlers of their routes.
//
// Extending it: a new part of booking (bookings themselves, reminders…) adds its objects to
// Module::Impl in module.cpp, built from what the constructor receives (add a constructor
// parameter when it needs more, e.g. the outbox or the event hub), and an accessor here for
// its handlers; src/app/routes.hpp's Handlers then takes that reference.

#include <functional>
#include <memory>

#include "booking/booking_hooks.hpp"

namespace careops {
class Clock;
class SecretKey;
}  // namespace careops
namespace careops::app {
struct Config;
}
namespace careops::contacts {
class ContactService;
}
namespace careops::http {
class EventHub;
}
namespace careops::messaging {
class Outbox;
}

namespace careops::booking {

class AvailabilityService;
class BookingHandlers;
class BookingService;
class CalendarFeedHandlers;
class CalendarFeedService;
class PublicCatalogHandlers;
class Reminders;
class ServiceCatalog;
class ServiceHandlers;

class Module {
 public:
  // Everything passed must outlive the module. `config.public_base_url` is read at each use
  // (feed URLs, manage links; the composition root completes it after binding the port).
  // Bookings queue their messages on `outbox`, find or create contacts with `contacts`,
  // publish their changes on `events`, and call `wake_jobs` after commits that scheduled or
  // moved reminders (jobs::Scheduler::Wake).
  Module(const app::Config& config, const Clock& clock, const SecretKey& key,
         const messaging::Outbox& outbox, const contacts::ContactService& contacts,
         http::EventHub& events, std::function<void()> wake_jobs);
  ~Module();

  const ServiceCatalog& catalog() const;
  const AvailabilityService& availability() const;
  const CalendarFeedService& feeds() const;
  // Bookings: install bookings().ReplyHandler() in the inbox (C / X replies) and register
  // reminders().Handler() with the job scheduler for kReminderJob.
  const BookingService& bookings() const;
  const Reminders& reminders() const;
  // Another feature's observer of every booking change (booking_hooks.hpp). Start-up only,
  // before requests are served.
  void AddObserver(BookingObserver observer);

  const ServiceHandlers& service_handlers() const;
  const PublicCatalogHandlers& public_handlers() const;
  const CalendarFeedHandlers& calendar_handlers() const;
  const BookingHandlers& booking_handlers() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace careops::booking
