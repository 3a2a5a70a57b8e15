#pragma once
// HTTP handlers of contacts: JSON and CSV <-> ContactService and ContactCsv (docs/API.md,
// Contacts). No SQL, no rules and no access checks here: the routes are kMember with the
// inbox permission, so MemberGuard has set ctx.workspace_id before these run.
// Thread-safe (const, stateless).

#include "http/message.hpp"
#include "http/router.hpp"

namespace careops::contacts {

class ContactService;
class ContactCsv;

class ContactHandlers {
 public:
  // Both must outlive the handlers.
  ContactHandlers(const ContactService& service, const ContactCsv& csv)
      : service_(service), csv_(csv) {}

  // ?q=&tag=&opted_out=sms|email&cursor=&limit=
  http::Response List(http::RequestContext& ctx) const;
  http::Response Create(http::RequestContext& ctx) const;
  // {contact_id:int}
  http::Response Get(http::RequestContext& ctx) const;
  http::Response Update(http::RequestContext& ctx) const;
  http::Response Delete(http::RequestContext& ctx) const;
  // A text/csv body (else 415); the route allows kMaxImportBytes.
  http::Response Import(http::RequestContext& ctx) const;
  // The whole list as one text/csv body.
  http::Response Export(http::RequestContext& ctx) const;

 private:
  const ContactService& service_;
  const ContactCsv& csv_;
};

}  // namespace careops::contacts
