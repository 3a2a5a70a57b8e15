#include "inventory/low_stock_alert.hpp"

#include <fmt/format.h>

#include "automation/rules.hpp"
#include "db/database.hpp"
#include "messaging/outbox.hpp"
#include "workspaces/model.hpp"

namespace careops::inventory {

std::optional<AlertRecipient> ChooseAddress(std::int64_t user_id, const std::string& email,
                                            const std::optional<std::string>& phone,
                                            bool phone_verified) {
  if (!email.empty()) return AlertRecipient{user_id, messaging::Channel::kEmail, email};
  if (phone && !phone->empty() && phone_verified) {
    return AlertRecipient{user_id, messaging::Channel::kSms, *phone};
  }
  return std::nullopt;
}

std::vector<AlertRecipient> AlertRecipients(db::Connection& conn, std::int64_t workspace_id) {
  std::vector<AlertRecipient> out;
  for (const db::Row& r : conn.Query(
           "SELECT u.id, u.email, u.phone_number, u.is_phone_verified FROM workspace_members m "
           "JOIN users u ON u.id = m.user_id "
           "WHERE m.workspace_id = ? AND m.status = 'active' AND m.role IN ('owner', 'manager') "
           "AND u.is_active = 1 ORDER BY u.id",
           {workspace_id})) {
    if (auto to = ChooseAddress(r.Int(0), r.Text(1), r.OptText(2), r.Int(3) != 0)) {
      out.push_back(std::move(*to));
    }
  }
  return out;
}

messaging::NewMessage LowStockMessage(const AlertRecipient& to, const workspaces::Workspace& w,
                                      const Item& item) {
  messaging::NewMessage m;
  m.channel = to.channel;
  m.to = to.address;
  m.kind = kLowStockAlertKind;
  m.priority = messaging::Priority::kNormal;
  m.user_id = to.user_id;
  m.workspace_id = w.id;
  const std::string status = fmt::format(
      "{}: {} {} available ({} on hand, {} reserved for bookings); alert level {}.", item.name,
      item.available(), item.unit, item.on_hand, item.reserved, item.low_stock_threshold);
  if (to.channel == messaging::Channel::kSms) {
    m.body = fmt::format("{} low stock. {}", w.name, status);
  } else {
    m.subject = fmt::format("Low stock at {}: {}", w.name, item.name);
    m.body = fmt::format(
        "{}\n\nRestock it in CareOps (Inventory) to clear this alert. You will not hear again "
        "about this item until it has been restocked above its alert level and falls again.",
        status);
  }
  return m;
}

int QueueLowStockAlert(db::Connection& conn, const messaging::Outbox& outbox,
                       const workspaces::Workspace& w, const Item& item) {
  if (!automation::IsEnabled(conn, w.id, automation::Rule::kLowStockAlert)) return 0;
  int queued = 0;
  for (const AlertRecipient& to : AlertRecipients(conn, w.id)) {
    outbox.Enqueue(conn, LowStockMessage(to, w, item));
    ++queued;
  }
  return queued;
}

}  // namespace careops::inventory
