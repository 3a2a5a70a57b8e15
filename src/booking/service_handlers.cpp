#include "booking/service_handlers.hpp"

#include <utility>

#include "auth/auth_json.hpp"
#include "booking/availability_service.hpp"
#include "booking/booking_json.hpp"
#include "booking/service_catalog.hpp"
#include "booking/slot_service.hpp"
#include "booking/time_format.hpp"
#include "core/clock.hpp"
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

// {"start": "HH:MM", "end": "HH:MM"} of `field`; 400 naming `field`.
Result<LocalInterval> ReadInterval(const Json& j, const char* field) {
  const Error wrong = Error::InvalidArgument(
      std::string(field) + ": each interval needs \"start\" and \"end\" as \"HH:MM\"", field);
  if (!j.is_object()) return wrong;
  const auto start = j.find("start");
  const auto end = j.find("end");
  if (start == j.end() || end == j.end() || !start->is_string() || !end->is_string()) return wrong;
  const auto s = ParseWallTime(start->get<std::string>(), false);
  const auto e = ParseWallTime(end->get<std::string>(), true);
  if (!s || !e) return wrong;
  if (*s >= *e) {
    return Error::InvalidArgument(std::string(field) + ": each interval must start before it ends",
                                  field);
  }
  return LocalInterval{*s, *e};
}

Result<Availability> ReadAvailability(const Json& body) {
  Availability a;
  if (auto weekly = body.find("weekly"); weekly != body.end() && !weekly->is_null()) {
    if (!weekly->is_array()) return Error::InvalidArgument("weekly must be a list", "weekly");
    if (weekly->size() > kMaxWeeklyIntervals) {
      return Error::InvalidArgument("at most 50 weekly intervals", "weekly");
    }
    for (const Json& w : *weekly) {
      if (!w.is_object() || !w.contains("weekday") || !w["weekday"].is_number_integer()) {
        return Error::InvalidArgument("each weekly interval needs a weekday 0-6", "weekly");
      }
      const auto day = w["weekday"].get<std::int64_t>();
      if (day < 0 || day > 6) {
        return Error::InvalidArgument("weekday must be 0 (Monday) to 6 (Sunday)", "weekly");
      }
      auto interval = ReadInterval(w, "weekly");
      if (!interval.ok()) return std::move(interval).error();
      a.weekly.push_back({static_cast<int>(day), interval->start_minute, interval->end_minute});
    }
  }
  if (auto overrides = body.find("overrides"); overrides != body.end() && !overrides->is_null()) {
    if (!overrides->is_array()) {
      return Error::InvalidArgument("overrides must be a list", "overrides");
    }
    if (overrides->size() > kMaxOverrides) {
      return Error::InvalidArgument("at most 400 overrides", "overrides");
    }
    for (const Json& o : *overrides) {
      const Error wrong = Error::InvalidArgument(
          "each override needs a \"date\" (YYYY-MM-DD), \"closed\" (true or false), "
          "\"intervals\" and a \"note\" text",
          "overrides");
      if (!o.is_object() || !o.contains("date") || !o["date"].is_string()) return wrong;
      AvailabilityOverride out;
      const auto date = ParseDate(o["date"].get<std::string>());
      if (!date) return Error::InvalidArgument("an override's date is not a date", "overrides");
      out.date = *date;
      if (auto c = o.find("closed"); c != o.end() && !c->is_null()) {
        if (!c->is_boolean()) return wrong;
        out.closed = c->get<bool>();
      }
      if (auto n = o.find("note"); n != o.end() && !n->is_null()) {
        if (!n->is_string()) return wrong;
        out.note = n->get<std::string>();
      }
      if (auto list = o.find("intervals"); list != o.end() && !list->is_null()) {
        if (!list->is_array() || list->size() > kMaxOverrideIntervals) return wrong;
        for (const Json& i : *list) {
          auto interval = ReadInterval(i, "overrides");
          if (!interval.ok()) return std::move(interval).error();
          out.intervals.push_back(*interval);
        }
      }
      a.overrides.push_back(std::move(out));
    }
  }
  return a;
}

Json IntervalJson(int start, int end) {
  return {{"start", FormatWallTime(start)}, {"end", FormatWallTime(end)}};
}

Json AvailabilityJson(const MemberAvailability& m) {
  Json weekly = Json::array();
  for (const WeeklyInterval& w : m.availability.weekly) {
    Json j = IntervalJson(w.start_minute, w.end_minute);
    j["weekday"] = w.weekday;
    weekly.push_back(std::move(j));
  }
  Json overrides = Json::array();
  for (const AvailabilityOverride& o : m.availability.overrides) {
    Json intervals = Json::array();
    for (const LocalInterval& i : o.intervals) {
      intervals.push_back(IntervalJson(i.start_minute, i.end_minute));
    }
    overrides.push_back({{"date", FormatDate(o.date)},
                         {"closed", o.closed},
                         {"intervals", std::move(intervals)},
                         {"note", o.note}});
  }
  return {{"member_id", m.member_id},
          {"timezone", m.timezone},
          {"weekly", std::move(weekly)},
          {"overrides", std::move(overrides)}};
}

Result<ServiceFields> ReadBody(const RequestContext& ctx) {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return std::move(body).error();
  return ReadServiceFields(*body);
}

}  // namespace

Response ServiceHandlers::List(RequestContext& ctx) const {
  auto params = http::ParseQuery(ctx.query);
  if (!params.ok()) return ErrorResponse(params.error());
  TRY_ASSIGN(archived, http::FlagParam(*params, "include_archived"));
  Json services = Json::array();
  for (const Service& s : catalog_.List(ctx.db, ctx.workspace_id, *archived)) {
    services.push_back(ServiceJson(s));
  }
  return JsonResponse(200, {{"services", std::move(services)}});
}

Response ServiceHandlers::Create(RequestContext& ctx) const {
  auto fields = ReadBody(ctx);
  if (!fields.ok()) return ErrorResponse(fields.error());
  auto created = catalog_.Create(ctx.db, ctx.workspace_id, *fields);
  if (!created.ok()) return ErrorResponse(created.error());
  return JsonResponse(201, ServiceJson(*created));
}

Response ServiceHandlers::Get(RequestContext& ctx) const {
  auto s = catalog_.Get(ctx.db, ctx.workspace_id, ctx.params.Int("service_id"));
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(200, ServiceJson(*s));
}

Response ServiceHandlers::Update(RequestContext& ctx) const {
  auto fields = ReadBody(ctx);
  if (!fields.ok()) return ErrorResponse(fields.error());
  auto s = catalog_.Update(ctx.db, ctx.workspace_id, ctx.params.Int("service_id"), *fields);
  if (!s.ok()) return ErrorResponse(s.error());
  return JsonResponse(200, ServiceJson(*s));
}

Response ServiceHandlers::Delete(RequestContext& ctx) const {
  Status deleted = catalog_.Delete(ctx.db, ctx.workspace_id, ctx.params.Int("service_id"));
  if (!deleted.ok()) return ErrorResponse(deleted.error());
  return auth::NoContent();
}

Response ServiceHandlers::StaffSlots(RequestContext& ctx) const {
  auto texts = ReadSlotTexts(ctx);
  if (!texts.ok()) return ErrorResponse(texts.error());
  auto answer = booking::StaffSlots(ctx.db, ctx.workspace_id, ctx.params.Int("service_id"), *texts,
                                    ctx.clock.NowMillis());
  if (!answer.ok()) return ErrorResponse(answer.error());
  return JsonResponse(200, SlotAnswerJson(*answer));
}

Response ServiceHandlers::GetAvailability(RequestContext& ctx) const {
  auto a = availability_.Get(ctx.db, ctx.workspace_id, ctx.params.Int("member_id"));
  if (!a.ok()) return ErrorResponse(a.error());
  return JsonResponse(200, AvailabilityJson(*a));
}

Response ServiceHandlers::PutAvailability(RequestContext& ctx) const {
  // Who may comes before what was sent: a member editing someone else hears 403, not 400.
  if (Status allowed = availability_.CheckCanChange(ctx.db, ctx.workspace_id, ctx.user_id,
                                                    ctx.params.Int("member_id"));
      !allowed.ok()) {
    return ErrorResponse(allowed.error());
  }
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return ErrorResponse(body.error());
  auto availability = ReadAvailability(*body);
  if (!availability.ok()) return ErrorResponse(availability.error());
  auto a = availability_.Replace(ctx.db, ctx.workspace_id, ctx.user_id, ctx.params.Int("member_id"),
                                 std::move(availability).value());
  if (!a.ok()) return ErrorResponse(a.error());
  return JsonResponse(200, AvailabilityJson(*a));
}

}  // namespace careops::booking
