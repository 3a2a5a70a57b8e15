#pragma once
// Calendar feeds (PRODUCT.md B7; docs/API.md, Booking: calendar-feeds): a secret iCalendar URL
// per staff member (their bookings) and per workspace (everyone's, for owners). The URL's
// token is the credential: stored only as a keyed hash (to find the feed) and sealed under the
// server key (to show the URL again); rotating it makes the old URL answer 404.
// Thread-safe (stateless; uses the caller's connection).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace careops {
class Clock;
class SecretKey;
}  // namespace careops
namespace careops::db {
class Connection;
}

namespace careops::booking {

// How far a feed reaches around now.
inline constexpr int kFeedDaysBack = 30;
inline constexpr int kFeedDaysAhead = 365;

enum class FeedScope { kMember, kWorkspace };

struct FeedLink {
  FeedScope scope = FeedScope::kMember;
  std::optional<std::int64_t> member_id;  // for kMember
  std::string url;  // {PUBLIC_BASE_URL}/api/calendar/{token}.ics — the secret
};

// A feed as served.
struct FeedDocument {
  std::string ics;
};

class CalendarFeedService {
 public:
  // All must outlive the service; `public_base_url` is read at each call (the composition root
  // completes it once the port is bound).
  CalendarFeedService(const Clock& clock, const SecretKey& key, const std::string& public_base_url)
      : clock_(clock), key_(key), public_base_url_(public_base_url) {}

  // The caller's own feed, and the workspace's when the caller is an owner; each created on
  // first request.
  std::vector<FeedLink> List(db::Connection& conn, std::int64_t workspace_id,
                             std::int64_t user_id) const;
  // A new token for the caller's own feed (kMember) or the workspace's (kWorkspace: owners
  // only, else PermissionDenied). Creates the feed when there was none.
  Result<FeedLink> Rotate(db::Connection& conn, std::int64_t workspace_id, std::int64_t user_id,
                          FeedScope scope) const;
  // The calendar of `token` (with or without ".ics"): pending and confirmed bookings from 30
  // days ago to 365 days ahead. NotFound for an unknown or malformed token, and for a member's
  // feed once they are no longer an active member.
  Result<FeedDocument> Render(db::Connection& conn, std::string_view token) const;

 private:
  FeedLink Ensure(db::Connection& conn, std::int64_t workspace_id,
                  std::optional<std::int64_t> staff_id, bool rotate) const;
  std::string Url(const std::string& token) const;

  const Clock& clock_;
  const SecretKey& key_;
  const std::string& public_base_url_;
};

// "member" / "workspace", and back (nullopt for anything else).
const char* FeedScopeName(FeedScope scope);
std::optional<FeedScope> ParseFeedScope(std::string_view name);

// The host of a base URL ("https://book.example.com:8443/x" -> "book.example.com"), for UIDs.
std::string HostOf(std::string_view base_url);

}  // namespace careops::booking
