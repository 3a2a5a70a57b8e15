#pragma once
// A small RFC 5545 (iCalendar) writer for the calendar feeds (PRODUCT.md B7): one VCALENDAR of
// VEVENTs in UTC. Pure functions; thread-safe.
//
// Output contract: every line ends in CRLF; content lines longer than 75 octets are folded
// (CRLF + one space), never inside a UTF-8 sequence; TEXT values escape \ ; , and line breaks,
// and drop other control characters.

#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"

namespace careops::booking {

struct IcsEvent {
  std::string uid;  // globally unique and stable: "booking-42@careops.example"
  Millis start = 0;
  Millis end = 0;
  std::string summary;
  std::string location;     // omitted when empty
  std::string description;  // omitted when empty
  bool tentative = false;   // STATUS:TENTATIVE, else CONFIRMED
};

struct IcsCalendar {
  std::string name;  // X-WR-CALNAME, what calendar apps show
  std::vector<IcsEvent> events;
};

// The whole calendar; `stamp` is every event's DTSTAMP (when the feed was generated).
std::string WriteCalendar(const IcsCalendar& calendar, Millis stamp);

// "20260330T080000Z"
std::string IcsUtc(Millis t);
// A TEXT value: \ ; , escaped, CRLF / LF / CR as "\n", other control characters dropped.
std::string IcsEscapeText(std::string_view text);
// One content line folded to lines of at most 75 octets, each ending in CRLF.
std::string IcsFold(std::string_view line);

}  // namespace careops::booking
