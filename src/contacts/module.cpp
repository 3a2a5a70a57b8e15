#include "contacts/module.hpp"

#include "contacts/contact_csv.hpp"
#include "contacts/contact_handlers.hpp"
#include "contacts/contact_service.hpp"

namespace careops::contacts {

struct Module::Impl {
  ContactService service;
  ContactCsv csv;
  ContactHandlers handlers;

  explicit Impl(const Clock& clock) : service(clock), csv(clock), handlers(service, csv) {}
};

Module::Module(const Clock& clock) : impl_(std::make_unique<Impl>(clock)) {}
Module::~Module() = default;
const ContactService& Module::service() const { return impl_->service; }
const ContactHandlers& Module::handlers() const { return impl_->handlers; }

}  // namespace careops::contacts
