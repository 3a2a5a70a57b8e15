#include "forms/form_live.hpp"

#include "http/event_hub.hpp"
#include "http/json.hpp"
#include "inbox/live.hpp"

namespace careops::forms {

void PublishFormRequest(http::EventHub& hub, std::int64_t workspace_id, std::int64_t request_id) {
  hub.Publish(inbox::WorkspaceTopic(workspace_id), "form_request",
              http::Json{{"id", request_id}}.dump());
}

}  // namespace careops::forms
