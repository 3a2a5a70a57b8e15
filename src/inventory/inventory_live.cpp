#include "inventory/inventory_live.hpp"

#include "http/event_hub.hpp"
#include "http/json.hpp"
#include "inbox/live.hpp"

namespace careops::inventory {

void PublishItem(http::EventHub& hub, std::int64_t workspace_id, std::int64_t item_id) {
  hub.Publish(inbox::WorkspaceTopic(workspace_id), "inventory", http::Json{{"id", item_id}}.dump());
}

}  // namespace careops::inventory
