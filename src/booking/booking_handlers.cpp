#include "booking/booking_handlers.hpp"

#include "auth/auth_json.hpp"

#include "booking/booking_json.hpp"
#include "booking/booking_service.hpp"
#include "booking/time_format.hpp"
#include "http/error_response.hpp"
#include "http/json.hpp"
#include "http/url.hpp"

namespace careops::booking {
namespace {

using http::ErrorResponse;
using http::Json;
using http::JsonResponse;
using http::RequestContext;
using http::Response;

constexpr std::size_t kMaxTokenBytes = 200;

// A required positive id field.
Result<std::int64_t> RequiredId(const Json& body, const char* field) {
  auto value = http::OptionalInt(body, field);
  if (!value.ok()) return std::move(value).error();
  if (!*value || **value <= 0) {
    return Error::InvalidArgument(std::string(field) + " is required (a positive id)", field);
  }
  return **value;
}

// An optional positive id field.
Result<std::optional<std::int64_t>> OptionalId(const Json& body, const char* field) {
  auto value = http::OptionalInt(body, field);
  if (!value.ok()) return std::move(value).error();
  if (*value && **value <= 0) {
    return Error::InvalidArgument(std::string(field) + " must be a positive id", field);
  }
  return *value;
}

Result<Millis> ParseStart(const std::string& text) {
  auto at = ParseInstant(text);
  if (!at) {
    return Error::InvalidArgument("start must be an RFC 3339 time such as 2026-03-30T08:00:00Z",
                                  "start");
  }
  return *at;
}

Result<Millis> RequiredStart(const Json& body) {
  auto text = http::RequiredString(body, "start");
  if (!text.ok()) return std::move(text).error();
  return ParseStart(*text);
}

Result<std::string> StringOr(const Json& body, const char* field, std::string fallback = {}) {
  auto value = http::OptionalString(body, field);
  if (!value.ok()) return std::move(value).error();
  return value->value_or(std::move(fallback));
}

Result<std::string> Token(const Json& body) {
  auto token = http::RequiredString(body, "token");
  if (!token.ok()) return std::move(token).error();
  if (token->empty() || token->size() > kMaxTokenBytes) {
    return Error::InvalidArgument("token is not a booking link's token", "token");
  }
  return std::move(token).value();
}

}  // namespace

Response BookingHandlers::WithReminders(RequestContext& ctx, int status,
                                        const BookingDetails& d) const {
  auto found = service_.Get(ctx.db, ctx.workspace_id, d.booking.id);
  if (!found.ok()) return ErrorResponse(found.error());
  return JsonResponse(status, BookingWithRemindersJson(*found));
}

Response BookingHandlers::List(RequestContext& ctx) const {
  TRY_ASSIGN(query, http::ParseQuery(ctx.query));
  BookingListQuery q;
  q.from = http::FindParam(*query, "from").value_or("");
  q.to = http::FindParam(*query, "to").value_or("");
  q.status = http::FindParam(*query, "status").value_or("");
  q.cursor = http::FindParam(*query, "cursor").value_or("");
  TRY_ASSIGN(member, http::IntParamIn(*query, "member_id", 1, INT64_MAX));
  TRY_ASSIGN(contact, http::IntParamIn(*query, "contact_id", 1, INT64_MAX));
  TRY_ASSIGN(limit, http::IntParamIn(*query, "limit", 1, 500));
  q.member_id = *member;
  q.contact_id = *contact;
  q.limit = limit->value_or(100);
  TRY_ASSIGN(page, service_.List(ctx.db, ctx.workspace_id, q));
  Json list = Json::array();
  for (const auto& d : page->bookings) list.push_back(BookingJson(d));
  return JsonResponse(
      200, {{"bookings", std::move(list)},
            {"next_cursor", page->next_cursor ? Json(*page->next_cursor) : Json(nullptr)}});
}

Response BookingHandlers::Create(RequestContext& ctx) const {
  TRY_ASSIGN(body, http::ParseJsonObject(ctx.request));
  StaffBookingRequest r;
  TRY_ASSIGN(service_id, RequiredId(*body, "service_id"));
  TRY_ASSIGN(start, RequiredStart(*body));
  TRY_ASSIGN(member_id, OptionalId(*body, "member_id"));
  TRY_ASSIGN(contact_id, OptionalId(*body, "contact_id"));
  r.service_id = *service_id;
  r.start = *start;
  r.member_id = *member_id;
  r.contact_id = *contact_id;
  if (auto it = body->find("contact"); it != body->end() && !it->is_null()) {
    if (!it->is_object()) {
      return ErrorResponse(
          Error::InvalidArgument("contact must be an object {name, phone?, email?}", "contact"));
    }
    ContactInput c;
    for (auto [field, out] :
         {std::pair("name", &c.name), std::pair("phone", &c.phone), std::pair("email", &c.email)}) {
      auto value = StringOr(*it, field);
      if (!value.ok()) {
        Error e = std::move(value).error();
        e.field = std::string("contact.") + field;
        return ErrorResponse(e);
      }
      *out = std::move(value).value();
    }
    r.contact = std::move(c);
  }
  TRY_ASSIGN(notes, StringOr(*body, "notes"));
  TRY_ASSIGN(notify, http::OptionalBool(*body, "notify"));
  r.notes = std::move(notes).value();
  r.notify = notify->value_or(true);
  FreshSlots fresh;
  auto made = service_.Create(ctx.db, ctx.workspace_id, ctx.user_id, r, &fresh);
  if (!made.ok()) return BookingErrorResponse(made.error(), fresh);
  return WithReminders(ctx, 201, *made);
}

Response BookingHandlers::Get(RequestContext& ctx) const {
  TRY_ASSIGN(found, service_.Get(ctx.db, ctx.workspace_id, ctx.params.Int("booking_id")));
  return JsonResponse(200, BookingWithRemindersJson(*found));
}

Response BookingHandlers::Update(RequestContext& ctx) const {
  TRY_ASSIGN(body, http::ParseJsonObject(ctx.request));
  BookingChange change;
  TRY_ASSIGN(status, http::OptionalString(*body, "status"));
  if (*status) {
    change.status = ParseBookingStatus(**status);
    if (!change.status) {
      return ErrorResponse(Error::InvalidArgument(
          "status must be pending, confirmed, completed, no_show or cancelled", "status"));
    }
  }
  TRY_ASSIGN(start, http::OptionalString(*body, "start"));
  if (*start) {
    TRY_ASSIGN(at, ParseStart(**start));
    change.start = *at;
  }
  TRY_ASSIGN(member_id, OptionalId(*body, "member_id"));
  TRY_ASSIGN(notes, http::OptionalString(*body, "notes"));
  TRY_ASSIGN(notify, http::OptionalBool(*body, "notify"));
  change.member_id = *member_id;
  change.notes = *notes;
  change.notify = notify->value_or(true);
  FreshSlots fresh;
  auto changed = service_.Change(ctx.db, ctx.workspace_id, ctx.user_id,
                                 ctx.params.Int("booking_id"), change, &fresh);
  if (!changed.ok()) return BookingErrorResponse(changed.error(), fresh);
  return WithReminders(ctx, 200, *changed);
}

Response BookingHandlers::PublicCreate(RequestContext& ctx) const {
  TRY_ASSIGN(body, http::ParseJsonObject(ctx.request));
  PublicBookingRequest r;
  TRY_ASSIGN(service_id, RequiredId(*body, "service_id"));
  TRY_ASSIGN(start, RequiredStart(*body));
  TRY_ASSIGN(member_id, OptionalId(*body, "member_id"));
  TRY_ASSIGN(name, http::RequiredString(*body, "name"));
  r.service_id = *service_id;
  r.start = *start;
  r.member_id = *member_id;
  r.name = std::move(name).value();
  for (auto [field, out] : {std::pair("phone", &r.phone), std::pair("email", &r.email),
                            std::pair("notes", &r.notes), std::pair("website", &r.website)}) {
    TRY_ASSIGN(value, StringOr(*body, field));
    *out = std::move(value).value();
  }
  r.ip = auth::ClientOf(ctx).ip;
  FreshSlots fresh;
  auto made = service_.BookPublic(ctx.db, ctx.params.Str("slug"), r, &fresh);
  if (!made.ok()) return BookingErrorResponse(made.error(), fresh);
  return JsonResponse(
      201, {{"booking", PublicBookingJson(made->booking)}, {"manage_token", made->manage_token}});
}

Response BookingHandlers::Manage(RequestContext& ctx) const {
  TRY_ASSIGN(body, http::ParseJsonObject(ctx.request));
  TRY_ASSIGN(token, Token(*body));
  TRY_ASSIGN(managed, service_.Manage(ctx.db, *token));
  const workspaces::Workspace& w = managed->workspace;
  return JsonResponse(
      200, {{"booking", PublicBookingJson(managed->booking)},
            {"workspace", {{"name", w.name}, {"slug", w.slug}, {"timezone", w.timezone}}},
            {"can_change", managed->can_change}});
}

Response BookingHandlers::Cancel(RequestContext& ctx) const {
  TRY_ASSIGN(body, http::ParseJsonObject(ctx.request));
  TRY_ASSIGN(token, Token(*body));
  TRY_ASSIGN(cancelled, service_.CancelByCustomer(ctx.db, *token));
  return JsonResponse(200, PublicBookingJson(*cancelled));
}

Response BookingHandlers::Reschedule(RequestContext& ctx) const {
  TRY_ASSIGN(body, http::ParseJsonObject(ctx.request));
  TRY_ASSIGN(token, Token(*body));
  TRY_ASSIGN(start, RequiredStart(*body));
  FreshSlots fresh;
  auto moved = service_.RescheduleByCustomer(ctx.db, *token, *start, &fresh);
  if (!moved.ok()) return BookingErrorResponse(moved.error(), fresh);
  return JsonResponse(200, PublicBookingJson(*moved));
}

Response BookingHandlers::Confirm(RequestContext& ctx) const {
  TRY_ASSIGN(body, http::ParseJsonObject(ctx.request));
  TRY_ASSIGN(token, Token(*body));
  TRY_ASSIGN(confirmed, service_.ConfirmByCustomer(ctx.db, *token));
  return JsonResponse(200, PublicBookingJson(*confirmed));
}

}  // namespace careops::booking
