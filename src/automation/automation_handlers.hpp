#pragma once
// HTTP handlers of the automation page (docs/API.md, "Automation"): the rules with their
// switches, sample texts and 30-day counts; switching one; a rule's log. Owner routes: they
// reach these after MemberGuard. Thread-safe (const, stateless).

#include <string>

#include "http/message.hpp"
#include "http/router.hpp"

namespace careops::automation {

class AutomationHandlers {
 public:
  // `public_base_url` (read at each request: final once the server listens) makes the sample
  // links; it must outlive the handlers.
  explicit AutomationHandlers(const std::string& public_base_url)
      : public_base_url_(public_base_url) {}

  http::Response List(http::RequestContext& ctx) const;
  // PATCH …/automation/{rule} {enabled}
  http::Response Update(http::RequestContext& ctx) const;
  // GET …/automation/{rule}/log?cursor=&limit=
  http::Response Log(http::RequestContext& ctx) const;

 private:
  const std::string& public_base_url_;
};

}  // namespace careops::automation
