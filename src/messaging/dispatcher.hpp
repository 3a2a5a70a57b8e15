#pragma once
// The outbox dispatcher: one thread that sends due messages through the providers.
//
// It sleeps on a condition variable until Wake() (called after an outbox insert commits), the
// next due time, or idle_poll (250 ms) at most (a safety net for rows written by other instances or
// a stepped clock). Each round it claims, per channel, as many due rows as that channel's sender
// may send now (token bucket, M7), most urgent first, leased for `lease`; sends them in (priority,
// id) order; and records every attempt. Accepted -> sent; transient -> retrying after exponential
// backoff with full jitter (or failed after max_attempts); permanent -> failed; skipped -> skipped.
// Sensitive bodies are opened just before sending and wiped after.
//
// Delivery is at least once: a row whose lease expires while 'sending' (its process died
// mid-send) is claimed again.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "messaging/model.hpp"
#include "messaging/sender.hpp"

namespace careops {
class SecretKey;
}
namespace careops::db {
class Connection;
class Database;
}  // namespace careops::db
namespace careops::http {
class Metrics;
}

namespace careops::messaging {

class OutletResolver;

using SteadyTime = std::chrono::steady_clock::time_point;

struct DispatcherOptions {
  std::string sms_from;                   // TWILIO_PHONE_NUMBER
  std::string sms_messaging_service_sid;  // used instead of sms_from when set
  std::string email_from;                 // SMTP_FROM
  // The StatusCallback URL for SMS ("" = none); called at each send, on the dispatcher thread.
  std::function<std::string()> status_callback_url;
  double send_rate = 1.0;  // messages per second per sender
  Millis lease_ms = 60'000;
  Millis retry_base_ms = 2'000;
  Millis retry_cap_ms = 600'000;
  int max_attempts = 8;
  int max_batch = 16;  // rows claimed per channel per round, at most
  // The longest sleep without a Wake(): the safety net for rows written by other instances
  // and for a stepped clock.
  std::chrono::milliseconds idle_poll{250};
  // Uniform in [0, 1]: the jitter of retry delays. Default: the CSPRNG.
  std::function<double()> jitter;
  // Time for pacing (the token buckets). Default: std::chrono::steady_clock::now.
  std::function<SteadyTime()> steady_now;
  // Finds the own channel of a workspace's message (null: every message goes through the
  // server's senders). Called on the dispatcher thread; must outlive the dispatcher.
  OutletResolver* outlets = nullptr;
  // Whether `to` opted out of SMS from `workspace_id` (STOP): the message then ends `refused`
  // with error_code "opted_out" and is never sent. Not asked for kinds in `always_sent_kinds`
  // (the opt-out confirmation itself). Null: nobody is opted out.
  std::function<bool(db::Connection& conn, std::int64_t workspace_id, const std::string& to)>
      sms_opted_out;
  std::vector<std::string> always_sent_kinds;
  // Told when the provider says `to` unsubscribed (Twilio 21610), so the contact is marked.
  std::function<void(db::Connection& conn, std::int64_t workspace_id, const std::string& to)>
      on_unsubscribed;
  // Told after each recorded attempt (may be empty).
  MessageChanged message_changed;
};

// Full-jitter backoff: `unit` (in [0, 1]) x min(cap, base x 2^(attempt - 1)), at least 1 ms.
Millis RetryDelay(int attempt, double unit, Millis base_ms, Millis cap_ms);

// A token bucket: `rate` tokens per second, holding at most max(1, rate). Not thread-safe.
class TokenBucket {
 public:
  TokenBucket(double rate, SteadyTime now);
  // Whole tokens available at `now`.
  int Available(SteadyTime now);
  void Take(int tokens);
  // Time until one token is available (zero when one is).
  std::chrono::milliseconds UntilNext() const;

 private:
  double rate_;
  double capacity_;
  double tokens_;
  SteadyTime last_;
};

class Dispatcher {
 public:
  // Everything passed must outlive the dispatcher. The senders are called from the
  // dispatcher thread only.
  Dispatcher(db::Database& database, const Clock& clock, const SecretKey& key, SmsSender& sms,
             EmailSender& email, http::Metrics& metrics, DispatcherOptions options);
  ~Dispatcher();  // Stop()
  Dispatcher(const Dispatcher&) = delete;
  Dispatcher& operator=(const Dispatcher&) = delete;

  // Replaces the opt-out hooks of the options (sms_opted_out, always_sent_kinds,
  // on_unsubscribed). Call before Start().
  void SetOptOutPolicy(
      std::function<bool(db::Connection&, std::int64_t, const std::string&)> sms_opted_out,
      std::vector<std::string> always_sent_kinds,
      std::function<void(db::Connection&, std::int64_t, const std::string&)> on_unsubscribed);
  // Sets DispatcherOptions::message_changed. Call before Start().
  void SetMessageChanged(MessageChanged changed);
  // Starts the thread. Call once.
  void Start();
  // There may be new work: look now instead of at the next timeout. Thread-safe, cheap.
  void Wake();
  // Lets the send in progress finish, gives back claimed rows not yet sent, joins.
  // Idempotent. Thread-safe.
  void Stop();

  // Messages waiting (queued, retrying, sending) at the last count, refreshed about once a
  // second by the dispatcher thread; -1 before the first count. Thread-safe.
  std::int64_t waiting() const { return waiting_.load(); }

 private:
  void Run();
  // One round: claims what may be sent now and sends it. Returns whether anything was
  // claimed; `pacing_wait` gets the time until a blocked sender may send again.
  bool SendDue(db::Connection& conn, std::optional<std::chrono::milliseconds>& pacing_wait);
  // Which sender and identity a message leaves through: the server's, or its workspace's own.
  struct Route {
    SmsSender* sms = nullptr;      // set for SMS
    EmailSender* email = nullptr;  // set for email
    std::string from;
    std::string messaging_service_sid;
    std::string status_callback_url;
  };
  Result<Route> RouteOf(db::Connection& conn, const ClaimedMessage& message);
  bool RefusedAsOptedOut(db::Connection& conn, const ClaimedMessage& message) const;
  void SendOne(db::Connection& conn, const ClaimedMessage& message);
  SendResult Deliver(const ClaimedMessage& message, const Route& route, const std::string& body);
  std::string SenderOf(Channel channel) const;
  TokenBucket& BucketFor(Channel channel);
  bool stopping() const;

  db::Database& database_;
  const Clock& clock_;
  const SecretKey& key_;
  SmsSender& sms_;
  EmailSender& email_;
  http::Metrics& metrics_;
  DispatcherOptions options_;
  const std::string owner_;  // this dispatcher's lease owner id

  std::map<std::string, TokenBucket> buckets_;  // by sender; dispatcher thread only
  SteadyTime last_count_{};                     // dispatcher thread only
  std::atomic<std::int64_t> waiting_{-1};

  mutable std::mutex mutex_;
  std::condition_variable wake_cv_;
  bool wake_ = false;     // GUARDED_BY(mutex_)
  bool stop_ = false;     // GUARDED_BY(mutex_)
  bool started_ = false;  // GUARDED_BY(mutex_)
  std::thread thread_;
};

}  // namespace careops::messaging
