#include "forms/module.hpp"

#include "app/config.hpp"
#include "forms/form_handlers.hpp"
#include "forms/form_requests.hpp"
#include "forms/form_service.hpp"
#include "forms/request_service.hpp"

namespace careops::forms {

struct Module::Impl {
  FormService forms;
  FormRequests requests;
  RequestService request_service;
  FormHandlers handlers;

  Impl(const app::Config& config, const Clock& clock, const SecretKey& key,
       const messaging::Outbox& outbox, http::EventHub& events)
      : forms(clock),
        requests(clock, key, outbox, config.public_base_url, events),
        request_service(clock, requests.tokens(), events),
        handlers(forms, request_service) {}
};

Module::Module(const app::Config& config, const Clock& clock, const SecretKey& key,
               const messaging::Outbox& outbox, http::EventHub& events)
    : impl_(std::make_unique<Impl>(config, clock, key, outbox, events)) {}
Module::~Module() = default;

const FormService& Module::forms() const { return impl_->forms; }
const FormRequests& Module::requests() const { return impl_->requests; }
const RequestService& Module::request_service() const { return impl_->request_service; }
const FormHandlers& Module::handlers() const { return impl_->handlers; }

}  // namespace careops::forms
