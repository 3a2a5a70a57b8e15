#pragma once
// A fake Twilio Messages API: a real HTTP server on 127.0.0.1 port 0 that checks what the real
// one checks (path, HTTP Basic auth, form fields) and answers the way it does (201 JSON with an
// "SM…" sid; 4xx JSON {code, message, more_info, status}). Failures can be injected. It also
// plays Twilio's other half: SendStatusCallback posts a signed delivery update to CareOps.
//
// Point CareOps at it with sms_provider = "twilio", twilio_account_sid = account_sid(),
// twilio_auth_token = auth_token(), twilio_api_base_url = base_url().
//
// Thread-safe: every method may be called from any thread.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "support/http_client.hpp"

namespace careops::testing {

class LoopbackServer;
class Socket;

class FakeTwilio {
 public:
  explicit FakeTwilio(std::string account_sid = "AC0123456789abcdef0123456789abcdef",
                      std::string auth_token = "fake-auth-token");
  ~FakeTwilio();
  FakeTwilio(const FakeTwilio&) = delete;
  FakeTwilio& operator=(const FakeTwilio&) = delete;

  std::uint16_t port() const;
  std::string base_url() const;  // "http://127.0.0.1:PORT"
  const std::string& account_sid() const { return account_sid_; }
  const std::string& auth_token() const { return auth_token_; }

  // Accepts a further account (a workspace's own Twilio account): requests to its path with
  // its credentials are accepted, and its messages' callbacks are signed with its token.
  void AddAccount(const std::string& account_sid, const std::string& auth_token);

  struct Sent {
    std::string sid, to, from, messaging_service_sid, body, status_callback;
    std::string account_sid;  // the account whose credentials sent it
  };
  // Accepted messages in arrival order.
  std::vector<Sent> messages() const;
  // Blocks until at least n messages were accepted or the timeout passes; returns messages().
  std::vector<Sent> WaitForMessages(
      std::size_t n, std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;

  // Failure injection, consumed one per request (any request), in the order queued:
  // a Twilio error answer {code, message, more_info, status} with `http_status`;
  void FailNext(int twilio_code, int http_status);
  // no answer at all until the client gives up and closes the connection;
  void TimeoutNext();
  // a bare 5xx answer.
  void ServerErrorNext(int http_status = 503);

  // Every request received, including failed and rejected ones.
  int requests() const;

  // Posts a Twilio status callback for `message_sid` to CareOps on 127.0.0.1:`server_port`
  // (POST /api/webhooks/twilio/status, form-encoded MessageSid, MessageStatus, ErrorCode when
  // given, AccountSid, From, To, ...), signed like Twilio over `public_base_url` + path + the
  // sorted parameters with the auth token of the account that sent it; `bad_signature`
  // corrupts the signature.
  ClientResponse SendStatusCallback(std::uint16_t server_port, const std::string& public_base_url,
                                    const std::string& message_sid, const std::string& status,
                                    const std::string& error_code = "",
                                    bool bad_signature = false) const;
  // Posts any form to `path` signed as above (inbound-message webhooks and the like), with the
  // token of the account named by its AccountSid parameter (default: the first account).
  ClientResponse PostSignedForm(std::uint16_t server_port, const std::string& public_base_url,
                                const std::string& path,
                                const std::vector<std::pair<std::string, std::string>>& params,
                                bool bad_signature = false) const;

 private:
  struct Injection {
    enum class Kind { kTwilioError, kTimeout, kServerError } kind;
    int code = 0;
    int http_status = 0;
  };
  struct HttpAnswer {
    int status = 0;
    std::string json;
  };

  void Serve(Socket& socket);
  // The answer to one well-formed request that no injection intercepted.
  HttpAnswer Handle(const std::string& method, const std::string& target,
                    const std::string& authorization, const std::string& body);

  // The token of `account_sid` ("" when unknown).
  std::string TokenOf(const std::string& account_sid) const;

  const std::string account_sid_;
  const std::string auth_token_;
  mutable std::mutex mutex_;
  std::map<std::string, std::string> accounts_;  // sid -> token, GUARDED_BY(mutex_)
  mutable std::condition_variable changed_;
  std::vector<Sent> messages_;              // GUARDED_BY(mutex_)
  std::deque<Injection> injected_;          // GUARDED_BY(mutex_)
  int requests_ = 0;                        // GUARDED_BY(mutex_)
  std::unique_ptr<LoopbackServer> server_;  // last: stops before the state above goes
};

}  // namespace careops::testing
