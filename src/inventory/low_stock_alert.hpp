#pragma once
// The low-stock alert's message (PRODUCT.md I3; docs/API.md, Inventory): one message of kind
// "low_stock_alert" to the owner and every active manager of the workspace — by email when
// they have an address, else by SMS to a verified phone; someone with neither is skipped.
// Sent through the workspace's own channel when it has one (messaging dispatcher), like every
// message with a workspace_id. Only when the automation rule low_stock_alert is on.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "inventory/model.hpp"
#include "messaging/model.hpp"

namespace careops::db {
class Connection;
}
namespace careops::messaging {
class Outbox;
}
namespace careops::workspaces {
struct Workspace;
}

namespace careops::inventory {

inline constexpr const char* kLowStockAlertKind = "low_stock_alert";

// Where one person hears of low stock.
struct AlertRecipient {
  std::int64_t user_id = 0;
  messaging::Channel channel = messaging::Channel::kEmail;
  std::string address;  // email address or E.164 number
};

// Email when `email` is not empty, else SMS to `phone` when it is set and verified; nullopt
// when neither.
std::optional<AlertRecipient> ChooseAddress(std::int64_t user_id, const std::string& email,
                                            const std::optional<std::string>& phone,
                                            bool phone_verified);

// The owner and the active managers of the workspace (active accounts), by user id, with
// their addresses chosen as above.
std::vector<AlertRecipient> AlertRecipients(db::Connection& conn, std::int64_t workspace_id);

// The message for one recipient about `item` (as it is after the change).
messaging::NewMessage LowStockMessage(const AlertRecipient& to, const workspaces::Workspace& w,
                                      const Item& item);

// Queues the alert for every recipient in the caller's transaction when the rule is on;
// returns how many messages were queued (0 when the rule is off).
int QueueLowStockAlert(db::Connection& conn, const messaging::Outbox& outbox,
                       const workspaces::Workspace& w, const Item& item);

}  // namespace careops::inventory
