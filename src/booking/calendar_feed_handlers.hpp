#pragma once
// HTTP handlers of calendar feeds (docs/API.md, Booking: calendar-feeds): the caller's feed
// URLs (kMember, any member), rotating one, and the public feed itself, whose path token is
// the credential (the access log redacts it: http::RedactTarget). Thread-safe (const).

#include "http/message.hpp"
#include "http/router.hpp"

namespace careops::booking {

class CalendarFeedService;

class CalendarFeedHandlers {
 public:
  // `feeds` must outlive the handlers.
  explicit CalendarFeedHandlers(const CalendarFeedService& feeds) : feeds_(feeds) {}

  http::Response List(http::RequestContext& ctx) const;
  // {"scope": "member" | "workspace"}
  http::Response Rotate(http::RequestContext& ctx) const;
  // {token}, with or without ".ics": text/calendar.
  http::Response Feed(http::RequestContext& ctx) const;

 private:
  const CalendarFeedService& feeds_;
};

}  // namespace careops::booking
