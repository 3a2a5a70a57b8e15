#pragma once
// The workspace's automation rules (docs/API.md, "Automation"): every message the system sends
// by itself belongs to exactly one rule listed here, and each rule has an owner's on/off switch
// (table automation_settings; no row = on). Predictable: nothing is sent automatically that
// is not listed, and a feature checks its rule in the same transaction that would send.
//
// Thread-safe: the catalog is immutable; the functions use only the caller's connection.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/clock.hpp"

namespace careops::db {
class Connection;
}

namespace careops::automation {

enum class Rule {
  kWelcome,              // the answer to a contact-form message (inbox)
  kBookingConfirmation,  // "booked" / "requested" when a booking is made or approved
  kBookingUpdates,       // "moved" / "cancelled" notices and the answers to C / X replies
  kBookingReminder,      // reminders before a booking (the service's offsets)
  kFormRequest,          // a linked form's link after a booking
  kFormReminder,         // one reminder for a form still pending before its due time
  kLowStockAlert,        // owner and managers hear when an item falls to its threshold
  kPauseOnStaffReply,    // a staff reply pauses the conversation's automated follow-ups
};

struct RuleInfo {
  Rule rule;
  const char* key;          // "welcome", "booking_confirmation", … (the API's id)
  const char* title;        // "Welcome message"
  const char* description;  // when it acts and what it does, one or two sentences
  // The messages.kind values it sends (its log); empty for kPauseOnStaffReply.
  std::vector<std::string_view> message_kinds;
};

// Every rule, in the order the automation page lists them.
const std::vector<RuleInfo>& Rules();
const RuleInfo& InfoOf(Rule rule);
std::optional<Rule> ParseRule(std::string_view key);

// Whether `rule` is on for the workspace. Reads within the caller's transaction, if any.
bool IsEnabled(db::Connection& conn, std::int64_t workspace_id, Rule rule);
// Switches `rule` on or off (upsert), by `user_id` at `now`.
void SetEnabled(db::Connection& conn, std::int64_t workspace_id, Rule rule, bool enabled,
                std::optional<std::int64_t> user_id, Millis now);

}  // namespace careops::automation
