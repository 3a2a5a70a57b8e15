#include "booking/module.hpp"

#include "app/config.hpp"
#include "booking/availability_service.hpp"
#include "booking/calendar_feed_handlers.hpp"
#include "booking/calendar_feed_service.hpp"
#include "booking/public_catalog_handlers.hpp"
#include "booking/service_catalog.hpp"
#include "booking/service_handlers.hpp"

namespace careops::booking {

struct Module::Impl {
  ServiceCatalog catalog;
  AvailabilityService availability;
  CalendarFeedService feeds;
  ServiceHandlers service_handlers;
  PublicCatalogHandlers public_handlers;
  CalendarFeedHandlers calendar_handlers;

  Impl(const app::Config& config, const Clock& clock, const SecretKey& key)
      : catalog(clock),
        feeds(clock, key, config.public_base_url),
        service_handlers(catalog, availability),
        public_handlers(catalog),
        calendar_handlers(feeds) {}
};

Module::Module(const app::Config& config, const Clock& clock, const SecretKey& key)
    : impl_(std::make_unique<Impl>(config, clock, key)) {}
Module::~Module() = default;

const ServiceCatalog& Module::catalog() const { return impl_->catalog; }
const AvailabilityService& Module::availability() const { return impl_->availability; }
const CalendarFeedService& Module::feeds() const { return impl_->feeds; }
const ServiceHandlers& Module::service_handlers() const { return impl_->service_handlers; }
const PublicCatalogHandlers& Module::public_handlers() const { return impl_->public_handlers; }
const CalendarFeedHandlers& Module::calendar_handlers() const { return impl_->calendar_handlers; }

}  // namespace careops::booking
