#include "booking/calendar_feed_handlers.hpp"

#include <utility>

#include "booking/calendar_feed_service.hpp"
#include "http/error_response.hpp"
#include "http/json.hpp"

namespace careops::booking {
namespace {

using http::ErrorResponse;
using http::Json;
using http::JsonResponse;
using http::RequestContext;
using http::Response;

Json FeedJson(const FeedLink& f) {
  return {{"scope", FeedScopeName(f.scope)},
          {"member_id", f.member_id ? Json(*f.member_id) : Json(nullptr)},
          {"url", f.url}};
}

}  // namespace

Response CalendarFeedHandlers::List(RequestContext& ctx) const {
  Json feeds = Json::array();
  for (const FeedLink& f : feeds_.List(ctx.db, ctx.workspace_id, ctx.user_id)) {
    feeds.push_back(FeedJson(f));
  }
  return JsonResponse(200, {{"feeds", std::move(feeds)}});
}

Response CalendarFeedHandlers::Rotate(RequestContext& ctx) const {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return ErrorResponse(body.error());
  auto scope_text = http::RequiredString(*body, "scope");
  if (!scope_text.ok()) return ErrorResponse(scope_text.error());
  const auto scope = ParseFeedScope(*scope_text);
  if (!scope) {
    return ErrorResponse(
        Error::InvalidArgument("scope must be \"member\" or \"workspace\"", "scope"));
  }
  auto feed = feeds_.Rotate(ctx.db, ctx.workspace_id, ctx.user_id, *scope);
  if (!feed.ok()) return ErrorResponse(feed.error());
  return JsonResponse(200, FeedJson(*feed));
}

Response CalendarFeedHandlers::Feed(RequestContext& ctx) const {
  auto doc = feeds_.Render(ctx.db, ctx.params.Str("token"));
  if (!doc.ok()) return ErrorResponse(doc.error());
  Response response;
  response.status = 200;
  response.headers.Set("Content-Type", "text/calendar; charset=utf-8");
  response.headers.Set("Content-Disposition", "inline; filename=\"calendar.ics\"");
  response.body = std::move(doc->ics);
  return response;
}

}  // namespace careops::booking
