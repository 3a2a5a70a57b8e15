#include "messaging/model.hpp"

#include <array>
#include <string_view>
#include <utility>

namespace careops::messaging {
namespace {

constexpr std::array<std::pair<MessageStatus, std::string_view>, 10> kStatusNames = {{
    {MessageStatus::kQueued, "queued"},
    {MessageStatus::kSending, "sending"},
    {MessageStatus::kRetrying, "retrying"},
    {MessageStatus::kSent, "sent"},
    {MessageStatus::kDelivered, "delivered"},
    {MessageStatus::kUndelivered, "undelivered"},
    {MessageStatus::kFailed, "failed"},
    {MessageStatus::kSkipped, "skipped"},
    {MessageStatus::kRefused, "refused"},
    {MessageStatus::kReceived, "received"},
}};

}  // namespace

const char* StatusName(MessageStatus status) {
  for (const auto& [s, name] : kStatusNames) {
    if (s == status) return name.data();
  }
  return "queued";
}

std::optional<MessageStatus> ParseStatus(std::string_view name) {
  for (const auto& [s, n] : kStatusNames) {
    if (n == name) return s;
  }
  return std::nullopt;
}

const char* ChannelName(Channel channel) { return channel == Channel::kSms ? "sms" : "email"; }

std::optional<MessageStatus> StatusAfterReport(MessageStatus current, std::string_view reported) {
  if (current != MessageStatus::kSent) return std::nullopt;
  if (reported == "delivered" || reported == "read") return MessageStatus::kDelivered;
  if (reported == "undelivered") return MessageStatus::kUndelivered;
  if (reported == "failed") return MessageStatus::kFailed;
  return std::nullopt;
}

}  // namespace careops::messaging
