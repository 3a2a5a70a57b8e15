#include "booking/booking_live.hpp"

#include "http/event_hub.hpp"
#include "http/json.hpp"
#include "inbox/live.hpp"

namespace careops::booking {

void PublishBooking(http::EventHub& hub, std::int64_t workspace_id, std::int64_t booking_id,
                    std::optional<std::int64_t> conversation_id) {
  hub.Publish(inbox::WorkspaceTopic(workspace_id), "booking",
              http::Json{{"id", booking_id}}.dump());
  if (conversation_id) inbox::PublishConversation(hub, workspace_id, *conversation_id);
}

}  // namespace careops::booking
