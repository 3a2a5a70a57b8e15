#pragma once
// Email over SMTP through libcurl: smtp://HOST:PORT (smtps:// for port 465), STARTTLS per
// SMTP_STARTTLS (auto = when offered, always = required, never = plain), AUTH with
// SMTP_USER/SMTP_PASSWORD when a user is set. Messages are RFC 5322 text/plain UTF-8.
// Outcomes: connection problems, timeouts and 4xx replies are transient; 5xx replies, refused
// credentials and a missing STARTTLS under "always" are permanent. Never logs the body.

#include <chrono>
#include <string>

#include "core/clock.hpp"
#include "messaging/curl_support.hpp"
#include "messaging/sender.hpp"

namespace careops::messaging {

struct SmtpOptions {
  std::string host;
  int port = 587;
  std::string user;
  std::string password;
  std::string starttls = "auto";  // auto|always|never
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{30'000};
};

// The RFC 5322 message (CRLF lines) for `request`, dated `now` (UTC ms), with `message_id`
// ("<...>") as its Message-ID. Header values lose CR/LF; a non-ASCII subject is RFC 2047
// encoded; a body that is not 7-bit-safe is sent base64. Exposed for tests.
std::string BuildEmail(const EmailRequest& request, Millis now, const std::string& message_id);

class SmtpEmailSender final : public EmailSender {
 public:
  // `clock` dates the messages; it must outlive the sender.
  SmtpEmailSender(SmtpOptions options, const Clock& clock);
  // Not thread-safe: one call at a time (the dispatcher thread).
  SendResult Send(const EmailRequest& request) override;
  std::string_view name() const override { return "smtp"; }

 private:
  SmtpOptions options_;
  const Clock& clock_;
  CurlHandle curl_;
};

}  // namespace careops::messaging
