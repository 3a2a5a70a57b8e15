#include "contacts/contact_handlers.hpp"

#include <strings.h>

#include <utility>

#include "auth/auth_json.hpp"
#include "contacts/contact_csv.hpp"
#include "contacts/contact_service.hpp"
#include "http/error_response.hpp"
#include "http/json.hpp"
#include "http/url.hpp"

namespace careops::contacts {
namespace {

using http::ErrorResponse;
using http::Json;
using http::JsonResponse;
using http::RequestContext;
using http::Response;

Json OptionalJson(const std::optional<std::string>& v) { return v ? Json(*v) : Json(nullptr); }

Json ContactJson(const Contact& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"email", OptionalJson(c.email)},
          {"phone", OptionalJson(c.phone)},
          {"tags", c.tags},
          {"notes", c.notes},
          {"sms_opted_out", c.sms_opted_out_at.has_value()},
          {"email_opted_out", c.email_opted_out_at.has_value()},
          {"source", c.source},
          {"conversation_id", c.conversation_id ? Json(*c.conversation_id) : Json(nullptr)},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at}};
}

// {name?, email?, phone?, tags?: [text], notes?}; 400 naming a field of the wrong type.
Result<ContactFields> ReadFields(const RequestContext& ctx) {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return std::move(body).error();
  ContactFields f;
  const std::pair<const char*, std::optional<std::string>*> texts[] = {
      {"name", &f.name}, {"email", &f.email}, {"phone", &f.phone}, {"notes", &f.notes}};
  for (const auto& [name, out] : texts) {
    auto value = http::OptionalString(*body, name);
    if (!value.ok()) return std::move(value).error();
    *out = std::move(value).value();
  }
  if (auto tags = body->find("tags"); tags != body->end() && !tags->is_null()) {
    const Error wrong = Error::InvalidArgument("tags must be a list of text", "tags");
    if (!tags->is_array()) return wrong;
    f.tags.emplace();
    for (const Json& tag : *tags) {
      if (!tag.is_string()) return wrong;
      f.tags->push_back(tag.get<std::string>());
    }
  }
  return f;
}

Result<ContactQuery> ReadQuery(const RequestContext& ctx) {
  auto params = http::ParseQuery(ctx.query);
  if (!params.ok()) return std::move(params).error();
  ContactQuery q;
  q.q = http::FindParam(*params, "q").value_or("");
  q.tag = http::FindParam(*params, "tag").value_or("");
  q.opted_out = http::FindParam(*params, "opted_out");
  q.cursor = http::FindParam(*params, "cursor").value_or("");
  auto limit = http::IntParam(*params, "limit");
  if (!limit.ok()) return std::move(limit).error();
  q.limit = limit->value_or(kDefaultContactPage);
  return q;
}

// Whether the request's Content-Type is text/csv (parameters such as charset allowed).
bool IsCsv(const http::Request& request) {
  std::string_view type = request.headers.Get("Content-Type").value_or("");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  return type.size() == 8 && strncasecmp(type.data(), "text/csv", 8) == 0;
}

Json ReportJson(const ImportReport& report) {
  Json rejected = Json::array();
  for (const RejectedRow& r : report.rejected) {
    rejected.push_back({{"line", r.line}, {"reason", r.reason}});
  }
  return {{"imported", report.imported},
          {"updated", report.updated},
          {"rejected", std::move(rejected)},
          {"total", report.total}};
}

}  // namespace

Response ContactHandlers::List(RequestContext& ctx) const {
  auto query = ReadQuery(ctx);
  if (!query.ok()) return ErrorResponse(query.error());
  auto page = service_.List(ctx.db, ctx.workspace_id, *query);
  if (!page.ok()) return ErrorResponse(page.error());
  Json contacts = Json::array();
  for (const Contact& c : page->contacts) contacts.push_back(ContactJson(c));
  return JsonResponse(
      200, {{"contacts", std::move(contacts)}, {"next_cursor", OptionalJson(page->next_cursor)}});
}

Response ContactHandlers::Create(RequestContext& ctx) const {
  auto fields = ReadFields(ctx);
  if (!fields.ok()) return ErrorResponse(fields.error());
  auto created = service_.Create(ctx.db, ctx.workspace_id, *fields);
  if (!created.ok()) return ErrorResponse(created.error());
  return JsonResponse(201, ContactJson(*created));
}

Response ContactHandlers::Get(RequestContext& ctx) const {
  auto c = service_.Get(ctx.db, ctx.workspace_id, ctx.params.Int("contact_id"));
  if (!c.ok()) return ErrorResponse(c.error());
  return JsonResponse(200, ContactJson(*c));
}

Response ContactHandlers::Update(RequestContext& ctx) const {
  auto fields = ReadFields(ctx);
  if (!fields.ok()) return ErrorResponse(fields.error());
  auto c = service_.Update(ctx.db, ctx.workspace_id, ctx.params.Int("contact_id"), *fields);
  if (!c.ok()) return ErrorResponse(c.error());
  return JsonResponse(200, ContactJson(*c));
}

Response ContactHandlers::Delete(RequestContext& ctx) const {
  Status deleted = service_.Delete(ctx.db, ctx.workspace_id, ctx.params.Int("contact_id"));
  if (!deleted.ok()) return ErrorResponse(deleted.error());
  return auth::NoContent();
}

Response ContactHandlers::Import(RequestContext& ctx) const {
  if (!IsCsv(ctx.request)) {
    Error error = Error::UnsupportedMediaType("the body must be text/csv");
    error.field = "Content-Type";
    return ErrorResponse(error);
  }
  auto report = csv_.Import(ctx.db, ctx.workspace_id, ctx.request.body);
  if (!report.ok()) return ErrorResponse(report.error());
  return JsonResponse(200, ReportJson(*report));
}

Response ContactHandlers::Export(RequestContext& ctx) const {
  Response response;
  response.status = 200;
  response.headers.Set("Content-Type", "text/csv; charset=utf-8");
  response.headers.Set("Content-Disposition", "attachment; filename=\"contacts.csv\"");
  response.body = csv_.Export(ctx.db, ctx.workspace_id);
  return response;
}

}  // namespace careops::contacts
