#pragma once
// Live updates of inventory (docs/API.md, Inventory): after a change to an item's stock or
// fields commits, its workspace's topic ("workspace:<id>", inbox/live.hpp) hears
//   event: inventory      data: {"id": <item id>}

#include <cstdint>

namespace careops::http {
class EventHub;
}

namespace careops::inventory {

void PublishItem(http::EventHub& hub, std::int64_t workspace_id, std::int64_t item_id);

}  // namespace careops::inventory
