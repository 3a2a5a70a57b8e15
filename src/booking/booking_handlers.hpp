#pragma once
// HTTP handlers of bookings: JSON <-> BookingService (docs/API.md, "Bookings", "Public
// booking"). Member routes reach these after the kMember guard (permission bookings); the
// public ones carry the workspace's slug or a manage token in the body. Thread-safe (const,
// stateless).

#include "http/message.hpp"
#include "http/router.hpp"

namespace careops::booking {

class BookingService;
struct BookingDetails;

class BookingHandlers {
 public:
  explicit BookingHandlers(const BookingService& service) : service_(service) {}

  // Members: GET/POST …/bookings, GET/PATCH …/bookings/{booking_id} (create and change
  // answer the booking with its reminders, as GET does).
  http::Response List(http::RequestContext& ctx) const;
  http::Response Create(http::RequestContext& ctx) const;
  http::Response Get(http::RequestContext& ctx) const;
  http::Response Update(http::RequestContext& ctx) const;

  // Public: POST /api/public/{slug}/bookings.
  http::Response PublicCreate(http::RequestContext& ctx) const;
  // Public, the manage token in the body: POST /api/public/bookings/{manage,cancel,reschedule,
  // confirm}.
  http::Response Manage(http::RequestContext& ctx) const;
  http::Response Cancel(http::RequestContext& ctx) const;
  http::Response Reschedule(http::RequestContext& ctx) const;
  http::Response Confirm(http::RequestContext& ctx) const;

 private:
  http::Response WithReminders(http::RequestContext& ctx, int status,
                               const BookingDetails& d) const;
  const BookingService& service_;
};

}  // namespace careops::booking
