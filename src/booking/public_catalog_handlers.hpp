#pragma once
// HTTP handlers of the public booking page's reads (docs/API.md, Public booking): the services
// a workspace offers and their free slots. Public routes: the workspace comes from {slug}
// through workspaces::OpenWorkspaceBySlug (404 unknown, 409 "not open yet"). Thread-safe.

#include "http/message.hpp"
#include "http/router.hpp"

namespace careops::booking {

class ServiceCatalog;

class PublicCatalogHandlers {
 public:
  // `catalog` must outlive the handlers.
  explicit PublicCatalogHandlers(const ServiceCatalog& catalog) : catalog_(catalog) {}

  // {slug}
  http::Response Services(http::RequestContext& ctx) const;
  // {slug}, {service_id:int} ?from=&to=&tz= — with the service's minimum notice.
  http::Response Slots(http::RequestContext& ctx) const;

 private:
  const ServiceCatalog& catalog_;
};

}  // namespace careops::booking
