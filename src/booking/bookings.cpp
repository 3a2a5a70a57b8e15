#include "booking/bookings.hpp"

#include "booking/booking_handlers.hpp"
#include "booking/booking_notifier.hpp"
#include "booking/booking_service.hpp"
#include "booking/reminders.hpp"

namespace careops::booking {

struct Bookings::Impl {
  BookingNotifier notifier;
  Reminders reminders;
  BookingService service;
  BookingHandlers handlers;

  Impl(const Clock& clock, const SecretKey& key, const messaging::Outbox& outbox,
       const contacts::ContactService& contacts, http::EventHub& events,
       const std::string& public_base_url, std::function<void()> wake_jobs)
      : notifier(key, outbox, public_base_url),
        reminders(clock, notifier),
        service(clock, outbox, contacts, notifier, reminders, events, std::move(wake_jobs)),
        handlers(service) {}
};

Bookings::Bookings(const Clock& clock, const SecretKey& key, const messaging::Outbox& outbox,
                   const contacts::ContactService& contacts, http::EventHub& events,
                   const std::string& public_base_url, std::function<void()> wake_jobs)
    : impl_(std::make_unique<Impl>(clock, key, outbox, contacts, events, public_base_url,
                                   std::move(wake_jobs))) {}

Bookings::~Bookings() = default;

const BookingService& Bookings::service() const { return impl_->service; }
const BookingHandlers& Bookings::handlers() const { return impl_->handlers; }
const Reminders& Bookings::reminders() const { return impl_->reminders; }

}  // namespace careops::booking
