#include "booking/ical.hpp"

#include <date/date.h>

#include <chrono>

namespace careops::booking {
namespace {

constexpr std::size_t kMaxLineOctets = 75;

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

void Line(std::string& out, std::string_view name, std::string_view value) {
  std::string line(name);
  line += ':';
  line += value;
  out += IcsFold(line);
}

}  // namespace

std::string IcsUtc(Millis t) {
  const date::sys_seconds s{std::chrono::seconds{FloorDiv(t, 1000)}};
  return date::format("%Y%m%dT%H%M%SZ", s);
}

std::string IcsEscapeText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) {
          out += c;
        } else if (c == '\t') {
          out += ' ';
        }
    }
  }
  return out;
}

std::string IcsFold(std::string_view line) {
  std::string out;
  std::size_t limit = kMaxLineOctets;  // the first line; later ones start with a space
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && IsContinuation(line[cut])) --cut;  // keep a UTF-8 sequence whole
    if (cut == 0) cut = limit;                           // not UTF-8: cut anyway
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = kMaxLineOctets - 1;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string WriteCalendar(const IcsCalendar& calendar, Millis stamp) {
  std::string out;
  Line(out, "BEGIN", "VCALENDAR");
  Line(out, "VERSION", "2.0");
  Line(out, "PRODID", "-//CareOps//CareOps Bookings//EN");
  Line(out, "CALSCALE", "GREGORIAN");
  Line(out, "METHOD", "PUBLISH");
  Line(out, "X-WR-CALNAME", IcsEscapeText(calendar.name));
  Line(out, "REFRESH-INTERVAL;VALUE=DURATION", "PT15M");
  Line(out, "X-PUBLISHED-TTL", "PT15M");
  const std::string dtstamp = IcsUtc(stamp);
  for (const IcsEvent& e : calendar.events) {
    Line(out, "BEGIN", "VEVENT");
    Line(out, "UID", IcsEscapeText(e.uid));
    Line(out, "DTSTAMP", dtstamp);
    Line(out, "DTSTART", IcsUtc(e.start));
    Line(out, "DTEND", IcsUtc(e.end));
    Line(out, "SUMMARY", IcsEscapeText(e.summary));
    if (!e.location.empty()) Line(out, "LOCATION", IcsEscapeText(e.location));
    if (!e.description.empty()) Line(out, "DESCRIPTION", IcsEscapeText(e.description));
    Line(out, "STATUS", e.tentative ? "TENTATIVE" : "CONFIRMED");
    Line(out, "END", "VEVENT");
  }
  Line(out, "END", "VCALENDAR");
  return out;
}

}  // namespace careops::booking
