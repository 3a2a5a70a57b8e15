#pragma once
// An SMTP sink: a real SMTP server on 127.0.0.1 port 0 that accepts mail and keeps it in
// memory. Speaks EHLO/HELO, AUTH PLAIN and LOGIN (advertised and required only when
// credentials are configured), MAIL FROM, RCPT TO, DATA (dot-unstuffed), RSET, NOOP, QUIT.
// No TLS: STARTTLS is neither advertised nor accepted.
//
// Thread-safe: every method may be called from any thread.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace careops::testing {

class LoopbackServer;
class Socket;

class SmtpSink {
 public:
  // With a non-empty `user`, clients must AUTH with these credentials before MAIL FROM.
  explicit SmtpSink(std::string user = "", std::string password = "");
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  std::uint16_t port() const;

  struct Mail {
    std::string from;             // MAIL FROM address, without <>
    std::vector<std::string> to;  // RCPT TO addresses, without <>
    std::string data;             // the message as sent (CRLF lines), dot-unstuffed
  };
  // Accepted mails in arrival order.
  std::vector<Mail> mails() const;
  // Blocks until at least n mails were accepted or the timeout passes; returns mails().
  std::vector<Mail> WaitForMails(
      std::size_t n, std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;

  // The next MAIL FROM is answered with `reply` (e.g. "451 4.3.0 try later",
  // "550 5.1.0 sender rejected") instead of 250; one per MAIL FROM, in order.
  void RejectNextMail(std::string reply);
  // Sessions that reached AUTH successfully.
  int authenticated_sessions() const;

 private:
  void Serve(Socket& socket);

  const std::string user_;
  const std::string password_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::vector<Mail> mails_;                 // GUARDED_BY(mutex_)
  std::deque<std::string> rejections_;      // GUARDED_BY(mutex_)
  int authenticated_ = 0;                   // GUARDED_BY(mutex_)
  std::unique_ptr<LoopbackServer> server_;  // last: stops before the state above goes
};

}  // namespace careops::testing
