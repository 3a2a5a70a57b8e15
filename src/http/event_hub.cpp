#include "http/event_hub.hpp"

#include <atomic>
#include <map>
#include <stdexcept>
#include <utility>

namespace careops::http {
namespace internal {

// What the hub and its subscriptions share, so that a subscription may outlive the hub.
struct HubState {
  explicit HubState(EventHubOptions o) : options(o) {}

  const EventHubOptions options;
  std::atomic<std::size_t> count{0};  // written under mutex; read without it by Publish
  std::mutex mutex;
  std::uint64_t last_id = 0;                                                   // GUARDED_BY(mutex)
  std::map<std::string, std::vector<EventSubscription*>, std::less<>> topics;  // GUARDED_BY(mutex)
};

}  // namespace internal

namespace {

bool HasLineBreak(std::string_view text) { return text.find_first_of("\r\n") != text.npos; }

}  // namespace

std::string FormatEventFrame(std::uint64_t id, std::string_view name, std::string_view data) {
  std::string frame;
  frame.reserve(data.size() + name.size() + 40);
  frame.append("id: ").append(std::to_string(id)).append("\nevent: ").append(name).append("\n");
  // SSE ends a line at CRLF, LF or CR.
  for (;;) {
    const std::size_t end = data.find_first_of("\r\n");
    frame.append("data: ").append(data.substr(0, end)).append("\n");
    if (end == data.npos) break;
    const std::size_t skip = data.compare(end, 2, "\r\n") == 0 ? 2 : 1;
    data.remove_prefix(end + skip);
  }
  frame.append("\n");
  return frame;
}

// --- EventSubscription ---

EventSubscription::EventSubscription(std::shared_ptr<internal::HubState> hub, std::string topic,
                                     std::size_t capacity, EventFilter filter)
    : hub_(std::move(hub)),
      topic_(std::move(topic)),
      capacity_(capacity),
      filter_(std::move(filter)) {}

EventSubscription::~EventSubscription() {
  std::lock_guard lock(hub_->mutex);
  if (!registered_) return;
  auto it = hub_->topics.find(topic_);
  std::erase(it->second, this);
  if (it->second.empty()) hub_->topics.erase(it);
  hub_->count.fetch_sub(1);
}

std::vector<std::shared_ptr<const Event>> EventSubscription::Take() {
  std::lock_guard lock(mutex_);
  wake_pending_ = false;
  std::vector<std::shared_ptr<const Event>> events(std::make_move_iterator(queue_.begin()),
                                                   std::make_move_iterator(queue_.end()));
  queue_.clear();
  return events;
}

bool EventSubscription::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

void EventSubscription::OnReady(Waker wake) {
  std::shared_ptr<const Waker> now;
  {
    std::lock_guard lock(mutex_);
    waker_ = wake ? std::make_shared<const Waker>(std::move(wake)) : nullptr;
    if (waker_ && !wake_pending_ && (closed_ || !queue_.empty())) {
      wake_pending_ = true;
      now = waker_;
    }
  }
  if (now) (*now)();
}

std::shared_ptr<const EventSubscription::Waker> EventSubscription::Push(
    const std::shared_ptr<const Event>& event, bool& overflowed) {
  std::lock_guard lock(mutex_);
  overflowed = queue_.size() >= capacity_;
  if (overflowed) {
    closed_ = true;
    queue_.clear();  // its client re-fetches after reconnecting: nothing queued is worth keeping
  } else {
    queue_.push_back(event);
  }
  if (wake_pending_ || !waker_) return nullptr;
  wake_pending_ = true;
  return waker_;
}

std::shared_ptr<const EventSubscription::Waker> EventSubscription::Close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
  if (wake_pending_ || !waker_) return nullptr;
  wake_pending_ = true;
  return waker_;
}

// --- EventHub ---

EventHub::EventHub(EventHubOptions options)
    : state_(std::make_shared<internal::HubState>(options)) {}

EventHub::~EventHub() {
  std::vector<std::shared_ptr<const EventSubscription::Waker>> wakers;
  {
    std::lock_guard lock(state_->mutex);
    for (auto& [topic, subscribers] : state_->topics) {
      for (EventSubscription* subscription : subscribers) {
        subscription->registered_ = false;
        if (auto waker = subscription->Close()) wakers.push_back(std::move(waker));
      }
    }
    state_->topics.clear();
    state_->count.store(0);
  }
  for (const auto& waker : wakers) (*waker)();
}

Result<std::shared_ptr<EventSubscription>> EventHub::Subscribe(std::string topic,
                                                               EventFilter filter) {
  // Built before locking, and destroyed after unlocking when refused (its destructor locks).
  std::shared_ptr<EventSubscription> subscription(new EventSubscription(
      state_, std::move(topic), state_->options.queue_capacity, std::move(filter)));
  {
    std::lock_guard lock(state_->mutex);
    auto it = state_->topics.find(subscription->topic());
    const std::size_t on_topic = it == state_->topics.end() ? 0 : it->second.size();
    if (state_->count.load() < state_->options.max_subscriptions &&
        on_topic < state_->options.max_per_topic) {
      if (it == state_->topics.end()) {
        it = state_->topics.emplace(subscription->topic(), std::vector<EventSubscription*>{}).first;
      }
      it->second.push_back(subscription.get());
      subscription->registered_ = true;
      state_->count.fetch_add(1);
      return subscription;
    }
  }
  return Error::Unavailable("too many live update streams, retry shortly", 5);
}

void EventHub::Publish(std::string_view topic, std::string_view name, std::string_view data_json) {
  if (name.empty() || HasLineBreak(name)) {
    throw std::invalid_argument("event name must be non-empty and on one line");
  }
  if (state_->count.load() == 0) return;  // nobody listens anywhere: no lock, no allocation

  std::vector<std::shared_ptr<const EventSubscription::Waker>> wakers;
  {
    std::lock_guard lock(state_->mutex);
    auto it = state_->topics.find(topic);
    if (it == state_->topics.end()) return;
    // The id is taken under the lock, so every subscriber sees ids in increasing order.
    auto event = std::make_shared<Event>();
    event->id = ++state_->last_id;
    event->name = name;
    event->data = data_json;
    event->frame = FormatEventFrame(event->id, name, data_json);
    std::vector<EventSubscription*>& subscribers = it->second;
    std::size_t kept = 0;
    for (EventSubscription* subscription : subscribers) {
      if (subscription->filter_ && !subscription->filter_(name)) {
        subscribers[kept++] = subscription;
        continue;
      }
      bool overflowed = false;
      if (auto waker = subscription->Push(event, overflowed)) wakers.push_back(std::move(waker));
      if (overflowed) {
        subscription->registered_ = false;  // fell behind: closed, and no longer a subscriber
        state_->count.fetch_sub(1);
      } else {
        subscribers[kept++] = subscription;
      }
    }
    subscribers.resize(kept);
    if (subscribers.empty()) state_->topics.erase(it);
  }
  for (const auto& waker : wakers) (*waker)();
}

std::size_t EventHub::subscriptions() const { return state_->count.load(); }

std::size_t EventHub::subscriptions(std::string_view topic) const {
  std::lock_guard lock(state_->mutex);
  auto it = state_->topics.find(topic);
  return it == state_->topics.end() ? 0 : it->second.size();
}

Response EventStreamResponse(std::shared_ptr<EventSubscription> subscription) {
  Response response;
  response.status = 200;
  response.headers.Set("Content-Type", "text/event-stream");
  response.headers.Set("Cache-Control", "no-store");
  response.headers.Set("X-Accel-Buffering", "no");  // nginx: pass each event on at once
  response.event_stream = std::move(subscription);
  return response;
}

}  // namespace careops::http
