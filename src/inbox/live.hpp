#pragma once
// Live updates of a workspace (docs/API.md, GET …/events): every committed change to a
// conversation, or to the status of one of its messages, is published to the workspace's
// topic, where the members' open pages listen and re-fetch what they show.
//   event: conversation   data: {"id": <conversation id>}
//   event: message        data: {"id", "conversation_id", "status"}
// Other features publish on the same topic (booking, form_request, inventory); a member's
// stream carries only the events their permissions cover (EventPermission).

#include <cstdint>
#include <string>
#include <string_view>

#include "http/router.hpp"

namespace careops::db {
class Connection;
}
namespace careops::http {
class EventHub;
}

namespace careops::inbox {

// "workspace:<id>": the topic of a workspace's live updates.
std::string WorkspaceTopic(std::int64_t workspace_id);

// The permission a member needs to receive the workspace event `name`: conversation and
// message → inbox, booking → bookings, form_request → forms, inventory → inventory; any
// other name → owner.
http::Permission EventPermission(std::string_view name);

void PublishConversation(http::EventHub& hub, std::int64_t workspace_id,
                         std::int64_t conversation_id);
// Publishes the message's new status when it belongs to a conversation (reads it on `conn`).
void PublishMessage(http::EventHub& hub, db::Connection& conn, std::int64_t message_id);

}  // namespace careops::inbox
