#include "messaging/console_senders.hpp"

#include <spdlog/spdlog.h>

namespace careops::messaging {
namespace {

// Provider ids are unique in the outbox; the message id makes them so.
SendResult Accepted(std::int64_t message_id) {
  SendResult result;
  result.outcome = SendResult::Outcome::kAccepted;
  result.provider_id = "console-" + std::to_string(message_id);
  result.status = "sent";
  return result;
}

SendResult Skipped() {
  SendResult result;
  result.outcome = SendResult::Outcome::kSkipped;
  result.error_code = "not_configured";
  result.error_message = "no provider configured for this channel";
  return result;
}

}  // namespace

void ConsoleOutbox::Add(ConsoleMessage message) {
  std::lock_guard lock(mutex_);
  messages_.push_back(std::move(message));
  while (messages_.size() > kConsoleOutboxSize) messages_.pop_front();
}

std::vector<ConsoleMessage> ConsoleOutbox::Recent() const {
  std::lock_guard lock(mutex_);
  return {messages_.rbegin(), messages_.rend()};
}

SendResult ConsoleSmsSender::Send(const SmsRequest& r) {
  outbox_.Add({r.message_id, "sms", r.to, "", r.body, outbox_.clock().NowMillis()});
  // Development only: the console provider exists to show the message, code included.
  spdlog::info("console sms message_id={} to={} from={}\n{}", r.message_id, r.to,
               r.from.empty() ? r.messaging_service_sid : r.from, r.body);
  return Accepted(r.message_id);
}

SendResult ConsoleEmailSender::Send(const EmailRequest& r) {
  outbox_.Add({r.message_id, "email", r.to, r.subject, r.body, outbox_.clock().NowMillis()});
  spdlog::info("console email message_id={} to={} from={} subject={}\n{}", r.message_id, r.to,
               r.from, r.subject, r.body);
  return Accepted(r.message_id);
}

SendResult NoneSmsSender::Send(const SmsRequest&) { return Skipped(); }
SendResult NoneEmailSender::Send(const EmailRequest&) { return Skipped(); }

}  // namespace careops::messaging
