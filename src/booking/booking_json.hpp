#pragma once
// Bookings as JSON (docs/API.md, "Bookings", "Public booking"). Times are RFC 3339 UTC.

#include <cstdint>

#include "booking/booking_service.hpp"
#include "http/json.hpp"
#include "http/message.hpp"

namespace careops::booking {

// The staff's view: everything, with the contact.
http::Json BookingJson(const BookingDetails& d);
// BookingJson plus "reminders": [{"due_at", "status", "result"}].
http::Json BookingWithRemindersJson(const BookingWithReminders& b);
// The customer's view: {"id", "status", "start", "end", "service", "member",
// "customer_confirmed_at", "cancelled_at"} — nothing about other people.
http::Json PublicBookingJson(const BookingDetails& d);
// [{"start", "end", "staff": [{"id", "name"}]}].
http::Json SlotsJson(const FreshSlots& fresh);

// The answer to an Error: ErrorResponse, and for a Conflict on "start" (the slot is taken) the
// same body with "slots": the free slots of that day.
http::Response BookingErrorResponse(const Error& error, const FreshSlots& fresh);

}  // namespace careops::booking
