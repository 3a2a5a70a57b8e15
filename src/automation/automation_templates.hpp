#pragma once
// What each automation rule sends, as its recipient would read it (docs/API.md, "Automation"):
// the real texts — booking/booking_messages.hpp for the booking rules; the workspace's welcome
// templates (inbox/templates.hpp, editable through …/templates/{key}) for the welcome rule;
// forms/form_messages.hpp for form_request and form_reminder; inventory/low_stock_alert.hpp
// for low_stock_alert — rendered with sample facts: the workspace's name, its first active
// service (else "Consultation") tomorrow at 10:00 local time, its first active form (else
// "Intake form"), its first active item as it stands (else 3 boxes of "Gloves", 1 reserved,
// alert level 2), a customer called "Alex", and links whose token is "example" (not working
// links). pause_on_staff_reply sends nothing and lists no templates. Thread-safe (uses the
// caller's connection only).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "automation/rules.hpp"
#include "core/clock.hpp"

namespace careops::db {
class Connection;
}
namespace careops::workspaces {
struct Workspace;
}

namespace careops::automation {

struct RuleTemplate {
  std::string kind;     // the message's kind ("booking_confirmation", "booking_pending", …)
  std::string channel;  // "sms" | "email"
  std::string subject;  // "" for SMS
  std::string body;
  // The key of the workspace's editable template it comes from ("welcome_sms"), else nullopt
  // (a built-in text).
  std::optional<std::string> template_key;
};

inline constexpr const char* kSampleCustomer = "Alex";

std::vector<RuleTemplate> SampleTemplates(db::Connection& conn, const workspaces::Workspace& w,
                                          Rule rule, std::string_view public_base_url, Millis now);

}  // namespace careops::automation
