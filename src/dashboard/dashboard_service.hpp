#pragma once
// The dashboard (PRODUCT.md D1–D2; docs/API.md "Dashboard" holds every counting rule): what is
// happening in the business now, computed on each request from indexed ranges
// (DashboardRepository) — nothing is stored or cached, so every number is as fresh as the
// database. Sections are computed only when asked for (the caller's permissions decide).
// Sections are read by separate statements outside a transaction (a read transaction would
// gain little: each number is exact as of its statement). Thread-safe (const; uses the
// caller's connection).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "booking/booking_repository.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "dashboard/dashboard_repository.hpp"
#include "forms/form_stats.hpp"
#include "inventory/inventory_stats.hpp"

namespace careops::db {
class Connection;
}

namespace careops::dashboard {

// Which sections to compute.
struct Sections {
  bool bookings = false;
  bool inbox = false;
  bool forms = false;
  bool inventory = false;
  bool messages = false;
};

// How many items a list of the dashboard shows at most.
inline constexpr int kItems = 10;
// The local days of the per-day charts, ending today.
inline constexpr int kChartDays = 30;

struct DayCount {
  std::string date;  // "YYYY-MM-DD", local
  std::int64_t count = 0;
};

struct DayDelivery {
  std::string date;
  Delivery delivery;
};

struct BookingsSection {
  StatusCounts today;
  std::int64_t next_7_days = 0;
  std::int64_t unconfirmed = 0;
  std::vector<booking::BookingDetails> unconfirmed_items;
  std::int64_t completed_30_days = 0;
  std::int64_t no_show_30_days = 0;
  std::vector<DayCount> per_day;
};

struct InboxSection {
  std::int64_t new_inquiries_today = 0;
  std::int64_t waiting = 0;
  std::vector<WaitingConversation> waiting_items;
};

struct FormsSection {
  forms::FormCounts counts;  // pending (due later), overdue, completed in the 30 local days
  std::vector<forms::FormRequestSummary> overdue_items;
};

struct InventorySection {
  std::vector<inventory::LowStockItem> low;
};

struct MessagesSection {
  std::int64_t failed = 0;
  std::vector<FailedMessage> failed_items;
  std::vector<DayDelivery> delivery;
};

struct Alert {
  std::string kind;  // unconfirmed_bookings | waiting_for_reply | overdue_forms | low_stock |
                     // failed_messages
  std::string title;
  std::int64_t count = 0;
  std::string link;  // the web app's page where it is acted on
};

struct Dashboard {
  std::string timezone;
  std::string today;  // "YYYY-MM-DD"
  Millis generated_at = 0;
  std::optional<BookingsSection> bookings;
  std::optional<InboxSection> inbox;
  std::optional<FormsSection> forms;
  std::optional<InventorySection> inventory;
  std::optional<MessagesSection> messages;
  std::vector<Alert> alerts;
};

class DashboardService {
 public:
  // NotFound for an unknown workspace.
  Result<Dashboard> Build(db::Connection& conn, std::int64_t workspace_id, const Sections& sections,
                          Millis now) const;
};

}  // namespace careops::dashboard
