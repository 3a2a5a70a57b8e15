#pragma once
// Live updates: an in-process publish/subscribe hub whose subscriptions the HTTP server sends
// to browsers as server-sent events (text/event-stream). Feature-agnostic: a topic is any
// string ("workspace:42"), an event a name and the text of a JSON value.
//
// Contract:
// - A subscriber receives every event published to its topic after Subscribe() returned, in
//   publication order, each with a hub-wide id that increases by publication — or, with a
//   filter, those of them whose name the filter accepts (the others never reach its queue).
// - Publish never blocks on a subscriber: each subscription has a bounded queue, and one that
//   falls `queue_capacity` events behind is closed (its queue dropped). Its client reconnects
//   and re-fetches; there is no replay.
// - Nothing is stored: an event published to a topic nobody listens to is gone. Publishing
//   then costs one atomic load.
//
// Thread-safety: every member of EventHub and EventSubscription may be called from any
// thread. Locks: the hub's mutex, then a subscription's; wakers run outside both.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "http/message.hpp"

namespace careops::http {

struct Event {
  std::uint64_t id = 0;  // hub-wide, increasing by publication, from 1
  std::string name;      // the SSE `event:` field
  std::string data;      // the text of a JSON value
  std::string frame;     // the whole SSE frame, built once by Publish (see FormatEventFrame)
};

// "id: N\nevent: NAME\ndata: DATA\n\n". Data holding line breaks becomes one `data:` line per
// line (clients join them with "\n"), so it cannot end the frame early.
std::string FormatEventFrame(std::uint64_t id, std::string_view name, std::string_view data);

struct EventHubOptions {
  std::size_t queue_capacity = 256;        // events a subscriber may fall behind
  std::size_t max_subscriptions = 10'000;  // over all topics
  std::size_t max_per_topic = 1'000;
};

namespace internal {
struct HubState;
}

// One listener on one topic, from Subscribe() until destroyed (which unsubscribes) or closed
// by the hub. Owned by whoever listens (for a stream: the Response, then the connection).
// Which event names a subscription receives (by name only: called under the hub's lock, so
// it must be quick, thread-safe and must not call the hub).
using EventFilter = std::function<bool(std::string_view name)>;

class EventSubscription {
 public:
  using Waker = std::function<void()>;

  ~EventSubscription();  // unsubscribes; publishers see it gone once this returns
  EventSubscription(const EventSubscription&) = delete;
  EventSubscription& operator=(const EventSubscription&) = delete;

  const std::string& topic() const { return topic_; }
  // Moves out every queued event, oldest first; empty when none. Never blocks on publishers
  // for longer than one queue append.
  std::vector<std::shared_ptr<const Event>> Take();
  // True once the hub closed it: it fell behind (its queue was dropped) or the hub was
  // destroyed (events queued before that can still be taken). No event arrives after.
  bool closed() const;
  // `wake` is called when events arrive while none were waiting since the last Take(), and
  // when the subscription closes: at most once per Take(). It runs on a publishing thread (or
  // inside this call, if something is already waiting or closed), outside every lock of the
  // hub, so it must be quick and thread-safe and must only schedule work. It may still run
  // once after being replaced or after the subscription is destroyed: capture nothing that
  // could dangle (weak pointers, executors). Pass nullptr to stop waking.
  void OnReady(Waker wake);

 private:
  friend class EventHub;
  EventSubscription(std::shared_ptr<internal::HubState> hub, std::string topic,
                    std::size_t capacity, EventFilter filter);
  // Called by the hub with its mutex held. Returns the waker to call once unlocked, if any.
  std::shared_ptr<const Waker> Push(const std::shared_ptr<const Event>& event, bool& overflowed);
  std::shared_ptr<const Waker> Close();

  const std::shared_ptr<internal::HubState> hub_;
  const std::string topic_;
  const std::size_t capacity_;
  const EventFilter filter_;  // empty: every event of the topic
  bool registered_ = false;   // GUARDED_BY(hub_->mutex): on its topic's list

  mutable std::mutex mutex_;
  std::deque<std::shared_ptr<const Event>> queue_;  // GUARDED_BY(mutex_)
  bool closed_ = false;                             // GUARDED_BY(mutex_)
  bool wake_pending_ = false;                       // GUARDED_BY(mutex_): woken since Take()
  std::shared_ptr<const Waker> waker_;              // GUARDED_BY(mutex_)
};

class EventHub {
 public:
  explicit EventHub(EventHubOptions options = {});
  // Closes every subscription still open (they may outlive the hub, closed).
  ~EventHub();
  EventHub(const EventHub&) = delete;
  EventHub& operator=(const EventHub&) = delete;

  // Listens to `topic` from now on. kUnavailable (retry after a few seconds) when the hub or
  // the topic has as many subscriptions as its options allow.
  // With `filter`, only the events whose name it accepts are queued.
  Result<std::shared_ptr<EventSubscription>> Subscribe(std::string topic,
                                                       EventFilter filter = nullptr);

  // Queues the event for every subscriber of `topic`; call it after the change it announces
  // is committed. `data_json` is the text of a JSON value (compact: one line). Never blocks
  // on subscribers. Throws std::invalid_argument when `name` is empty or holds a line break
  // (a bug: names are constants).
  void Publish(std::string_view topic, std::string_view name, std::string_view data_json);

  // Open subscriptions, over all topics / on one topic.
  std::size_t subscriptions() const;
  std::size_t subscriptions(std::string_view topic) const;

 private:
  const std::shared_ptr<internal::HubState> state_;
};

// The answer of a stream route: 200 text/event-stream, sent by the server as events arrive
// until the subscription closes, the client leaves or the server shuts down.
Response EventStreamResponse(std::shared_ptr<EventSubscription> subscription);

}  // namespace careops::http
