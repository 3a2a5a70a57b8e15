#include "booking/calendar_feed_service.hpp"

#include "booking/calendar_feed_repository.hpp"
#include "booking/ical.hpp"
#include "booking/staff_repository.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/random.hpp"
#include "db/database.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::booking {
namespace {

constexpr const char* kPurpose = "calendar-feed";
constexpr Millis kDay = 86'400'000;
constexpr std::size_t kTokenBytes = 32;

// A token as RandomToken makes them: URL-safe base64, 43 characters for 32 bytes.
bool LooksLikeToken(std::string_view t) {
  if (t.size() < 16 || t.size() > 128) return false;
  for (char c : t) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

bool IsOwner(db::Connection& conn, std::int64_t workspace_id, std::int64_t user_id) {
  const auto m = workspaces::WorkspaceRepository(conn).FindMember(workspace_id, user_id);
  return m && m->active && m->role == workspaces::Role::kOwner;
}

}  // namespace

const char* FeedScopeName(FeedScope scope) {
  return scope == FeedScope::kWorkspace ? "workspace" : "member";
}

std::optional<FeedScope> ParseFeedScope(std::string_view name) {
  if (name == "member") return FeedScope::kMember;
  if (name == "workspace") return FeedScope::kWorkspace;
  return std::nullopt;
}

std::string HostOf(std::string_view url) {
  if (const auto scheme = url.find("://"); scheme != std::string_view::npos) {
    url.remove_prefix(scheme + 3);
  }
  url = url.substr(0, url.find_first_of("/?#"));
  if (const auto at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  if (!url.empty() && url.front() == '[') {  // [IPv6]:port
    const auto close = url.find(']');
    return std::string(url.substr(0, close == std::string_view::npos ? url.size() : close + 1));
  }
  url = url.substr(0, url.find(':'));
  return url.empty() ? std::string("careops.invalid") : std::string(url);
}

std::string CalendarFeedService::Url(const std::string& token) const {
  std::string base = public_base_url_;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/api/calendar/" + token + ".ics";
}

FeedLink CalendarFeedService::Ensure(db::Connection& conn, std::int64_t workspace_id,
                                     std::optional<std::int64_t> staff_id, bool rotate) const {
  CalendarFeedRepository repo(conn);
  const auto existing = repo.Find(workspace_id, staff_id);
  std::string token;
  if (existing && !rotate) {
    token = key_.Open(kPurpose, existing->token_sealed).value_or("");
  }
  if (token.empty()) {  // new, rotated, or sealed under a key that has since changed
    token = RandomToken(kTokenBytes);
    const std::string hash = key_.KeyedHash(kPurpose, token);
    const std::string sealed = key_.Seal(kPurpose, token);
    if (existing) {
      repo.SetToken(existing->id, hash, sealed, clock_.NowMillis());
    } else {
      repo.Insert({0, workspace_id, staff_id, hash, sealed, clock_.NowMillis()});
    }
  }
  FeedLink link;
  link.scope = staff_id ? FeedScope::kMember : FeedScope::kWorkspace;
  link.member_id = staff_id;
  link.url = Url(token);
  return link;
}

std::vector<FeedLink> CalendarFeedService::List(db::Connection& conn, std::int64_t workspace_id,
                                                std::int64_t user_id) const {
  db::Transaction tx(conn);
  std::vector<FeedLink> links{Ensure(conn, workspace_id, user_id, false)};
  if (IsOwner(conn, workspace_id, user_id))
    links.push_back(Ensure(conn, workspace_id, std::nullopt, false));
  tx.Commit();
  return links;
}

Result<FeedLink> CalendarFeedService::Rotate(db::Connection& conn, std::int64_t workspace_id,
                                             std::int64_t user_id, FeedScope scope) const {
  db::Transaction tx(conn);
  if (scope == FeedScope::kWorkspace && !IsOwner(conn, workspace_id, user_id)) {
    return Error::PermissionDenied("only owners can change the workspace's calendar feed");
  }
  FeedLink link = Ensure(conn, workspace_id,
                         scope == FeedScope::kMember ? std::optional(user_id) : std::nullopt, true);
  tx.Commit();
  return link;
}

Result<FeedDocument> CalendarFeedService::Render(db::Connection& conn,
                                                 std::string_view token) const {
  if (token.ends_with(".ics")) token.remove_suffix(4);
  const Error unknown = Error::NotFound("no such calendar");
  if (!LooksLikeToken(token)) return unknown;
  const auto feed = CalendarFeedRepository(conn).FindByHash(key_.KeyedHash(kPurpose, token));
  if (!feed) return unknown;
  workspaces::WorkspaceRepository workspaces(conn);
  const auto workspace = workspaces.FindById(feed->workspace_id);
  if (!workspace) return unknown;
  IcsCalendar cal;
  cal.name = workspace->name;
  if (feed->staff_id) {
    const auto member = workspaces.FindMember(feed->workspace_id, *feed->staff_id);
    if (!member || !member->active) return unknown;
    cal.name += " — " + StaffRepository(conn).Names({*feed->staff_id}).front().name;
  }
  const Millis now = clock_.NowMillis();
  const std::string host = HostOf(public_base_url_);
  const auto bookings = CalendarFeedRepository(conn).Bookings(
      feed->workspace_id, feed->staff_id, now - kFeedDaysBack * kDay, now + kFeedDaysAhead * kDay);
  for (const FeedBooking& b : bookings) {
    IcsEvent e;
    e.uid = "booking-" + std::to_string(b.id) + "@" + host;
    e.start = b.start;
    e.end = b.end;
    e.summary = b.contact_name.empty() ? b.service_name : b.service_name + " — " + b.contact_name;
    e.location = b.location;
    if (!feed->staff_id) e.description = "With " + b.staff_name;
    e.tentative = b.pending;
    cal.events.push_back(std::move(e));
  }
  return FeedDocument{WriteCalendar(cal, now)};
}

}  // namespace careops::booking
