#pragma once
// The contacts feature as the composition root sees it: the service (which the inbox uses
// for FindOrCreate), CSV import and export, and the handlers of the contacts routes.

#include <memory>

namespace careops {
class Clock;
}

namespace careops::contacts {

class ContactHandlers;
class ContactService;

class Module {
 public:
  // `clock` must outlive the module.
  explicit Module(const Clock& clock);
  ~Module();

  const ContactService& service() const;
  const ContactHandlers& handlers() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace careops::contacts
