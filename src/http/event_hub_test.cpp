#include "http/event_hub.hpp"

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace careops::http {
namespace {

std::shared_ptr<EventSubscription> MustSubscribe(EventHub& hub, std::string topic) {
  auto subscription = hub.Subscribe(std::move(topic));
  if (!subscription.ok()) throw std::runtime_error(subscription.error().message);
  return std::move(subscription).value();
}

std::vector<std::string> Data(const std::vector<std::shared_ptr<const Event>>& events) {
  std::vector<std::string> data;
  for (const auto& event : events) data.push_back(event->data);
  return data;
}

TEST(EventHubTest, FramesEventsAsServerSentEvents) {
  EXPECT_EQ(FormatEventFrame(7, "message.created", R"({"id":1})"),
            "id: 7\nevent: message.created\ndata: {\"id\":1}\n\n");
  // A line break in the data cannot end the frame: each line gets its own data field.
  EXPECT_EQ(FormatEventFrame(8, "x", "{\n\"a\": 1\r\n}\r"),
            "id: 8\nevent: x\ndata: {\ndata: \"a\": 1\ndata: }\ndata: \n\n");
}

TEST(EventHubTest, DeliversToTheTopicsSubscribersOnly) {
  EventHub hub;
  auto first = MustSubscribe(hub, "workspace:1");
  auto second = MustSubscribe(hub, "workspace:1");
  auto other = MustSubscribe(hub, "workspace:2");

  hub.Publish("workspace:1", "changed", R"({"n":1})");
  hub.Publish("workspace:3", "changed", R"({"n":3})");

  auto got = first->Take();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0]->name, "changed");
  EXPECT_EQ(got[0]->data, R"({"n":1})");
  EXPECT_EQ(got[0]->frame, FormatEventFrame(got[0]->id, "changed", R"({"n":1})"));
  EXPECT_EQ(Data(second->Take()), std::vector<std::string>{R"({"n":1})"});
  EXPECT_TRUE(other->Take().empty());
  EXPECT_TRUE(first->Take().empty()) << "Take() moves the events out";
}

TEST(EventHubTest, AFilteredSubscriptionGetsOnlyTheNamesItAccepts) {
  EventHub hub;
  auto bookings_only =
      hub.Subscribe("workspace:1", [](std::string_view name) { return name == "booking"; }).value();
  auto everything = MustSubscribe(hub, "workspace:1");

  hub.Publish("workspace:1", "conversation", R"({"id":1})");
  hub.Publish("workspace:1", "booking", R"({"id":2})");

  EXPECT_EQ(Data(bookings_only->Take()), std::vector<std::string>{R"({"id":2})"});
  EXPECT_EQ(Data(everything->Take()), (std::vector<std::string>{R"({"id":1})", R"({"id":2})"}));
  EXPECT_EQ(hub.subscriptions("workspace:1"), 2u) << "a filtered-out event unsubscribes no one";
}

TEST(EventHubTest, KeepsPublicationOrderWithIncreasingIds) {
  EventHub hub;
  auto subscription = MustSubscribe(hub, "t");
  auto elsewhere = MustSubscribe(hub, "u");
  hub.Publish("t", "e", "1");
  hub.Publish("u", "e", "x");
  hub.Publish("t", "e", "2");
  hub.Publish("t", "e", "3");

  auto events = subscription->Take();
  EXPECT_EQ(Data(events), (std::vector<std::string>{"1", "2", "3"}));
  ASSERT_EQ(events.size(), 3u);
  EXPECT_LT(events[0]->id, events[1]->id);
  EXPECT_LT(events[1]->id, events[2]->id);
  EXPECT_EQ(events[1]->id, elsewhere->Take().at(0)->id + 1) << "ids are hub-wide";
}

TEST(EventHubTest, OnlyEventsPublishedAfterSubscribingArrive) {
  EventHub hub;
  hub.Publish("t", "e", "before");
  auto subscription = MustSubscribe(hub, "t");
  hub.Publish("t", "e", "after");
  EXPECT_EQ(Data(subscription->Take()), std::vector<std::string>{"after"});
}

TEST(EventHubTest, ClosesASubscriberThatFallsBehindWithoutTouchingOthers) {
  EventHub hub({.queue_capacity = 3});
  auto slow = MustSubscribe(hub, "t");
  auto fast = MustSubscribe(hub, "t");
  int wakes = 0;
  slow->OnReady([&] { ++wakes; });

  for (int i = 0; i < 3; ++i) {
    hub.Publish("t", "e", std::to_string(i));
    EXPECT_EQ(fast->Take().size(), 1u);
  }
  EXPECT_FALSE(slow->closed());
  hub.Publish("t", "e", "3");  // one more than `slow` may hold

  EXPECT_TRUE(slow->closed());
  EXPECT_TRUE(slow->Take().empty()) << "a closed subscriber's queue is dropped";
  EXPECT_EQ(wakes, 1) << "woken for the first event only, then not again until Take()";
  EXPECT_EQ(Data(fast->Take()), std::vector<std::string>{"3"});
  EXPECT_EQ(hub.subscriptions("t"), 1u);
  EXPECT_EQ(hub.subscriptions(), 1u);

  hub.Publish("t", "e", "4");
  EXPECT_TRUE(slow->Take().empty()) << "nothing arrives after closing";
  slow.reset();  // destroying a closed subscription is fine
  EXPECT_EQ(hub.subscriptions(), 1u);
}

TEST(EventHubTest, WakesOncePerTakeAndAtOnceWhenEventsAreAlreadyWaiting) {
  EventHub hub;
  auto subscription = MustSubscribe(hub, "t");
  hub.Publish("t", "e", "1");
  int wakes = 0;
  subscription->OnReady([&] { ++wakes; });
  EXPECT_EQ(wakes, 1) << "an event was already waiting";
  hub.Publish("t", "e", "2");
  EXPECT_EQ(wakes, 1);
  EXPECT_EQ(subscription->Take().size(), 2u);
  hub.Publish("t", "e", "3");
  EXPECT_EQ(wakes, 2);
  subscription->OnReady(nullptr);
  subscription->Take();
  hub.Publish("t", "e", "4");
  EXPECT_EQ(wakes, 2) << "no waker, no wake";
}

TEST(EventHubTest, DestroyingASubscriptionUnsubscribes) {
  EventHub hub;
  auto kept = MustSubscribe(hub, "t");
  {
    auto gone = MustSubscribe(hub, "t");
    auto alone = MustSubscribe(hub, "u");
    EXPECT_EQ(hub.subscriptions(), 3u);
    EXPECT_EQ(hub.subscriptions("t"), 2u);
  }
  EXPECT_EQ(hub.subscriptions(), 1u);
  EXPECT_EQ(hub.subscriptions("t"), 1u);
  EXPECT_EQ(hub.subscriptions("u"), 0u);
  hub.Publish("t", "e", "1");
  hub.Publish("u", "e", "1");
  EXPECT_EQ(kept->Take().size(), 1u);
  kept.reset();
  EXPECT_EQ(hub.subscriptions(), 0u);
}

TEST(EventHubTest, RefusesSubscriptionsBeyondItsCaps) {
  EventHub hub({.queue_capacity = 8, .max_subscriptions = 3, .max_per_topic = 2});
  auto a = MustSubscribe(hub, "t");
  auto b = MustSubscribe(hub, "t");
  auto third_on_topic = hub.Subscribe("t");
  ASSERT_FALSE(third_on_topic.ok());
  EXPECT_EQ(third_on_topic.error().code, ErrorCode::kUnavailable);
  EXPECT_GT(third_on_topic.error().retry_after_seconds, 0);
  auto c = MustSubscribe(hub, "u");
  EXPECT_FALSE(hub.Subscribe("v").ok()) << "the hub-wide cap";
  EXPECT_EQ(hub.subscriptions(), 3u);
  a.reset();
  EXPECT_TRUE(hub.Subscribe("v").ok()) << "a freed place can be taken again";
}

TEST(EventHubTest, SubscriptionsOutliveTheHubClosed) {
  std::shared_ptr<EventSubscription> subscription;
  int wakes = 0;
  {
    EventHub hub;
    subscription = MustSubscribe(hub, "t");
    subscription->OnReady([&] { ++wakes; });
    hub.Publish("t", "e", "last");
    subscription->Take();
  }
  EXPECT_TRUE(subscription->closed());
  EXPECT_EQ(wakes, 2) << "the event, then the close";
  subscription.reset();
}

TEST(EventHubTest, RejectsEventNamesThatWouldBreakTheFrame) {
  EventHub hub;
  auto subscription = MustSubscribe(hub, "t");
  EXPECT_THROW(hub.Publish("t", "", "{}"), std::invalid_argument);
  EXPECT_THROW(hub.Publish("t", "a\nb", "{}"), std::invalid_argument);
  EXPECT_TRUE(subscription->Take().empty());
}

// Concurrent publishers, consumers and subscribe/unsubscribe churn: every subscriber sees
// every event once, ids strictly increasing, each publisher's events in its own order.
TEST(EventHubTest, ConcurrentPublishersAndSubscribersSmoke) {
  constexpr int kPublishers = 4;
  constexpr int kEach = 2000;
  constexpr std::size_t kTotal = std::size_t{kPublishers} * kEach;
  EventHub hub({.queue_capacity = kTotal});
  std::vector<std::shared_ptr<EventSubscription>> subscribers;
  for (int i = 0; i < 3; ++i) subscribers.push_back(MustSubscribe(hub, "t"));
  std::atomic<bool> publishing{true};

  std::vector<std::vector<std::shared_ptr<const Event>>> received(subscribers.size());
  std::vector<std::thread> consumers;
  for (std::size_t i = 0; i < subscribers.size(); ++i) {
    consumers.emplace_back([&, i] {
      for (;;) {
        const bool last_round = !publishing.load();
        for (auto& event : subscribers[i]->Take()) received[i].push_back(std::move(event));
        if (last_round) return;
        std::this_thread::yield();
      }
    });
  }
  std::thread churn([&] {
    while (publishing.load()) {
      auto passing = hub.Subscribe("t");
      auto elsewhere = hub.Subscribe("u");
      std::this_thread::yield();
    }
  });
  std::vector<std::thread> publishers;
  for (int p = 0; p < kPublishers; ++p) {
    publishers.emplace_back([&, p] {
      for (int n = 0; n < kEach; ++n) {
        hub.Publish("t", "e", std::to_string(p) + ":" + std::to_string(n));
        if (n % 64 == 0) hub.Publish("u", "e", "{}");
      }
    });
  }
  for (auto& t : publishers) t.join();
  publishing.store(false);
  churn.join();
  for (auto& t : consumers) t.join();

  for (const auto& events : received) {
    ASSERT_EQ(events.size(), kTotal);
    std::vector<int> next(kPublishers, 0);
    std::uint64_t last_id = 0;
    for (const auto& event : events) {
      EXPECT_GT(event->id, last_id);
      last_id = event->id;
      const auto colon = event->data.find(':');
      const int p = std::stoi(event->data.substr(0, colon));
      EXPECT_EQ(std::stoi(event->data.substr(colon + 1)), next[p]++);
    }
  }
  subscribers.clear();
  EXPECT_EQ(hub.subscriptions(), 0u);
}

}  // namespace
}  // namespace careops::http
