#include "booking/booking_service.hpp"

#include <date/date.h>

#include <algorithm>
#include <charconv>
#include <tuple>

#include "auth/throttle_repository.hpp"
#include "booking/booking_live.hpp"
#include "booking/booking_notifier.hpp"
#include "booking/reminders.hpp"
#include "booking/service_repository.hpp"
#include "booking/slot_finder.hpp"
#include "booking/time_format.hpp"
#include "contacts/contact_service.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"
#include "db/database.hpp"
#include "messaging/outbox.hpp"
#include "workspaces/public_workspace.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::booking {

constexpr Millis kMinuteMs = 60'000;
constexpr int kMaxListLimit = 500;
// Staff book without the service's horizon; this bounds how far ahead (about ten years).
constexpr int kStaffHorizonDays = 3660;

namespace {

constexpr Millis kHourMillis = 60 * 60 * 1000;

bool Contains(const std::vector<std::int64_t>& ids, std::int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// [midnight, next midnight) of the local day of `at` in `time_zone`, as UTC instants.
std::pair<Millis, Millis> LocalDay(Millis at, const std::string& time_zone) {
  const LocalDate day = LocalDateOf(at, time_zone);
  const date::year_month_day next{
      date::sys_days{date::year{day.year} / date::month{day.month} / date::day{day.day}} +
      date::days{1}};
  const LocalDate following{static_cast<int>(next.year()), static_cast<unsigned>(next.month()),
                            static_cast<unsigned>(next.day())};
  auto begin = StartOfLocalDay(day, time_zone);
  auto end = StartOfLocalDay(following, time_zone);
  if (!begin.ok() || !end.ok()) return {at, at};  // an unknown zone: no slots
  return {*begin, *end};
}

Status CheckNotes(const std::string& notes) {
  if (notes.size() > kMaxNotesBytes) {
    return Error::InvalidArgument("notes must be at most 2,000 characters", "notes");
  }
  return Ok();
}

// "<start_at>.<id>", as List writes next_cursor.
std::optional<std::pair<Millis, std::int64_t>> ParseCursor(std::string_view cursor) {
  const std::size_t dot = cursor.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == cursor.size()) return std::nullopt;
  Millis start = 0;
  std::int64_t id = 0;
  const auto a = std::from_chars(cursor.data(), cursor.data() + dot, start);
  const auto b = std::from_chars(cursor.data() + dot + 1, cursor.data() + cursor.size(), id);
  if (a.ec != std::errc() || a.ptr != cursor.data() + dot || b.ec != std::errc() ||
      b.ptr != cursor.data() + cursor.size()) {
    return std::nullopt;
  }
  return std::pair(start, id);
}

std::optional<std::string_view> NonEmpty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string_view>(s);
}

}  // namespace

bool IsSlotConflict(const Error& e) {
  return e.code == ErrorCode::kConflict && e.field && *e.field == "start";
}

BookingService::BookingService(const Clock& clock, const messaging::Outbox& outbox,
                               const contacts::ContactService& contacts,
                               const BookingNotifier& notifier, const Reminders& reminders,
                               const BookingObservers& observers, http::EventHub& events,
                               std::function<void()> wake_jobs, int public_per_ip_hour)
    : clock_(clock),
      outbox_(outbox),
      contacts_(contacts),
      notifier_(notifier),
      reminders_(reminders),
      observers_(observers),
      events_(events),
      wake_jobs_(std::move(wake_jobs)),
      public_per_ip_hour_(public_per_ip_hour) {}

Result<BookingService::Placement> BookingService::Place(
    db::Connection& conn, const workspaces::Workspace& w, const Service& service, Millis start,
    std::optional<std::int64_t> required_staff, std::optional<std::int64_t> preferred_staff,
    std::optional<std::int64_t> moving_booking, bool apply_notice, Millis now) const {
  if (required_staff && !Contains(service.staff_ids, *required_staff)) {
    return Error::InvalidArgument("member_id does not serve this service", "member_id");
  }
  SlotQuery query;
  query.from = start;
  query.to = start + 1;
  query.apply_notice = apply_notice;
  query.ignore_booking_id = moving_booking;
  Service rules = service;
  if (!apply_notice) rules.horizon_days = kStaffHorizonDays;
  auto slots = FindSlots(conn, w.timezone, rules, query, now);
  if (!slots.ok()) return std::move(slots).error();
  std::optional<std::int64_t> chosen;
  for (const Slot& slot : *slots) {
    if (slot.start_utc != start || slot.staff_ids.empty()) continue;
    if (required_staff) {
      if (Contains(slot.staff_ids, *required_staff)) chosen = required_staff;
    } else if (preferred_staff && Contains(slot.staff_ids, *preferred_staff)) {
      chosen = preferred_staff;
    } else {
      chosen = slot.staff_ids.front();  // ascending: the lowest free eligible id
    }
  }
  if (!chosen) {
    return Error::Conflict(required_staff ? "that member is not free at that time"
                                          : "that time is not free; pick another",
                           "start");
  }
  Placement p;
  p.staff_id = *chosen;
  p.end_at = start + service.duration_minutes * kMinuteMs;
  p.busy_from = start - service.buffer_before_minutes * kMinuteMs;
  p.busy_until = p.end_at + service.buffer_after_minutes * kMinuteMs;
  return p;
}

void BookingService::FillFresh(db::Connection& conn, const workspaces::Workspace& w,
                               std::int64_t service_id, Millis start, bool apply_notice,
                               FreshSlots* fresh) const {
  if (fresh == nullptr) return;
  fresh->slots.clear();
  auto service = ServiceRepository(conn).Find(w.id, service_id);
  if (!service) return;
  SlotQuery query;
  std::tie(query.from, query.to) = LocalDay(start, w.timezone);
  query.apply_notice = apply_notice;
  if (!apply_notice) service->horizon_days = kStaffHorizonDays;
  auto slots = FindSlots(conn, w.timezone, *service, query, clock_.NowMillis());
  if (!slots.ok()) return;
  fresh->slots = NameSlots(conn, *slots);
}

Result<BookingDetails> BookingService::Insert(db::Connection& conn, const workspaces::Workspace& w,
                                              const Service& service, const Booking& b, bool notify,
                                              Millis now, Committed& done) const {
  BookingRepository repo(conn);
  auto id = repo.Insert(b, now);
  if (!id.ok()) return std::move(id).error();
  BookingDetails d = repo.Find(w.id, *id).value();
  const bool pending = d.booking.status == BookingStatus::kPending;
  notifier_.RecordEvent(conn, w, d, pending ? BookingEvent::kRequested : BookingEvent::kCreated,
                        b.created_by, now);
  if (notify) {
    notifier_.Send(conn, w, d, pending ? BookingMessage::kPending : BookingMessage::kConfirmation,
                   now);
  }
  reminders_.Schedule(conn, d.booking, service.reminder_offsets_minutes, now);
  Observe(conn, w, std::nullopt, d.booking, b.created_by, now, done);
  return d;
}

void BookingService::Observe(db::Connection& conn, const workspaces::Workspace& w,
                             const std::optional<Booking>& before, const Booking& after,
                             std::optional<std::int64_t> author_id, Millis now,
                             Committed& done) const {
  if (observers_.empty()) return;
  BookingChangeContext ctx{conn, w, before, after, author_id, now};
  observers_.Notify(ctx);
  done.jobs_changed = done.jobs_changed || ctx.jobs_changed;
  for (auto& f : ctx.after_commit) done.after_commit.push_back(std::move(f));
}

void BookingService::Announce(const Committed& done) const {
  // Listeners hear of the booking and its conversation before its message can be sent.
  PublishBooking(events_, done.workspace_id, done.booking_id, done.conversation_id);
  outbox_.Wake();
  if (done.jobs_changed && wake_jobs_) wake_jobs_();
  for (const auto& f : done.after_commit) f();
}

Result<PublicBooking> BookingService::BookPublic(db::Connection& conn, std::string_view slug,
                                                 const PublicBookingRequest& request,
                                                 FreshSlots* fresh) const {
  auto workspace = workspaces::OpenWorkspaceBySlug(conn, slug);
  if (!workspace.ok()) return std::move(workspace).error();
  const workspaces::Workspace& w = *workspace;
  if (!request.website.empty()) {
    return Error::InvalidArgument("leave this field empty", "website");
  }
  const std::string name = Trim(request.name);
  if (name.empty() || name.size() > kMaxNameBytes) {
    return Error::InvalidArgument("name must be 1 to 200 characters", "name");
  }
  const std::string phone = Trim(request.phone), email = Trim(request.email);
  if (phone.empty() && email.empty()) {
    return Error::InvalidArgument("give a phone number or an email address", "phone");
  }
  if (auto s = CheckNotes(request.notes); !s.ok()) return std::move(s).error();

  const Millis now = clock_.NowMillis();
  Committed done;
  auto made = [&]() -> Result<BookingDetails> {
    db::Transaction tx(conn);
    const auto service = ServiceRepository(conn).Find(w.id, request.service_id);
    if (!service || !service->is_active) return Error::NotFound("no such service");
    auto contact = contacts_.FindOrCreate(conn, w.id, name, NonEmpty(email), NonEmpty(phone),
                                          contacts::kSourceBooking);
    if (!contact.ok()) return std::move(contact).error();
    auto place = Place(conn, w, *service, request.start, request.member_id, std::nullopt,
                       std::nullopt, /*apply_notice=*/true, now);
    if (!place.ok()) return std::move(place).error();
    // Counted inside the transaction: a refused or failed booking rolls its count back.
    if (public_per_ip_hour_ > 0 &&
        auth::ThrottleRepository(conn).RecordFailure("public_booking:" + request.ip, now,
                                                     now - kHourMillis) > public_per_ip_hour_) {
      return Error::RateLimited(static_cast<int>(kHourMillis / 1000),
                                "too many bookings from here; try again later or call us");
    }
    Booking b;
    b.workspace_id = w.id;
    b.service_id = service->id;
    b.staff_id = place->staff_id;
    b.contact_id = contact->id;
    b.status = service->requires_approval ? BookingStatus::kPending : BookingStatus::kConfirmed;
    b.start_at = request.start;
    b.end_at = place->end_at;
    b.busy_from = place->busy_from;
    b.busy_until = place->busy_until;
    b.notes = Trim(request.notes);
    b.source = "public";
    auto d = Insert(conn, w, *service, b, /*notify=*/true, now, done);
    if (!d.ok()) return d;
    tx.Commit();
    done.workspace_id = w.id;
    done.booking_id = d->booking.id;
    done.conversation_id = d->conversation_id;
    done.jobs_changed = true;
    return d;
  }();
  if (!made.ok()) {
    if (IsSlotConflict(made.error())) {
      FillFresh(conn, w, request.service_id, request.start, true, fresh);
    }
    return std::move(made).error();
  }
  Announce(done);
  PublicBooking out{std::move(made).value(), {}};
  out.manage_token = notifier_.tokens().Make(out.booking.booking.id, out.booking.booking.start_at);
  return out;
}

Result<BookingDetails> BookingService::Create(db::Connection& conn, std::int64_t workspace_id,
                                              std::int64_t author_id,
                                              const StaffBookingRequest& request,
                                              FreshSlots* fresh) const {
  if (!request.contact_id && !request.contact) {
    return Error::InvalidArgument("give contact_id or contact", "contact_id");
  }
  if (auto s = CheckNotes(request.notes); !s.ok()) return std::move(s).error();
  const auto w = workspaces::WorkspaceRepository(conn).FindById(workspace_id);
  if (!w) return Error::NotFound("no such workspace");

  const Millis now = clock_.NowMillis();
  Committed done;
  auto made = [&]() -> Result<BookingDetails> {
    db::Transaction tx(conn);
    const auto service = ServiceRepository(conn).Find(w->id, request.service_id);
    if (!service) return Error::InvalidArgument("no such service", "service_id");
    if (!service->is_active) {
      return Error::InvalidArgument("this service is archived", "service_id");
    }
    std::int64_t contact_id = 0;
    if (request.contact_id) {
      auto contact = contacts_.Get(conn, w->id, *request.contact_id);
      if (!contact.ok()) {
        return Error::InvalidArgument("no such contact in this workspace", "contact_id");
      }
      contact_id = contact->id;
    } else {
      const ContactInput& c = *request.contact;
      const std::string phone = Trim(c.phone), email = Trim(c.email);
      auto contact = contacts_.FindOrCreate(conn, w->id, Trim(c.name), NonEmpty(email),
                                            NonEmpty(phone), contacts::kSourceManual);
      if (!contact.ok()) {
        Error e = std::move(contact).error();
        if (e.field) e.field = "contact." + *e.field;
        return e;
      }
      contact_id = contact->id;
    }
    auto place = Place(conn, *w, *service, request.start, request.member_id, std::nullopt,
                       std::nullopt, /*apply_notice=*/false, now);
    if (!place.ok()) return std::move(place).error();
    Booking b;
    b.workspace_id = w->id;
    b.service_id = service->id;
    b.staff_id = place->staff_id;
    b.contact_id = contact_id;
    b.status = BookingStatus::kConfirmed;
    b.start_at = request.start;
    b.end_at = place->end_at;
    b.busy_from = place->busy_from;
    b.busy_until = place->busy_until;
    b.notes = Trim(request.notes);
    b.source = "staff";
    b.created_by = author_id;
    auto d = Insert(conn, *w, *service, b, request.notify, now, done);
    if (!d.ok()) return d;
    tx.Commit();
    done.workspace_id = w->id;
    done.booking_id = d->booking.id;
    done.conversation_id = d->conversation_id;
    done.jobs_changed = true;
    return d;
  }();
  if (!made.ok()) {
    if (IsSlotConflict(made.error())) {
      FillFresh(conn, *w, request.service_id, request.start, false, fresh);
    }
    return made;
  }
  Announce(done);
  return made;
}

Result<BookingWithReminders> BookingService::Get(db::Connection& conn, std::int64_t workspace_id,
                                                 std::int64_t booking_id) const {
  auto d = BookingRepository(conn).Find(workspace_id, booking_id);
  if (!d) return Error::NotFound("no such booking");
  return BookingWithReminders{std::move(*d), reminders_.List(conn, booking_id)};
}

Result<BookingPage> BookingService::List(db::Connection& conn, std::int64_t workspace_id,
                                         const BookingListQuery& query) const {
  const auto w = workspaces::WorkspaceRepository(conn).FindById(workspace_id);
  if (!w) return Error::NotFound("no such workspace");
  BookingFilter filter;
  if (query.limit < 1 || query.limit > kMaxListLimit) {
    return Error::InvalidArgument("limit must be from 1 to 500", "limit");
  }
  for (const auto& [text, bound, field] :
       {std::tuple(&query.from, &filter.from, "from"), std::tuple(&query.to, &filter.to, "to")}) {
    if (text->empty()) continue;
    auto at = ParseInstantOrDate(*text, w->timezone, field);
    if (!at.ok()) return std::move(at).error();
    *bound = *at;
  }
  std::string_view statuses = query.status;
  while (!statuses.empty()) {
    const std::size_t comma = statuses.find(',');
    const std::string_view name = TrimView(statuses.substr(0, comma));
    const auto status = ParseBookingStatus(name);
    if (!status) {
      return Error::InvalidArgument(
          "status must be pending, confirmed, completed, no_show or cancelled", "status");
    }
    if (std::find(filter.statuses.begin(), filter.statuses.end(), *status) ==
        filter.statuses.end()) {
      filter.statuses.push_back(*status);
    }
    statuses = comma == std::string_view::npos ? std::string_view() : statuses.substr(comma + 1);
  }
  if (!query.cursor.empty()) {
    auto after = ParseCursor(query.cursor);
    if (!after) return Error::InvalidArgument("cursor is not one this server gave", "cursor");
    filter.after = *after;
  }
  filter.staff_id = query.member_id;
  filter.contact_id = query.contact_id;
  const int limit = static_cast<int>(query.limit);
  filter.limit = limit + 1;
  BookingPage page;
  page.bookings = BookingRepository(conn).List(workspace_id, filter);
  if (page.bookings.size() > static_cast<std::size_t>(limit)) {
    page.bookings.resize(static_cast<std::size_t>(limit));
    const Booking& last = page.bookings.back().booking;
    page.next_cursor = std::to_string(last.start_at) + "." + std::to_string(last.id);
  }
  return page;
}

}  // namespace careops::booking
