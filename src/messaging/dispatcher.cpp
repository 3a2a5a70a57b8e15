#include "messaging/dispatcher.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>

#include "core/crypto.hpp"
#include "core/random.hpp"
#include "db/database.hpp"
#include "http/metrics.hpp"
#include "messaging/message_repository.hpp"
#include "messaging/outbox.hpp"
#include "messaging/outlets.hpp"

namespace careops::messaging {
namespace {

using std::chrono::milliseconds;

constexpr milliseconds kCountEvery{1'000};
constexpr const char* kSentMetric = "careops_messages_sent_total";
constexpr const char* kSentHelp = "Message send attempts by channel and outcome.";

const char* OutcomeName(SendResult::Outcome outcome) {
  switch (outcome) {
    case SendResult::Outcome::kAccepted:
      return "accepted";
    case SendResult::Outcome::kTransient:
      return "transient";
    case SendResult::Outcome::kPermanent:
      return "permanent";
    case SendResult::Outcome::kSkipped:
      return "skipped";
  }
  return "transient";
}

double CsprngUnit() { return randombytes_uniform(1'000'001) / 1'000'000.0; }

}  // namespace

Millis RetryDelay(int attempt, double unit, Millis base_ms, Millis cap_ms) {
  const int doublings = std::clamp(attempt - 1, 0, 40);
  const double ceiling = std::min(static_cast<double>(cap_ms), std::ldexp(base_ms, doublings));
  return std::max<Millis>(1, static_cast<Millis>(std::clamp(unit, 0.0, 1.0) * ceiling));
}

TokenBucket::TokenBucket(double rate, SteadyTime now)
    : rate_(rate), capacity_(std::max(1.0, rate)), tokens_(capacity_), last_(now) {}

int TokenBucket::Available(SteadyTime now) {
  if (now > last_) {
    const double seconds = std::chrono::duration<double>(now - last_).count();
    tokens_ = std::min(capacity_, tokens_ + seconds * rate_);
    last_ = now;
  }
  return static_cast<int>(std::floor(tokens_));
}

void TokenBucket::Take(int tokens) { tokens_ -= tokens; }

milliseconds TokenBucket::UntilNext() const {
  if (tokens_ >= 1) return milliseconds(0);
  return milliseconds(static_cast<std::int64_t>(std::ceil((1 - tokens_) / rate_ * 1000)));
}

Dispatcher::Dispatcher(db::Database& database, const Clock& clock, const SecretKey& key,
                       SmsSender& sms, EmailSender& email, http::Metrics& metrics,
                       DispatcherOptions options)
    : database_(database),
      clock_(clock),
      key_(key),
      sms_(sms),
      email_(email),
      metrics_(metrics),
      options_(std::move(options)),
      owner_(RandomHex(8)) {
  if (!options_.jitter) options_.jitter = CsprngUnit;
  if (!options_.steady_now) options_.steady_now = [] { return std::chrono::steady_clock::now(); };
  if (!(options_.send_rate > 0)) options_.send_rate = 1.0;
}

Dispatcher::~Dispatcher() { Stop(); }

void Dispatcher::SetOptOutPolicy(
    std::function<bool(db::Connection&, std::int64_t, const std::string&)> sms_opted_out,
    std::vector<std::string> always_sent_kinds,
    std::function<void(db::Connection&, std::int64_t, const std::string&)> on_unsubscribed) {
  std::lock_guard lock(mutex_);
  options_.sms_opted_out = std::move(sms_opted_out);
  options_.always_sent_kinds = std::move(always_sent_kinds);
  options_.on_unsubscribed = std::move(on_unsubscribed);
}

void Dispatcher::SetMessageChanged(MessageChanged changed) {
  std::lock_guard lock(mutex_);
  options_.message_changed = std::move(changed);
}

void Dispatcher::Start() {
  std::lock_guard lock(mutex_);
  if (started_ || stop_) return;
  started_ = true;
  thread_ = std::thread([this] { Run(); });
}

void Dispatcher::Wake() {
  {
    std::lock_guard lock(mutex_);
    wake_ = true;
  }
  wake_cv_.notify_one();
}

void Dispatcher::Stop() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_cv_.notify_one();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

bool Dispatcher::stopping() const {
  std::lock_guard lock(mutex_);
  return stop_;
}

void Dispatcher::Run() {
  std::unique_ptr<db::Connection> conn;
  while (!stopping()) {
    {
      std::lock_guard lock(mutex_);
      wake_ = false;  // a Wake() from here on is seen by the wait below
    }
    milliseconds wait = options_.idle_poll;
    try {
      if (!conn) conn = database_.Connect();
      std::optional<milliseconds> pacing_wait;
      const bool claimed = SendDue(*conn, pacing_wait);
      const SteadyTime now = std::chrono::steady_clock::now();
      if (claimed || now - last_count_ >= kCountEvery) {
        waiting_.store(MessageRepository::CountWaiting(*conn));
        last_count_ = now;
      }
      if (claimed) continue;  // more may be due right away
      if (const auto next = MessageRepository::NextClaimableAt(*conn)) {
        wait = std::min(wait, milliseconds(std::max<Millis>(0, *next - clock_.NowMillis())));
      }
      if (pacing_wait) wait = std::max(milliseconds(1), std::min(wait, *pacing_wait));
    } catch (const std::exception& e) {
      // A busy or broken database: try again after the idle interval.
      spdlog::warn("message dispatcher: {}", e.what());
      conn.reset();
    }
    std::unique_lock lock(mutex_);
    wake_cv_.wait_for(lock, wait, [this] { return wake_ || stop_; });
  }
  try {
    if (!conn) conn = database_.Connect();
    MessageRepository::Release(*conn, owner_);
  } catch (const std::exception& e) {
    spdlog::warn("message dispatcher: releasing leases failed ({}); they expire on their own",
                 e.what());
  }
}

bool Dispatcher::SendDue(db::Connection& conn, std::optional<milliseconds>& pacing_wait) {
  const SteadyTime steady = options_.steady_now();
  const Millis now = clock_.NowMillis();
  std::vector<ClaimedMessage> claimed;
  for (Channel channel : {Channel::kSms, Channel::kEmail}) {
    TokenBucket& bucket = BucketFor(channel);
    const int allowed = std::min(options_.max_batch, bucket.Available(steady));
    if (allowed <= 0) {
      const milliseconds until = bucket.UntilNext();
      pacing_wait = pacing_wait ? std::min(*pacing_wait, until) : until;
      continue;
    }
    auto rows =
        MessageRepository::Claim(conn, channel, allowed, now, now + options_.lease_ms, owner_);
    bucket.Take(static_cast<int>(rows.size()));
    for (auto& r : rows) claimed.push_back(std::move(r));
  }
  std::sort(claimed.begin(), claimed.end(), [](const auto& a, const auto& b) {
    return std::pair(a.priority, a.id) < std::pair(b.priority, b.id);
  });
  for (std::size_t i = 0; i < claimed.size(); ++i) {
    const ClaimedMessage& message = claimed[i];
    if (stopping()) {
      MessageRepository::Release(conn, owner_, message.id);
      continue;
    }
    // Earlier sends in this round took time: make sure the row is still ours.
    if (i > 0 && !MessageRepository::RenewLease(conn, message.id, owner_,
                                                clock_.NowMillis() + options_.lease_ms)) {
      continue;
    }
    SendOne(conn, message);
  }
  return !claimed.empty();
}

bool Dispatcher::RefusedAsOptedOut(db::Connection& conn, const ClaimedMessage& message) const {
  if (message.channel != Channel::kSms || !message.workspace_id || !options_.sms_opted_out) {
    return false;
  }
  const auto& always = options_.always_sent_kinds;
  if (std::find(always.begin(), always.end(), message.kind) != always.end()) return false;
  return options_.sms_opted_out(conn, *message.workspace_id, message.to);
}

Result<Dispatcher::Route> Dispatcher::RouteOf(db::Connection& conn, const ClaimedMessage& message) {
  Route route;
  if (message.channel == Channel::kSms) {
    if (message.workspace_id && options_.outlets != nullptr) {
      auto own = options_.outlets->Sms(conn, *message.workspace_id);
      if (!own.ok()) return std::move(own).error();
      if (*own) {
        route.sms = (*own)->sender;
        route.from = (*own)->from;
        route.messaging_service_sid = (*own)->messaging_service_sid;
        route.status_callback_url = (*own)->status_callback_url;
        return route;
      }
    }
    route.sms = &sms_;
    if (options_.sms_messaging_service_sid.empty()) {
      route.from = options_.sms_from;
    } else {
      route.messaging_service_sid = options_.sms_messaging_service_sid;
    }
    if (options_.status_callback_url) route.status_callback_url = options_.status_callback_url();
    return route;
  }
  if (message.workspace_id && options_.outlets != nullptr) {
    auto own = options_.outlets->Email(conn, *message.workspace_id);
    if (!own.ok()) return std::move(own).error();
    if (*own) {
      route.email = (*own)->sender;
      route.from = (*own)->from;
      return route;
    }
  }
  route.email = &email_;
  route.from = options_.email_from;
  return route;
}

void Dispatcher::SendOne(db::Connection& conn, const ClaimedMessage& message) {
  AttemptOutcome o;
  o.message_id = message.id;
  o.attempt = message.attempt;
  o.started_at = clock_.NowMillis();
  SendResult result;
  Route route;
  try {
    auto found = RouteOf(conn, message);
    if (found.ok()) {
      route = std::move(found).value();
    } else {
      result.outcome = SendResult::Outcome::kPermanent;
      result.error_code = found.error().field.value_or("channel_unusable");
      result.error_message = found.error().message;
    }
  } catch (const std::exception& e) {  // the database, while reading the channel
    result.outcome = SendResult::Outcome::kTransient;
    result.error_code = "internal";
    result.error_message = e.what();
  }
  bool routed = route.sms != nullptr || route.email != nullptr;
  if (routed && RefusedAsOptedOut(conn, message)) {
    routed = false;
    route = Route();
    result.outcome = SendResult::Outcome::kPermanent;
    result.error_code = "opted_out";
    result.error_message = "the recipient opted out of SMS from this business (STOP)";
  }
  o.from_address = routed ? (route.from.empty() ? route.messaging_service_sid : route.from) : "";
  o.provider = route.sms != nullptr     ? std::string(route.sms->name())
               : route.email != nullptr ? std::string(route.email->name())
                                        : std::string();
  if (!routed) {
    // `result` already says why the message cannot leave.
  } else if (message.sensitive) {
    std::optional<std::string> body = key_.Open(kSealedBodyPurpose, message.body);
    if (body) {
      result = Deliver(message, route, *body);
      sodium_memzero(body->data(), body->size());
    } else {
      result.outcome = SendResult::Outcome::kPermanent;
      result.error_code = "sealed_body_unreadable";
      result.error_message = "the body cannot be opened with this server's SECRET_KEY";
    }
  } else {
    result = Deliver(message, route, message.body);
  }
  o.finished_at = clock_.NowMillis();
  o.outcome = OutcomeName(result.outcome);
  o.error_code = result.error_code;
  o.error_message = result.error_message;
  o.provider_id = result.provider_id;
  switch (result.outcome) {
    case SendResult::Outcome::kAccepted:
      o.status = MessageStatus::kSent;
      break;
    case SendResult::Outcome::kSkipped:
      o.status = MessageStatus::kSkipped;
      break;
    case SendResult::Outcome::kPermanent:
      o.status =
          result.error_code == "opted_out" ? MessageStatus::kRefused : MessageStatus::kFailed;
      if (result.error_code == "21610" && message.workspace_id && options_.on_unsubscribed) {
        options_.on_unsubscribed(conn, *message.workspace_id, message.to);
      }
      break;
    case SendResult::Outcome::kTransient:
      if (message.attempt >= options_.max_attempts) {
        o.status = MessageStatus::kFailed;
      } else {
        o.status = MessageStatus::kRetrying;
        o.next_attempt_at =
            o.finished_at + RetryDelay(message.attempt, options_.jitter(), options_.retry_base_ms,
                                       options_.retry_cap_ms);
      }
      break;
  }
  if (!MessageRepository::RecordAttempt(conn, owner_, o)) {
    spdlog::warn("message {} lease lost while sending; another dispatcher owns it", message.id);
  } else if (options_.message_changed) {
    options_.message_changed(conn, message.id);
  }
  metrics_.IncCounter(kSentMetric, kSentHelp,
                      {{"channel", ChannelName(message.channel)}, {"outcome", o.outcome}});
  // Never the body, nor the recipient: ids and codes only.
  const auto level = result.outcome == SendResult::Outcome::kAccepted ||
                             result.outcome == SendResult::Outcome::kSkipped
                         ? spdlog::level::info
                         : spdlog::level::warn;
  spdlog::log(level, "message id={} kind={} channel={} attempt={} outcome={} status={}{}{}",
              message.id, message.kind, ChannelName(message.channel), message.attempt, o.outcome,
              StatusName(o.status), o.error_code.empty() ? "" : " error_code=", o.error_code);
}

SendResult Dispatcher::Deliver(const ClaimedMessage& message, const Route& route,
                               const std::string& body) {
  try {
    if (route.sms != nullptr) {
      SmsRequest request;
      request.message_id = message.id;
      request.to = message.to;
      request.body = body;
      request.from = route.from;
      request.messaging_service_sid = route.messaging_service_sid;
      request.status_callback_url = route.status_callback_url;
      SendResult result = route.sms->Send(request);
      sodium_memzero(request.body.data(), request.body.size());
      return result;
    }
    EmailRequest request{message.id, message.to, route.from, message.subject, body};
    SendResult result = route.email->Send(request);
    sodium_memzero(request.body.data(), request.body.size());
    return result;
  } catch (const std::exception& e) {
    SendResult result;
    result.outcome = SendResult::Outcome::kTransient;
    result.error_code = "internal";
    result.error_message = e.what();
    return result;
  }
}

std::string Dispatcher::SenderOf(Channel channel) const {
  if (channel == Channel::kEmail) return options_.email_from;
  return options_.sms_messaging_service_sid.empty() ? options_.sms_from
                                                    : options_.sms_messaging_service_sid;
}

TokenBucket& Dispatcher::BucketFor(Channel channel) {
  const std::string key = std::string(ChannelName(channel)) + ":" + SenderOf(channel);
  auto it = buckets_.find(key);
  if (it == buckets_.end()) {
    it = buckets_.emplace(key, TokenBucket(options_.send_rate, options_.steady_now())).first;
  }
  return it->second;
}

}  // namespace careops::messaging
