#include "booking/booking_json.hpp"

#include <utility>

#include "booking/time_format.hpp"
#include "http/error_response.hpp"
#include "http/url.hpp"

namespace careops::booking {
namespace {

using http::Json;

// A JSON list of integers, or 400 naming `field`. Absent or null -> nullopt.
Result<std::optional<std::vector<std::int64_t>>> OptionalIntList(const Json& body,
                                                                 const char* field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::optional<std::vector<std::int64_t>>();
  const Error wrong =
      Error::InvalidArgument(std::string(field) + " must be a list of integers", field);
  if (!it->is_array() || it->size() > 1000) return wrong;
  std::vector<std::int64_t> out;
  for (const Json& v : *it) {
    if (!v.is_number_integer()) return wrong;
    if (v.is_number_unsigned() && v.get<std::uint64_t>() > INT64_MAX) return wrong;
    out.push_back(v.get<std::int64_t>());
  }
  return std::optional<std::vector<std::int64_t>>(std::move(out));
}

Json TimeOrNull(const std::optional<Millis>& t) {
  return t ? Json(FormatInstant(*t)) : Json(nullptr);
}

Json ServiceOf(const BookingDetails& d) {
  return {{"id", d.booking.service_id},
          {"name", d.service_name},
          {"duration_minutes", d.service_duration_minutes}};
}

Json MemberOf(const BookingDetails& d) {
  return {{"id", d.booking.staff_id}, {"name", d.staff_name}};
}

}  // namespace

Json ServiceJson(const Service& s) {
  return {{"id", s.id},
          {"name", s.name},
          {"description", s.description},
          {"duration_minutes", s.duration_minutes},
          {"price_cents", s.price_cents ? Json(*s.price_cents) : Json(nullptr)},
          {"currency", s.currency},
          {"location_kind", s.location_kind},
          {"location", s.location},
          {"buffer_before_minutes", s.buffer_before_minutes},
          {"buffer_after_minutes", s.buffer_after_minutes},
          {"min_notice_minutes", s.min_notice_minutes},
          {"horizon_days", s.horizon_days},
          {"slot_interval_minutes", s.slot_interval_minutes},
          {"requires_approval", s.requires_approval},
          {"reminder_offsets_minutes", s.reminder_offsets_minutes},
          {"member_ids", s.staff_ids},
          {"is_active", s.is_active},
          {"created_at", s.created_at},
          {"updated_at", s.updated_at}};
}

Json PublicServiceJson(const Service& s) {
  return {{"id", s.id},
          {"name", s.name},
          {"description", s.description},
          {"duration_minutes", s.duration_minutes},
          {"price_cents", s.price_cents ? Json(*s.price_cents) : Json(nullptr)},
          {"currency", s.currency},
          {"location_kind", s.location_kind}};
}

Json StaffRefJson(const StaffRef& r) { return {{"id", r.id}, {"name", r.name}}; }

Json SlotJson(const NamedSlot& s) {
  Json staff = Json::array();
  for (const StaffRef& r : s.staff) staff.push_back(StaffRefJson(r));
  return {{"start", FormatInstant(s.start)}, {"end", FormatInstant(s.end)}, {"staff", staff}};
}

Json SlotsJson(const std::vector<NamedSlot>& slots) {
  Json out = Json::array();
  for (const NamedSlot& s : slots) out.push_back(SlotJson(s));
  return out;
}

Json SlotAnswerJson(const SlotAnswer& answer) {
  return {{"timezone", answer.timezone}, {"slots", SlotsJson(answer.slots)}};
}

Result<SlotTexts> ReadSlotTexts(const http::RequestContext& ctx) {
  auto params = http::ParseQuery(ctx.query);
  if (!params.ok()) return std::move(params).error();
  return SlotTexts{http::FindParam(*params, "from"), http::FindParam(*params, "to"),
                   http::FindParam(*params, "tz")};
}

Result<ServiceFields> ReadServiceFields(const Json& body) {
  ServiceFields f;
  const std::pair<const char*, std::optional<std::string>*> texts[] = {
      {"name", &f.name},
      {"description", &f.description},
      {"currency", &f.currency},
      {"location_kind", &f.location_kind},
      {"location", &f.location}};
  for (const auto& [name, out] : texts) {
    auto v = http::OptionalString(body, name);
    if (!v.ok()) return std::move(v).error();
    *out = std::move(v).value();
  }
  const std::pair<const char*, std::optional<std::int64_t>*> ints[] = {
      {"duration_minutes", &f.duration_minutes},
      {"buffer_before_minutes", &f.buffer_before_minutes},
      {"buffer_after_minutes", &f.buffer_after_minutes},
      {"min_notice_minutes", &f.min_notice_minutes},
      {"horizon_days", &f.horizon_days},
      {"slot_interval_minutes", &f.slot_interval_minutes}};
  for (const auto& [name, out] : ints) {
    auto v = http::OptionalInt(body, name);
    if (!v.ok()) return std::move(v).error();
    *out = *v;
  }
  // price_cents: present null clears the price, absent leaves it.
  if (auto it = body.find("price_cents"); it != body.end()) {
    if (it->is_null()) {
      f.price_cents = std::optional<std::int64_t>();
    } else {
      auto v = http::OptionalInt(body, "price_cents");
      if (!v.ok()) return std::move(v).error();
      f.price_cents = *v;
    }
  }
  const std::pair<const char*, std::optional<bool>*> bools[] = {
      {"requires_approval", &f.requires_approval}, {"is_active", &f.is_active}};
  for (const auto& [name, out] : bools) {
    auto v = http::OptionalBool(body, name);
    if (!v.ok()) return std::move(v).error();
    *out = *v;
  }
  auto offsets = OptionalIntList(body, "reminder_offsets_minutes");
  if (!offsets.ok()) return std::move(offsets).error();
  f.reminder_offsets_minutes = std::move(offsets).value();
  auto members = OptionalIntList(body, "member_ids");
  if (!members.ok()) return std::move(members).error();
  f.member_ids = std::move(members).value();
  return f;
}

Json BookingJson(const BookingDetails& d) {
  const Booking& b = d.booking;
  return {{"id", b.id},
          {"status", BookingStatusName(b.status)},
          {"start", FormatInstant(b.start_at)},
          {"end", FormatInstant(b.end_at)},
          {"service", ServiceOf(d)},
          {"member", MemberOf(d)},
          {"contact",
           {{"id", b.contact_id},
            {"name", d.contact_name},
            {"phone", d.contact_phone ? Json(*d.contact_phone) : Json(nullptr)},
            {"email", d.contact_email ? Json(*d.contact_email) : Json(nullptr)}}},
          {"conversation_id", d.conversation_id ? Json(*d.conversation_id) : Json(nullptr)},
          {"notes", b.notes},
          {"source", b.source},
          {"customer_confirmed_at", TimeOrNull(b.customer_confirmed_at)},
          {"cancelled_at", TimeOrNull(b.cancelled_at)},
          {"cancelled_by", b.cancelled_by ? Json(*b.cancelled_by) : Json(nullptr)},
          {"created_at", FormatInstant(b.created_at)},
          {"updated_at", FormatInstant(b.updated_at)}};
}

Json BookingWithRemindersJson(const BookingWithReminders& b) {
  Json out = BookingJson(b.booking);
  Json reminders = Json::array();
  for (const jobs::Job& job : b.reminders) {
    reminders.push_back({{"due_at", FormatInstant(job.due_at)},
                         {"status", jobs::JobStatusName(job.status)},
                         {"result", job.result}});
  }
  out["reminders"] = std::move(reminders);
  return out;
}

Json PublicBookingJson(const BookingDetails& d) {
  const Booking& b = d.booking;
  return {{"id", b.id},
          {"status", BookingStatusName(b.status)},
          {"start", FormatInstant(b.start_at)},
          {"end", FormatInstant(b.end_at)},
          {"service", ServiceOf(d)},
          {"member", MemberOf(d)},
          {"customer_confirmed_at", TimeOrNull(b.customer_confirmed_at)},
          {"cancelled_at", TimeOrNull(b.cancelled_at)}};
}

http::Response BookingErrorResponse(const Error& error, const FreshSlots& fresh) {
  if (IsSlotConflict(error)) {
    return http::ErrorResponse(error, {{"slots", SlotsJson(fresh.slots)}});
  }
  return http::ErrorResponse(error);
}

}  // namespace careops::booking
