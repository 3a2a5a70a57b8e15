#pragma once
// JSON of the booking domain shared by its handlers (docs/API.md, Booking): services, slots,
// staff references and bookings on the wire, and the service fields read from a request body.
// Pure functions; thread-safe.

#include <string>
#include <vector>

#include "booking/booking_service.hpp"
#include "booking/model.hpp"
#include "booking/service_rules.hpp"
#include "booking/slot_service.hpp"
#include "core/error.hpp"
#include "http/json.hpp"
#include "http/message.hpp"
#include "http/router.hpp"

namespace careops::booking {

// The full service as staff see it ("member_ids", times as epoch milliseconds like every
// other *_at of the API).
http::Json ServiceJson(const Service& s);
// What the public booking page shows of a service.
http::Json PublicServiceJson(const Service& s);
// {"id", "name"}
http::Json StaffRefJson(const StaffRef& r);
// {"start", "end", "staff": [{"id", "name"}]} with RFC 3339 UTC instants.
http::Json SlotJson(const NamedSlot& s);
http::Json SlotsJson(const std::vector<NamedSlot>& slots);
// {"timezone", "slots"}
http::Json SlotAnswerJson(const SlotAnswer& answer);

// ?from=&to=&tz= of a request (400 naming "query" for a malformed query string).
Result<SlotTexts> ReadSlotTexts(const http::RequestContext& ctx);

// The service fields of a JSON object (create or PATCH): 400 naming a field of the wrong type.
// Ranges are checked later (ApplyServiceFields).
Result<ServiceFields> ReadServiceFields(const http::Json& body);

// A booking as staff see it: everything, with the contact; times RFC 3339 UTC.
http::Json BookingJson(const BookingDetails& d);
// BookingJson plus "reminders": [{"due_at", "status", "result"}].
http::Json BookingWithRemindersJson(const BookingWithReminders& b);
// The customer's view: {"id", "status", "start", "end", "service", "member",
// "customer_confirmed_at", "cancelled_at"} — nothing about other people.
http::Json PublicBookingJson(const BookingDetails& d);

// The answer to an Error: ErrorResponse, and for a taken start (IsSlotConflict) the same body
// with "slots": the free slots of that day.
http::Response BookingErrorResponse(const Error& error, const FreshSlots& fresh);

}  // namespace careops::booking
