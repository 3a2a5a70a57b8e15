#pragma once
// HTTP handlers of forms: JSON <-> FormService / RequestService (docs/API.md, "Forms").
// Member routes reach these after the kMember guard (permission forms to read, owner to
// write); the public ones carry the link's token in the body. Thread-safe (const, stateless).

#include "http/message.hpp"
#include "http/router.hpp"

namespace careops::forms {

class FormService;
class RequestService;

class FormHandlers {
 public:
  // Both must outlive this.
  FormHandlers(const FormService& forms, const RequestService& requests)
      : forms_(forms), requests_(requests) {}

  // Members: GET/POST …/forms, GET/PATCH/DELETE …/forms/{form_id}.
  http::Response List(http::RequestContext& ctx) const;
  http::Response Create(http::RequestContext& ctx) const;
  http::Response Get(http::RequestContext& ctx) const;
  http::Response Update(http::RequestContext& ctx) const;
  http::Response Delete(http::RequestContext& ctx) const;
  // Members: GET …/form-requests, GET …/form-requests/{request_id}.
  http::Response ListRequests(http::RequestContext& ctx) const;
  http::Response GetRequest(http::RequestContext& ctx) const;

  // Public, the link's token in the body: POST /api/public/forms/{open,submit}.
  http::Response Open(http::RequestContext& ctx) const;
  http::Response Submit(http::RequestContext& ctx) const;

 private:
  const FormService& forms_;
  const RequestService& requests_;
};

}  // namespace careops::forms
