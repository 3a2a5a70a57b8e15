#include "messaging/messaging_handlers.hpp"

#include "http/error_response.hpp"
#include "http/json.hpp"
#include "http/url.hpp"
#include "messaging/console_senders.hpp"
#include "messaging/message_repository.hpp"
#include "messaging/twilio_sms_sender.hpp"

namespace careops::messaging {
namespace {

using http::Json;

template <typename T>
Json OrNull(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json ToJson(const MessageRecord& m) {
  Json attempts = Json::array();
  for (const auto& a : m.attempts) {
    attempts.push_back({{"attempt", a.attempt},
                        {"started_at", a.started_at},
                        {"finished_at", a.finished_at},
                        {"outcome", a.outcome},
                        {"error_code", OrNull(a.error_code)},
                        {"error_message", OrNull(a.error_message)}});
  }
  Json events = Json::array();
  for (const auto& e : m.events) {
    events.push_back({{"status", e.status},
                      {"error_code", OrNull(e.error_code)},
                      {"received_at", e.received_at}});
  }
  return {{"id", m.id},
          {"channel", ChannelName(m.channel)},
          {"kind", m.kind},
          {"to", m.to},
          {"subject", m.subject},
          {"body", m.sensitive ? Json(nullptr) : Json(m.body)},
          {"status", m.status},
          {"attempts", std::move(attempts)},
          {"events", std::move(events)},
          {"error_code", OrNull(m.error_code)},
          {"error_message", OrNull(m.error_message)},
          {"created_at", m.created_at},
          {"sent_at", OrNull(m.sent_at)},
          {"delivered_at", OrNull(m.delivered_at)}};
}

http::Response NoContent() {
  http::Response response;
  response.status = 204;
  return response;
}

}  // namespace

http::Response MessagingHandlers::GetMessage(http::RequestContext& ctx) const {
  const auto message = MessageRepository::Find(ctx.db, ctx.params.Int("id"));
  // Someone else's message is indistinguishable from a missing one.
  if (!message || !message->user_id || *message->user_id != ctx.user_id || ctx.user_id == 0) {
    return http::ErrorResponse(Error::NotFound("message not found"));
  }
  return http::JsonResponse(200, ToJson(*message));
}

http::Response MessagingHandlers::TwilioStatus(http::RequestContext& ctx) const {
  auto params = http::ParseQuery(ctx.request.body);
  if (!params.ok()) return http::ErrorResponse(params.error());
  const auto sid = http::FindParam(*params, "MessageSid");
  const auto status = http::FindParam(*params, "MessageStatus");
  if (!sid || sid->empty()) {
    return http::ErrorResponse(Error::InvalidArgument("MessageSid is required", "MessageSid"));
  }
  if (!status || status->empty()) {
    return http::ErrorResponse(
        Error::InvalidArgument("MessageStatus is required", "MessageStatus"));
  }
  const std::string error_code = http::FindParam(*params, "ErrorCode").value_or("");
  // Unknown sids (another installation's messages, or a report that beat our own bookkeeping)
  // are acknowledged and ignored: Twilio would otherwise retry them.
  const ReportResult result = MessageRepository::ApplyReport(
      ctx.db, *sid, *status, error_code, DescribeTwilioError(error_code), ctx.clock.NowMillis());
  if (result == ReportResult::kStatusChanged && changed_) {
    if (const auto id = MessageRepository::IdOfProviderId(ctx.db, *sid)) changed_(ctx.db, *id);
  }
  return NoContent();
}

http::Response MessagingHandlers::DevOutbox(http::RequestContext&) const {
  if (console_ == nullptr) return http::ErrorResponse(Error::NotFound());
  Json messages = Json::array();
  for (const auto& m : console_->Recent()) {
    messages.push_back({{"id", m.id},
                        {"channel", m.channel},
                        {"to", m.to},
                        {"subject", m.subject},
                        {"body", m.body},
                        {"created_at", m.created_at}});
  }
  return http::JsonResponse(200, {{"messages", std::move(messages)}});
}

}  // namespace careops::messaging
