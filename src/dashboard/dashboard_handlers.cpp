#include "dashboard/dashboard_handlers.hpp"

#include "booking/booking_json.hpp"
#include "db/database.hpp"
#include "http/error_response.hpp"
#include "http/json.hpp"
#include "inventory/inventory_json.hpp"
#include "workspaces/member_guard.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::dashboard {
namespace {

using http::Json;

template <typename T>
Json OrNull(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json BookingsJson(const BookingsSection& s) {
  Json items = Json::array();
  for (const auto& d : s.unconfirmed_items) items.push_back(booking::BookingJson(d));
  Json per_day = Json::array();
  for (const auto& d : s.per_day) per_day.push_back({{"date", d.date}, {"count", d.count}});
  return {{"today",
           {{"total", s.today.total()},
            {"pending", s.today.pending},
            {"confirmed", s.today.confirmed},
            {"completed", s.today.completed},
            {"no_show", s.today.no_show},
            {"cancelled", s.today.cancelled}}},
          {"upcoming", {{"next_7_days", s.next_7_days}}},
          {"unconfirmed", {{"count", s.unconfirmed}, {"items", std::move(items)}}},
          {"last_30_days", {{"completed", s.completed_30_days}, {"no_show", s.no_show_30_days}}},
          {"per_day", std::move(per_day)}};
}

Json InboxJson(const InboxSection& s) {
  Json items = Json::array();
  for (const auto& c : s.waiting_items) {
    items.push_back({{"id", c.id},
                     {"contact", {{"id", c.contact_id}, {"name", c.contact_name}}},
                     {"status", c.status},
                     {"last_activity_at", c.last_activity_at},
                     {"unread_count", c.unread_count},
                     {"preview", c.preview}});
  }
  return {{"new_inquiries_today", s.new_inquiries_today},
          {"waiting_for_reply", {{"count", s.waiting}, {"items", std::move(items)}}}};
}

Json FormsJson(const FormsSection& s) {
  Json items = Json::array();
  for (const auto& r : s.overdue_items) {
    items.push_back({{"id", r.id},
                     {"form", {{"id", r.form_id}, {"name", r.form_name}}},
                     {"booking_id", r.booking_id},
                     {"contact", {{"id", r.contact_id}, {"name", r.contact_name}}},
                     {"status", "overdue"},
                     {"due_at", r.due_at}});
  }
  return {{"pending", s.counts.pending},
          {"overdue", s.counts.overdue},
          {"completed_last_30_days", s.counts.completed},
          {"overdue_items", std::move(items)}};
}

Json InventoryJson(const InventorySection& s) {
  Json low = Json::array();
  for (const auto& i : s.low) {
    low.push_back({{"id", i.id},
                   {"name", i.name},
                   {"unit", i.unit},
                   {"on_hand", i.on_hand},
                   {"reserved", i.reserved},
                   {"available", i.available},
                   {"low_stock_threshold", i.threshold},
                   {"low_since", i.low_since},
                   {"forecast", inventory::ForecastJson(i.forecast)}});
  }
  return {{"low", std::move(low)}};
}

Json MessagesJson(const MessagesSection& s) {
  Json items = Json::array();
  for (const auto& m : s.failed_items) {
    items.push_back({{"id", m.id},
                     {"channel", m.channel},
                     {"kind", m.kind},
                     {"to", m.to},
                     {"status", m.status},
                     {"error_code", OrNull(m.error_code)},
                     {"error_message", OrNull(m.error_message)},
                     {"created_at", m.created_at},
                     {"conversation_id", OrNull(m.conversation_id)}});
  }
  Json delivery = Json::array();
  for (const auto& d : s.delivery) {
    delivery.push_back({{"date", d.date},
                        {"sent", d.delivery.sent},
                        {"delivered", d.delivery.delivered},
                        {"failed", d.delivery.failed}});
  }
  return {{"failed", {{"count", s.failed}, {"items", std::move(items)}}},
          {"delivery", std::move(delivery)}};
}

}  // namespace

http::Response DashboardHandlers::Get(http::RequestContext& ctx) const {
  const auto member =
      workspaces::WorkspaceRepository(ctx.db).FindMember(ctx.workspace_id, ctx.user_id);
  if (!member || !member->active) {
    return http::ErrorResponse(Error::NotFound("no such workspace"));
  }
  using http::Permission;
  Sections sections;
  sections.bookings = workspaces::Allows(*member, Permission::kBookings);
  sections.inbox = workspaces::Allows(*member, Permission::kInbox);
  sections.forms = workspaces::Allows(*member, Permission::kForms);
  sections.inventory = workspaces::Allows(*member, Permission::kInventory);
  sections.messages =
      member->role == workspaces::Role::kOwner || member->role == workspaces::Role::kManager;
  auto d = service_.Build(ctx.db, ctx.workspace_id, sections, ctx.clock.NowMillis());
  if (!d.ok()) return http::ErrorResponse(d.error());
  Json body = {{"timezone", d->timezone}, {"today", d->today}, {"generated_at", d->generated_at}};
  if (d->bookings) body["bookings"] = BookingsJson(*d->bookings);
  if (d->inbox) body["inbox"] = InboxJson(*d->inbox);
  if (d->forms) body["forms"] = FormsJson(*d->forms);
  if (d->inventory) body["inventory"] = InventoryJson(*d->inventory);
  if (d->messages) body["messages"] = MessagesJson(*d->messages);
  Json alerts = Json::array();
  for (const auto& a : d->alerts) {
    alerts.push_back({{"kind", a.kind}, {"title", a.title}, {"count", a.count}, {"link", a.link}});
  }
  body["alerts"] = std::move(alerts);
  return http::JsonResponse(200, body);
}

}  // namespace careops::dashboard
