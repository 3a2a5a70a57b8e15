#pragma once
// Live updates of bookings (docs/API.md, "Bookings"): after a change to a booking commits,
// its workspace's topic ("workspace:<id>", inbox/live.hpp) hears
//   event: booking        data: {"id": <booking id>}
// and, when the change was written into the contact's conversation,
//   event: conversation   data: {"id": <conversation id>}

#include <cstdint>
#include <optional>

namespace careops::http {
class EventHub;
}

namespace careops::booking {

void PublishBooking(http::EventHub& hub, std::int64_t workspace_id, std::int64_t booking_id,
                    std::optional<std::int64_t> conversation_id);

}  // namespace careops::booking
