#include "automation/rules.hpp"

#include <stdexcept>

#include "db/database.hpp"

namespace careops::automation {

const std::vector<RuleInfo>& Rules() {
  static const std::vector<RuleInfo> kRules = {
      {Rule::kWelcome,
       "welcome",
       "Welcome message",
       "When someone writes through the contact form, they get the welcome message (SMS when "
       "they gave a phone number, else email).",
       {"welcome"}},
      {Rule::kBookingConfirmation,
       "booking_confirmation",
       "Booking confirmation",
       "When a booking is made or approved, the customer gets its time, place and a link to "
       "change or cancel it.",
       {"booking_confirmation", "booking_pending"}},
      {Rule::kBookingUpdates,
       "booking_updates",
       "Booking changes",
       "When a booking is moved or cancelled, and when the customer replies C or X, the customer "
       "is told.",
       {"booking_moved", "booking_cancelled", "booking_reply_answer"}},
      {Rule::kBookingReminder,
       "booking_reminder",
       "Booking reminders",
       "Before each booking, at the service's reminder times (default 24 hours before), unless "
       "staff have replied in the conversation.",
       {"booking_reminder"}},
      {Rule::kFormRequest,
       "form_request",
       "Forms after booking",
       "After a booking, each form linked to its service is sent as a private link.",
       {"form_request"}},
      {Rule::kFormReminder,
       "form_reminder",
       "Form reminders",
       "A form still pending gets one reminder before it is due, unless staff have replied in "
       "the conversation.",
       {"form_reminder"}},
      {Rule::kLowStockAlert,
       "low_stock_alert",
       "Low-stock alert",
       "When an item's available stock falls to its threshold, the owner and managers get one "
       "message; restocking above the threshold clears it.",
       {"low_stock_alert"}},
      {Rule::kPauseOnStaffReply,
       "pause_on_staff_reply",
       "Pause on staff reply",
       "When staff reply in a conversation, automated reminders to that customer wait until the "
       "conversation is closed or automation is resumed.",
       {}},
  };
  return kRules;
}

const RuleInfo& InfoOf(Rule rule) {
  for (const auto& info : Rules()) {
    if (info.rule == rule) return info;
  }
  throw std::logic_error("automation rule missing from the catalog");
}

std::optional<Rule> ParseRule(std::string_view key) {
  for (const auto& info : Rules()) {
    if (key == info.key) return info.rule;
  }
  return std::nullopt;
}

bool IsEnabled(db::Connection& conn, std::int64_t workspace_id, Rule rule) {
  auto row =
      conn.QueryOne("SELECT enabled FROM automation_settings WHERE workspace_id = ? AND rule = ?",
                    {workspace_id, std::string(InfoOf(rule).key)});
  return !row || row->Int(0) != 0;
}

void SetEnabled(db::Connection& conn, std::int64_t workspace_id, Rule rule, bool enabled,
                std::optional<std::int64_t> user_id, Millis now) {
  db::Value by = user_id ? db::Value(*user_id) : db::Value(std::monostate{});
  conn.Execute(
      "INSERT INTO automation_settings (workspace_id, rule, enabled, updated_by, updated_at) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (workspace_id, rule) DO UPDATE SET "
      "enabled = excluded.enabled, updated_by = excluded.updated_by, "
      "updated_at = excluded.updated_at",
      {workspace_id, std::string(InfoOf(rule).key), std::int64_t{enabled ? 1 : 0}, by, now});
}

}  // namespace careops::automation
