#pragma once
// The provider seam: how a message leaves. Implementations: Twilio (REST over libcurl),
// SMTP (libcurl), console (prints; development), none (records `skipped`). Test fakes are
// real local servers speaking the providers' protocols (tests/support/).

#include <cstdint>
#include <string>
#include <string_view>

namespace careops::messaging {

struct SendResult {
  enum class Outcome {
    kAccepted,   // the provider took it (provider_id set)
    kTransient,  // try again later: timeout, 5xx, 429, Twilio 20429/21611/30001/30008
    kPermanent,  // never retry: invalid number 21211, unsubscribed 21610, not mobile 21614…
    kSkipped,    // provider "none": recorded, not sent
  };
  Outcome outcome = Outcome::kTransient;
  std::string provider_id;    // Twilio's SM… sid, SMTP queue id when known
  std::string status;         // provider's initial status ("queued", "accepted", "sent")
  std::string error_code;     // provider code ("21211", "timeout", "http_503")
  std::string error_message;  // provider text, for the message log; never contains the body
};

struct SmsRequest {
  std::int64_t message_id = 0;  // the outbox row (for logs and the console outbox)
  std::string to;               // E.164
  std::string from;             // sender number; empty when messaging_service_sid is used
  std::string messaging_service_sid;
  std::string body;
  std::string status_callback_url;  // empty: no callbacks
};

struct EmailRequest {
  std::int64_t message_id = 0;  // the outbox row (for logs and the Message-ID)
  std::string to;
  std::string from;
  std::string subject;
  std::string body;  // text/plain, UTF-8
};

// Implementations are called from the dispatcher thread only, one call at a time.
class SmsSender {
 public:
  virtual ~SmsSender() = default;
  virtual SendResult Send(const SmsRequest& request) = 0;
  virtual std::string_view name() const = 0;  // "twilio", "console", "none"
};

class EmailSender {
 public:
  virtual ~EmailSender() = default;
  virtual SendResult Send(const EmailRequest& request) = 0;
  virtual std::string_view name() const = 0;  // "smtp", "console", "none"
};

}  // namespace careops::messaging
