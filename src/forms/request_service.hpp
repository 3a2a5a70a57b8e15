#pragma once
// Form requests as staff read them and as customers answer them (PRODUCT.md F2, F3;
// docs/API.md, "Forms"). Knows nothing of HTTP; membership and the `forms` permission are
// checked by the router, the public calls by the signed token. Thread-safe (read-only after
// construction). Writes open their own transaction: call them outside one.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "booking/booking_repository.hpp"
#include "core/error.hpp"
#include "forms/model.hpp"
#include "workspaces/model.hpp"

namespace careops {
class Clock;
}
namespace careops::db {
class Connection;
}
namespace careops::http {
class EventHub;
}

namespace careops::forms {

class FormTokens;

struct RequestListQuery {
  std::string status;  // "", pending, overdue, completed, cancelled
  std::optional<std::int64_t> booking_id;
  std::optional<std::int64_t> contact_id;
  std::string cursor;  // next_cursor of the previous page; "" for the first
  int limit = 50;
};

struct RequestPage {
  std::vector<FormRequest> requests;
  std::optional<std::string> next_cursor;  // nullopt: this was the last page
};

// What the public form page shows.
struct OpenedForm {
  FormRequest request;
  Form form;
  workspaces::Workspace workspace;
  booking::BookingDetails booking;
};

class RequestService {
 public:
  // All must outlive this.
  RequestService(const Clock& clock, const FormTokens& tokens, http::EventHub& events)
      : clock_(clock), tokens_(tokens), events_(events) {}

  // Newest first. InvalidArgument naming "status" or "cursor".
  Result<RequestPage> List(db::Connection& conn, std::int64_t workspace_id,
                           const RequestListQuery& query) const;
  // NotFound unless the workspace has that request.
  Result<FormRequest> Get(db::Connection& conn, std::int64_t workspace_id, std::int64_t id) const;

  // The request a link's token names, with its form. NotFound for an unknown or forged token;
  // Gone when the request was cancelled (its booking was). A completed one opens (the page
  // says so).
  Result<OpenedForm> Open(db::Connection& conn, std::string_view token) const;
  // Completes the request with `answers` ({key: value}, answer_rules.hpp). NotFound / Gone as
  // Open; Conflict naming "status" when it was already completed; InvalidArgument with every
  // bad field in `problems`. Writes a "form_completed" event into the contact's conversation
  // and publishes form_request and conversation events after the commit. An overdue request
  // is still accepted.
  Result<FormRequest> Submit(db::Connection& conn, std::string_view token,
                             const nlohmann::json& answers) const;

 private:
  Result<FormRequest> Verified(db::Connection& conn, std::string_view token) const;

  const Clock& clock_;
  const FormTokens& tokens_;
  http::EventHub& events_;
};

}  // namespace careops::forms
