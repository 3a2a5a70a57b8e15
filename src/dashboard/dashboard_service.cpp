#include "dashboard/dashboard_service.hpp"

#include "booking/time_format.hpp"
#include "db/database.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::dashboard {
namespace {

constexpr Millis kDay = 24LL * 3'600'000;

// The local days [today − (kChartDays − 1), today] with their kChartDays + 1 boundaries:
// starts[i] is local midnight of day i (DST-correct: days may last 23 or 25 hours), and
// starts[kChartDays] is tomorrow's.
struct Days {
  std::vector<std::string> dates;
  std::vector<Millis> starts;
  Range day(std::size_t i) const { return {starts[i], starts[i + 1]}; }
  Range today() const { return day(dates.size() - 1); }
  Range all() const { return {starts.front(), starts.back()}; }
};

Result<Days> ChartDays(const std::string& tz, Millis now) {
  const booking::LocalDate today = booking::LocalDateOf(now, tz);
  Days d;
  for (int i = -(kChartDays - 1); i <= 1; ++i) {
    const booking::LocalDate date = booking::AddDays(today, i);
    auto start = booking::StartOfLocalDay(date, tz);
    if (!start.ok()) return std::move(start).error();
    d.starts.push_back(*start);
    if (i <= 0) d.dates.push_back(booking::FormatDate(date));
  }
  return d;
}

std::string Plural(std::int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

BookingsSection Bookings(db::Connection& conn, const DashboardRepository& repo, std::int64_t ws,
                         const Days& days, Millis now) {
  BookingsSection s;
  s.today = repo.BookingsByStatus(ws, days.today());
  s.next_7_days = repo.UpcomingBookings(ws, {now, now + 7 * kDay});
  s.unconfirmed = repo.PendingFrom(ws, now);
  booking::BookingRepository bookings(conn);
  for (std::int64_t id : repo.PendingIdsFrom(ws, now, kItems)) {
    if (auto d = bookings.Find(ws, id)) s.unconfirmed_items.push_back(std::move(*d));
  }
  s.completed_30_days = repo.BookingsWithStatus(ws, "completed", days.all());
  s.no_show_30_days = repo.BookingsWithStatus(ws, "no_show", days.all());
  for (std::size_t i = 0; i < days.dates.size(); ++i) {
    s.per_day.push_back({days.dates[i], repo.BookingsNotCancelled(ws, days.day(i))});
  }
  return s;
}

InboxSection Inbox(const DashboardRepository& repo, std::int64_t ws, const Days& days) {
  InboxSection s;
  s.new_inquiries_today = repo.ContactFormMessages(ws, days.today());
  s.waiting = repo.WaitingCount(ws);
  s.waiting_items = repo.WaitingOldest(ws, kItems);
  return s;
}

FormsSection Forms(db::Connection& conn, std::int64_t ws, const Days& days, Millis now) {
  FormsSection s;
  s.counts = forms::CountForms(conn, ws, now, days.all().from);
  s.overdue_items = forms::OverdueRequests(conn, ws, now, kItems);
  return s;
}

MessagesSection Messages(const DashboardRepository& repo, std::int64_t ws, const Days& days,
                         Millis now) {
  MessagesSection s;
  s.failed = repo.FailedCount(ws, now - 7 * kDay);
  s.failed_items = repo.FailedNewest(ws, now - 7 * kDay, kItems);
  for (std::size_t i = 0; i < days.dates.size(); ++i) {
    s.delivery.push_back({days.dates[i], repo.DeliveryIn(ws, days.day(i))});
  }
  return s;
}

// One alert per non-zero kind, in a fixed order; a single item links to its own page.
std::vector<Alert> Alerts(std::int64_t ws, const Dashboard& d) {
  const std::string base = "/workspaces/" + std::to_string(ws);
  std::vector<Alert> alerts;
  if (d.bookings && d.bookings->unconfirmed > 0) {
    const auto& b = *d.bookings;
    alerts.push_back(
        {"unconfirmed_bookings",
         Plural(b.unconfirmed, "booking awaits approval", "bookings await approval"), b.unconfirmed,
         b.unconfirmed == 1 && !b.unconfirmed_items.empty()
             ? base + "/bookings/" + std::to_string(b.unconfirmed_items.front().booking.id)
             : base + "/calendar?view=list&status=pending"});
  }
  if (d.inbox && d.inbox->waiting > 0) {
    const auto& i = *d.inbox;
    alerts.push_back(
        {"waiting_for_reply",
         Plural(i.waiting, "conversation waits for a reply", "conversations wait for a reply"),
         i.waiting,
         i.waiting == 1 && !i.waiting_items.empty()
             ? base + "/inbox/" + std::to_string(i.waiting_items.front().id)
             : base + "/inbox?waiting=1"});
  }
  if (d.forms && d.forms->counts.overdue > 0) {
    const auto& f = *d.forms;
    alerts.push_back({"overdue_forms",
                      Plural(f.counts.overdue, "form is overdue", "forms are overdue"),
                      f.counts.overdue,
                      f.counts.overdue == 1 && !f.overdue_items.empty()
                          ? base + "/bookings/" + std::to_string(f.overdue_items.front().booking_id)
                          : base + "/forms/requests?status=overdue"});
  }
  if (d.inventory && !d.inventory->low.empty()) {
    const auto& low = d.inventory->low;
    const auto n = static_cast<std::int64_t>(low.size());
    alerts.push_back({"low_stock", Plural(n, "item is low on stock", "items are low on stock"), n,
                      n == 1 ? base + "/inventory/" + std::to_string(low.front().id)
                             : base + "/inventory?low=1"});
  }
  if (d.messages && d.messages->failed > 0) {
    const auto& m = *d.messages;
    // The conversation of the newest failed message that has one (each item names its own).
    std::string link = base + "/inbox";
    for (const auto& f : m.failed_items) {
      if (f.conversation_id) {
        link = base + "/inbox/" + std::to_string(*f.conversation_id);
        break;
      }
    }
    alerts.push_back({"failed_messages",
                      Plural(m.failed, "message failed in the last 7 days",
                             "messages failed in the last 7 days"),
                      m.failed, std::move(link)});
  }
  return alerts;
}

}  // namespace

Result<Dashboard> DashboardService::Build(db::Connection& conn, std::int64_t workspace_id,
                                          const Sections& sections, Millis now) const {
  const auto w = workspaces::WorkspaceRepository(conn).FindById(workspace_id);
  if (!w) return Error::NotFound("no such workspace");
  auto days = ChartDays(w->timezone, now);
  if (!days.ok()) return std::move(days).error();
  const DashboardRepository repo(conn);
  Dashboard d;
  d.timezone = w->timezone;
  d.today = days->dates.back();
  d.generated_at = now;
  if (sections.bookings) d.bookings = Bookings(conn, repo, workspace_id, *days, now);
  if (sections.inbox) d.inbox = Inbox(repo, workspace_id, *days);
  if (sections.forms) d.forms = Forms(conn, workspace_id, *days, now);
  if (sections.inventory) {
    d.inventory = InventorySection{inventory::LowStockItems(conn, workspace_id, w->timezone, now)};
  }
  if (sections.messages) d.messages = Messages(repo, workspace_id, *days, now);
  d.alerts = Alerts(workspace_id, d);
  return d;
}

}  // namespace careops::dashboard
