#include "booking/booking_json.hpp"

#include "booking/time_format.hpp"
#include "http/error_response.hpp"

namespace careops::booking {
namespace {

using http::Json;

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

Json SlotsJson(const FreshSlots& fresh) {
  Json slots = Json::array();
  for (const Slot& s : fresh.slots) {
    Json staff = Json::array();
    for (std::int64_t id : s.staff_ids) {
      std::string name;
      for (const auto& [known, full_name] : fresh.staff_names) {
        if (known == id) name = full_name;
      }
      staff.push_back({{"id", id}, {"name", name}});
    }
    slots.push_back({{"start", FormatInstant(s.start_utc)},
                     {"end", FormatInstant(s.end_utc)},
                     {"staff", std::move(staff)}});
  }
  return slots;
}

http::Response BookingErrorResponse(const Error& error, const FreshSlots& fresh) {
  if (IsSlotConflict(error)) {
    return http::ErrorResponse(error, {{"slots", SlotsJson(fresh)}});
  }
  return http::ErrorResponse(error);
}

}  // namespace careops::booking
