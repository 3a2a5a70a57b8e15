#pragma once
// The intake forms feature as the composition root sees it (PRODUCT.md F1–F3): the form
// builder, the requests that follow bookings (a booking observer and the form_reminder job),
// the public form page and the handlers of their routes.
//
// Wiring (src/app/app.cpp): booking.AddObserver(forms.requests().Observer());
// scheduler.Register(forms::kFormReminderJob, forms.requests().ReminderHandler());
// onboarding.Register("forms", forms::FormsStep); routes take handlers().

#include <memory>

namespace careops {
class Clock;
class SecretKey;
}  // namespace careops
namespace careops::app {
struct Config;
}
namespace careops::http {
class EventHub;
}
namespace careops::messaging {
class Outbox;
}

namespace careops::forms {

class FormHandlers;
class FormRequests;
class FormService;
class RequestService;

class Module {
 public:
  // Everything passed must outlive the module. `config.public_base_url` is read at each use
  // (form links; the composition root completes it after binding the port). Requests queue
  // their messages on `outbox` and publish their changes on `events`.
  Module(const app::Config& config, const Clock& clock, const SecretKey& key,
         const messaging::Outbox& outbox, http::EventHub& events);
  ~Module();

  const FormService& forms() const;
  const FormRequests& requests() const;
  const RequestService& request_service() const;
  const FormHandlers& handlers() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace careops::forms
