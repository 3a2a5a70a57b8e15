#pragma once
// Development providers. The console senders print each message, body included, to the log
// (the one place a code may appear, by nature: development only) and keep the last
// kConsoleOutboxSize in memory for GET /api/dev/outbox. The "none" senders record nothing
// and answer kSkipped (the seed's graceful degradation when no provider is configured).

#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "messaging/sender.hpp"

namespace careops::messaging {

inline constexpr std::size_t kConsoleOutboxSize = 50;

struct ConsoleMessage {
  std::int64_t id = 0;  // the message's id in the outbox
  std::string channel;  // "sms" | "email"
  std::string to;
  std::string subject;
  std::string body;
  Millis created_at = 0;
};

// The in-memory ring both console senders write. Thread-safe.
class ConsoleOutbox {
 public:
  explicit ConsoleOutbox(const Clock& clock) : clock_(clock) {}
  const Clock& clock() const { return clock_; }
  // Stores the message, dropping the oldest past kConsoleOutboxSize.
  void Add(ConsoleMessage message);
  // Newest first.
  std::vector<ConsoleMessage> Recent() const;

 private:
  const Clock& clock_;
  mutable std::mutex mutex_;
  std::deque<ConsoleMessage> messages_;  // GUARDED_BY(mutex_), oldest first
};

class ConsoleSmsSender final : public SmsSender {
 public:
  explicit ConsoleSmsSender(ConsoleOutbox& outbox) : outbox_(outbox) {}
  SendResult Send(const SmsRequest& request) override;
  std::string_view name() const override { return "console"; }

 private:
  ConsoleOutbox& outbox_;
};

class ConsoleEmailSender final : public EmailSender {
 public:
  explicit ConsoleEmailSender(ConsoleOutbox& outbox) : outbox_(outbox) {}
  SendResult Send(const EmailRequest& request) override;
  std::string_view name() const override { return "console"; }

 private:
  ConsoleOutbox& outbox_;
};

class NoneSmsSender final : public SmsSender {
 public:
  SendResult Send(const SmsRequest&) override;
  std::string_view name() const override { return "none"; }
};

class NoneEmailSender final : public EmailSender {
 public:
  SendResult Send(const EmailRequest&) override;
  std::string_view name() const override { return "none"; }
};

}  // namespace careops::messaging
