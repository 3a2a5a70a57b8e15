#include "automation/automation_templates.hpp"

#include "booking/booking_messages.hpp"
#include "booking/manage_token.hpp"
#include "booking/time_format.hpp"
#include "db/database.hpp"
#include "inbox/templates.hpp"
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
    case Rule::kFormReminder:
    case Rule::kLowStockAlert:
    case Rule::kPauseOnStaffReply:  // sends nothing
      break;
  }
  return out;
}

}  // namespace careops::automation
