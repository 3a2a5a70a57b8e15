#pragma once
// Live updates of form requests (docs/API.md, "Forms"): after a change to a request commits
// (created, sent, moved, cancelled, completed), its workspace's topic ("workspace:<id>",
// inbox/live.hpp) hears
//   event: form_request   data: {"id": <request id>}

#include <cstdint>

namespace careops::http {
class EventHub;
}

namespace careops::forms {

void PublishFormRequest(http::EventHub& hub, std::int64_t workspace_id, std::int64_t request_id);

}  // namespace careops::forms
