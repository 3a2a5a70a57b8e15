#include "forms/form_handlers.hpp"

#include "auth/auth_json.hpp"
#include "core/clock.hpp"
#include "forms/form_json.hpp"
#include "forms/form_service.hpp"
#include "forms/request_service.hpp"
#include "http/error_response.hpp"
#include "http/json.hpp"
#include "http/url.hpp"

namespace careops::forms {
namespace {

using http::ErrorResponse;
using http::Json;
using http::JsonResponse;
using http::RequestContext;
using http::Response;

constexpr std::size_t kMaxTokenBytes = 200;

Result<std::string> Token(const Json& body) {
  auto token = http::RequiredString(body, "token");
  if (!token.ok()) return std::move(token).error();
  if (token->empty() || token->size() > kMaxTokenBytes) {
    return Error::InvalidArgument("token is not a form link's token", "token");
  }
  return std::move(token).value();
}

Result<FormInput> ReadBody(const RequestContext& ctx) {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return std::move(body).error();
  return ReadFormInput(*body);
}

}  // namespace

Response FormHandlers::List(RequestContext& ctx) const {
  TRY_ASSIGN(params, http::ParseQuery(ctx.query));
  TRY_ASSIGN(archived, http::FlagParam(*params, "include_archived"));
  Json forms = Json::array();
  for (const Form& f : forms_.List(ctx.db, ctx.workspace_id, *archived)) {
    forms.push_back(FormJson(f));
  }
  return JsonResponse(200, {{"forms", std::move(forms)}});
}

Response FormHandlers::Create(RequestContext& ctx) const {
  TRY_ASSIGN(input, ReadBody(ctx));
  TRY_ASSIGN(created, forms_.Create(ctx.db, ctx.workspace_id, *input));
  return JsonResponse(201, FormJson(*created));
}

Response FormHandlers::Get(RequestContext& ctx) const {
  TRY_ASSIGN(f, forms_.Get(ctx.db, ctx.workspace_id, ctx.params.Int("form_id")));
  return JsonResponse(200, FormJson(*f));
}

Response FormHandlers::Update(RequestContext& ctx) const {
  TRY_ASSIGN(input, ReadBody(ctx));
  TRY_ASSIGN(f, forms_.Update(ctx.db, ctx.workspace_id, ctx.params.Int("form_id"), *input));
  return JsonResponse(200, FormJson(*f));
}

Response FormHandlers::Delete(RequestContext& ctx) const {
  Status deleted = forms_.Delete(ctx.db, ctx.workspace_id, ctx.params.Int("form_id"));
  if (!deleted.ok()) return ErrorResponse(deleted.error());
  return auth::NoContent();
}

Response FormHandlers::ListRequests(RequestContext& ctx) const {
  TRY_ASSIGN(query, http::ParseQuery(ctx.query));
  RequestListQuery q;
  q.status = http::FindParam(*query, "status").value_or("");
  q.cursor = http::FindParam(*query, "cursor").value_or("");
  TRY_ASSIGN(booking, http::IntParamIn(*query, "booking_id", 1, INT64_MAX));
  TRY_ASSIGN(contact, http::IntParamIn(*query, "contact_id", 1, INT64_MAX));
  TRY_ASSIGN(limit, http::IntParamIn(*query, "limit", 1, 200));
  q.booking_id = *booking;
  q.contact_id = *contact;
  q.limit = static_cast<int>(limit->value_or(50));
  TRY_ASSIGN(page, requests_.List(ctx.db, ctx.workspace_id, q));
  const Millis now = ctx.clock.NowMillis();
  Json list = Json::array();
  for (const FormRequest& r : page->requests) list.push_back(RequestJson(r, now));
  return JsonResponse(
      200, {{"requests", std::move(list)},
            {"next_cursor", page->next_cursor ? Json(*page->next_cursor) : Json(nullptr)}});
}

Response FormHandlers::GetRequest(RequestContext& ctx) const {
  TRY_ASSIGN(r, requests_.Get(ctx.db, ctx.workspace_id, ctx.params.Int("request_id")));
  return JsonResponse(200, RequestJson(*r, ctx.clock.NowMillis()));
}

Response FormHandlers::Open(RequestContext& ctx) const {
  TRY_ASSIGN(body, http::ParseJsonObject(ctx.request));
  TRY_ASSIGN(token, Token(*body));
  TRY_ASSIGN(opened, requests_.Open(ctx.db, *token));
  return JsonResponse(200, OpenedFormJson(*opened, ctx.clock.NowMillis()));
}

Response FormHandlers::Submit(RequestContext& ctx) const {
  TRY_ASSIGN(body, http::ParseJsonObject(ctx.request));
  TRY_ASSIGN(token, Token(*body));
  const auto answers = body->find("answers");
  if (answers == body->end() || answers->is_null()) {
    return ErrorResponse(Error::InvalidArgument("answers is required", "answers"));
  }
  TRY_ASSIGN(done, requests_.Submit(ctx.db, *token, *answers));
  return JsonResponse(200, PublicRequestJson(*done, ctx.clock.NowMillis()));
}

}  // namespace careops::forms
