#pragma once
// What each automation rule sends, as the customer would read it (docs/API.md, "Automation"):
// the real texts — booking/booking_messages.hpp for the booking rules, the workspace's welcome
// templates (inbox/templates.hpp, editable through …/templates/{key}) for the welcome rule —
// rendered with sample facts: the workspace's name, its first active service (else
// "Consultation") tomorrow at 10:00 local time, a customer called "Alex", and a manage link
// whose token is "example" (not a working link). Rules whose texts live in features not built
// into this server list no templates. Thread-safe (uses the caller's connection only).

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
