#include "automation/automation_templates.hpp"

#include "booking/booking_messages.hpp"
#include "booking/manage_token.hpp"
#include "booking/time_format.hpp"
#include "db/database.hpp"
#include "forms/form_messages.hpp"
#include "inbox/templates.hpp"
#include "inventory/low_stock_alert.hpp"
#include "workspaces/model.hpp"

namespace careops::automation {
namespace {

constexpr Millis kHour = 3'600'000;

booking::BookingFacts SampleFacts(db::Connection& conn, const workspaces::Workspace& w,
                                  std::string_view public_base_url, Millis now) {
  booking::BookingFacts f;
  f.business = w.name;
  f.time_zone = w.timezone;
  f.service = "Consultation";
  if (auto service = conn.QueryOne(
          "SELECT name, location FROM services WHERE workspace_id = ? AND is_active = 1 "
          "ORDER BY name LIMIT 1",
          {w.id})) {
    f.service = service->Text(0);
    f.location = service->Text(1);
  }
  const booking::LocalDate tomorrow = booking::AddDays(booking::LocalDateOf(now, w.timezone), 1);
  auto midnight = booking::StartOfLocalDay(tomorrow, w.timezone);
  f.start_at = (midnight.ok() ? *midnight : now) + 10 * kHour;
  std::string base(public_base_url);
  while (!base.empty() && base.back() == '/') base.pop_back();
  f.manage_link = booking::ManageLink(base, "example");
  f.book_again_link = base + "/w/" + w.slug + "/book";
  return f;
}

void AddBooking(std::vector<RuleTemplate>& out, booking::BookingMessage message,
                booking::BookingFacts facts, bool with_email) {
  facts.pending = message == booking::BookingMessage::kPending;
  const std::string kind = booking::MessageKindName(message);
  auto sms = booking::SmsText(message, facts);
  out.push_back({kind, "sms", "", std::move(sms.body), std::nullopt});
  if (with_email) {
    auto email = booking::EmailText(message, facts);
    out.push_back({kind, "email", std::move(email.subject), std::move(email.body), std::nullopt});
  }
}

void AddForm(std::vector<RuleTemplate>& out, db::Connection& conn, const workspaces::Workspace& w,
             forms::FormMessage message, const booking::BookingFacts& booking,
             std::string_view public_base_url) {
  forms::FormFacts f;
  f.business = booking.business;
  f.service = booking.service;
  f.time_zone = booking.time_zone;
  f.start_at = booking.start_at;
  f.form = "Intake form";
  if (auto form = conn.QueryOne(
          "SELECT name FROM forms WHERE workspace_id = ? AND is_active = 1 ORDER BY name LIMIT 1",
          {w.id})) {
    f.form = form->Text(0);
  }
  std::string base(public_base_url);
  while (!base.empty() && base.back() == '/') base.pop_back();
  f.link = base + "/f#token=example";
  const std::string kind = forms::MessageKindName(message);
  auto sms = forms::SmsText(message, f);
  out.push_back({kind, "sms", "", std::move(sms.body), std::nullopt});
  auto email = forms::EmailText(message, f);
  out.push_back({kind, "email", std::move(email.subject), std::move(email.body), std::nullopt});
}

// The workspace's first active item as it is (else a sample one, at its alert level), to
// the owner by email and by SMS.
void AddLowStock(std::vector<RuleTemplate>& out, db::Connection& conn,
                 const workspaces::Workspace& w) {
  inventory::Item item;
  item.workspace_id = w.id;
  item.name = "Gloves";
  item.unit = "box";
  item.on_hand = 3;
  item.reserved = 1;
  item.low_stock_threshold = 2;
  if (auto row = conn.QueryOne(
          "SELECT name, unit, on_hand, reserved, low_stock_threshold FROM inventory_items "
          "WHERE workspace_id = ? AND is_active = 1 ORDER BY name LIMIT 1",
          {w.id})) {
    item.name = row->Text(0);
    item.unit = row->Text(1);
    item.on_hand = row->Int(2);
    item.reserved = row->Int(3);
    item.low_stock_threshold = row->Int(4);
  }
  for (const auto channel : {messaging::Channel::kSms, messaging::Channel::kEmail}) {
    const bool sms = channel == messaging::Channel::kSms;
    const inventory::AlertRecipient to{0, channel, sms ? "+15005550006" : "owner@example.com"};
    auto m = inventory::LowStockMessage(to, w, item);
    out.push_back(
        {m.kind, sms ? "sms" : "email", std::move(m.subject), std::move(m.body), std::nullopt});
  }
}

void AddWelcome(std::vector<RuleTemplate>& out, db::Connection& conn,
                const workspaces::Workspace& w) {
  for (const char* key : {inbox::kWelcomeSms, inbox::kWelcomeEmail}) {
    auto t = inbox::GetTemplate(conn, w.id, key);
    if (!t.ok()) continue;  // both keys are known: cannot happen
    const bool sms = std::string_view(key) == inbox::kWelcomeSms;
    out.push_back({"welcome", sms ? "sms" : "email",
                   sms ? "" : inbox::Render(t->subject, w.name, kSampleCustomer),
                   inbox::Render(t->body, w.name, kSampleCustomer), std::string(key)});
  }
}

}  // namespace

std::vector<RuleTemplate> SampleTemplates(db::Connection& conn, const workspaces::Workspace& w,
                                          Rule rule, std::string_view public_base_url, Millis now) {
  using booking::BookingMessage;
  std::vector<RuleTemplate> out;
  switch (rule) {
    case Rule::kWelcome:
      AddWelcome(out, conn, w);
      break;
    case Rule::kBookingConfirmation: {
      const auto facts = SampleFacts(conn, w, public_base_url, now);
      AddBooking(out, BookingMessage::kConfirmation, facts, true);
      AddBooking(out, BookingMessage::kPending, facts, true);
      break;
    }
    case Rule::kBookingUpdates: {
      const auto facts = SampleFacts(conn, w, public_base_url, now);
      AddBooking(out, BookingMessage::kMoved, facts, true);
      AddBooking(out, BookingMessage::kCancelled, facts, true);
      // The answers to C / X replies go back by SMS only.
      AddBooking(out, BookingMessage::kConfirmedAnswer, facts, false);
      AddBooking(out, BookingMessage::kCancelledAnswer, facts, false);
      break;
    }
    case Rule::kBookingReminder:
      AddBooking(out, BookingMessage::kReminder, SampleFacts(conn, w, public_base_url, now), true);
      break;
    case Rule::kFormRequest:
      AddForm(out, conn, w, forms::FormMessage::kRequest,
              SampleFacts(conn, w, public_base_url, now), public_base_url);
      break;
    case Rule::kFormReminder:
      AddForm(out, conn, w, forms::FormMessage::kReminder,
              SampleFacts(conn, w, public_base_url, now), public_base_url);
      break;
    case Rule::kLowStockAlert:
      AddLowStock(out, conn, w);
      break;
    case Rule::kPauseOnStaffReply:  // sends nothing
      break;
  }
  return out;
}

}  // namespace careops::automation
