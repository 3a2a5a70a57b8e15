#include "booking/module.hpp"

#include "app/config.hpp"
#include "booking/availability_service.hpp"
#include "booking/booking_handlers.hpp"
#include "booking/booking_notifier.hpp"
#include "booking/booking_service.hpp"
#include "booking/calendar_feed_handlers.hpp"
#include "booking/calendar_feed_service.hpp"
#include "booking/public_catalog_handlers.hpp"
#include "booking/reminders.hpp"
#include "booking/service_catalog.hpp"
#include "booking/service_handlers.hpp"

namespace careops::booking {

struct Module::Impl {
  BookingObservers observers;
  ServiceCatalog catalog;
  AvailabilityService availability;
  CalendarFeedService feeds;
  ServiceHandlers service_handlers;
  PublicCatalogHandlers public_handlers;
  CalendarFeedHandlers calendar_handlers;
  BookingNotifier notifier;
  Reminders reminders;
  BookingService bookings;
  BookingHandlers booking_handlers;

  Impl(const app::Config& config, const Clock& clock, const SecretKey& key,
       const messaging::Outbox& outbox, const contacts::ContactService& contacts,
       http::EventHub& events, std::function<void()> wake_jobs)
      : catalog(clock),
        feeds(clock, key, config.public_base_url),
        service_handlers(catalog, availability),
        public_handlers(catalog),
        calendar_handlers(feeds),
        notifier(key, outbox, config.public_base_url),
        reminders(clock, notifier),
        bookings(clock, outbox, contacts, notifier, reminders, observers, events,
                 std::move(wake_jobs), config.public_bookings_per_ip_hour),
        booking_handlers(bookings) {}
};

Module::Module(const app::Config& config, const Clock& clock, const SecretKey& key,
               const messaging::Outbox& outbox, const contacts::ContactService& contacts,
               http::EventHub& events, std::function<void()> wake_jobs)
    : impl_(std::make_unique<Impl>(config, clock, key, outbox, contacts, events,
                                   std::move(wake_jobs))) {}
Module::~Module() = default;

const ServiceCatalog& Module::catalog() const { return impl_->catalog; }
const AvailabilityService& Module::availability() const { return impl_->availability; }
const CalendarFeedService& Module::feeds() const { return impl_->feeds; }
const ServiceHandlers& Module::service_handlers() const { return impl_->service_handlers; }
const PublicCatalogHandlers& Module::public_handlers() const { return impl_->public_handlers; }
const CalendarFeedHandlers& Module::calendar_handlers() const { return impl_->calendar_handlers; }
const BookingService& Module::bookings() const { return impl_->bookings; }
const Reminders& Module::reminders() const { return impl_->reminders; }
const BookingHandlers& Module::booking_handlers() const { return impl_->booking_handlers; }
void Module::AddObserver(BookingObserver observer) { impl_->observers.Add(std::move(observer)); }

}  // namespace careops::booking
