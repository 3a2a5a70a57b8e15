// The dispatcher against a temporary SQLite database and the fake Twilio.

#include "messaging/dispatcher.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <thread>

#include "core/crypto.hpp"
#include "core/random.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "http/metrics.hpp"
#include "messaging/console_senders.hpp"
#include "messaging/outbox.hpp"
#include "messaging/twilio_sms_sender.hpp"
#include "support/fake_clock.hpp"
#include "support/fake_twilio.hpp"
#include "support/temp_dir.hpp"

namespace careops::messaging {
namespace {

using std::chrono::milliseconds;
using testing::FakeTwilio;

constexpr const char* kFrom = "+15005550006";

class DispatcherTest : public ::testing::Test {
 protected:
  DispatcherTest() : key_(std::string(64, 'k')) {
    InitCrypto();
    database_ = db::OpenDatabase("sqlite:" + dir_.File("test.db"));
    conn_ = database_->Connect();
    db::Migrator(*conn_, clock_).Migrate();
    TwilioOptions twilio;
    twilio.api_base_url = fake_.base_url();
    twilio.account_sid = fake_.account_sid();
    twilio.auth_token = fake_.auth_token();
    twilio.total_timeout = milliseconds(500);
    sms_ = std::make_unique<TwilioSmsSender>(twilio);
    options_.sms_from = kFrom;
    options_.email_from = "care@example.com";
    options_.send_rate = 1000;
    options_.jitter = [] { return 1.0; };  // deterministic backoff: exactly base x 2^(n-1)
  }
  ~DispatcherTest() override {
    if (dispatcher_) dispatcher_->Stop();
  }

  Dispatcher& Start() {
    dispatcher_ =
        std::make_unique<Dispatcher>(*database_, clock_, key_, *sms_, email_, metrics_, options_);
    outbox_ = std::make_unique<Outbox>(clock_, key_, [this] { dispatcher_->Wake(); });
    dispatcher_->Start();
    return *dispatcher_;
  }

  std::int64_t Enqueue(std::string body, Priority priority = Priority::kNormal,
                       bool sensitive = false, std::string to = "+14155552671") {
    NewMessage m;
    m.to = std::move(to);
    m.body = std::move(body);
    m.priority = priority;
    m.kind = "test";
    m.sensitive = sensitive;
    Outbox outbox(clock_, key_, nullptr);
    return outbox.Enqueue(*conn_, m);
  }

  std::string Status(std::int64_t id) {
    return conn_->QueryOne("SELECT status FROM messages WHERE id = ?", {id})->Text(0);
  }
  std::int64_t Column(std::int64_t id, const std::string& column) {
    return conn_->QueryOne("SELECT " + column + " FROM messages WHERE id = ?", {id})->Int(0);
  }
  // Polls until the message has `status` (generous bound; never a duration assertion).
  bool WaitForStatus(std::int64_t id, const std::string& status,
                     milliseconds timeout = milliseconds(10'000)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      if (Status(id) == status) return true;
      std::this_thread::sleep_for(milliseconds(5));
    }
    return Status(id) == status;
  }

  testing::TempDir dir_;
  testing::FakeClock clock_;
  SecretKey key_;
  http::Metrics metrics_;
  FakeTwilio fake_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<db::Connection> conn_;
  std::unique_ptr<TwilioSmsSender> sms_;
  NoneEmailSender email_;
  DispatcherOptions options_;
  std::unique_ptr<Dispatcher> dispatcher_;
  std::unique_ptr<Outbox> outbox_;
};

TEST_F(DispatcherTest, WokenMessageReachesTwilioAndIsMarkedSent) {
  // With an hour between polls, only Wake() can deliver within the test's bounds.
  options_.idle_poll = std::chrono::hours(1);
  Start();
  std::this_thread::sleep_for(milliseconds(50));  // let the dispatcher go idle first
  const std::int64_t id =
      outbox_->Enqueue(*conn_, NewMessage{.to = "+14155552671", .body = "hello", .kind = "test"});
  outbox_->Wake();
  const auto sent = fake_.WaitForMessages(1);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].body, "hello");
  EXPECT_EQ(sent[0].from, kFrom);
  ASSERT_TRUE(WaitForStatus(id, "sent"));
  auto row = conn_->QueryOne(
      "SELECT provider, provider_id, from_address, attempts, sent_at, lease_until "
      "FROM messages WHERE id = ?",
      {id});
  EXPECT_EQ(row->Text(0), "twilio");
  EXPECT_EQ(row->Text(1), sent[0].sid);
  EXPECT_EQ(row->Text(2), kFrom);
  EXPECT_EQ(row->Int(3), 1);
  EXPECT_EQ(row->Int(4), clock_.NowMillis());
  EXPECT_TRUE(row->IsNull(5));
  auto attempt = conn_->QueryOne(
      "SELECT attempt, outcome, provider_id FROM message_attempts WHERE message_id = ?", {id});
  EXPECT_EQ(attempt->Int(0), 1);
  EXPECT_EQ(attempt->Text(1), "accepted");
  EXPECT_EQ(attempt->Text(2), sent[0].sid);
  EXPECT_NE(
      metrics_.Render().find("careops_messages_sent_total{channel=\"sms\",outcome=\"accepted\"} 1"),
      std::string::npos);
}

TEST_F(DispatcherTest, SensitiveBodyIsSealedAtRestAndOpenedForSending) {
  const std::int64_t id = Enqueue("Your CareOps code is 482913", Priority::kUrgent, true);
  const std::string stored =
      conn_->QueryOne("SELECT body FROM messages WHERE id = ?", {id})->Text(0);
  EXPECT_EQ(stored.find("482913"), std::string::npos);
  Start();
  const auto sent = fake_.WaitForMessages(1);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].body, "Your CareOps code is 482913");
  ASSERT_TRUE(WaitForStatus(id, "sent"));
}

TEST_F(DispatcherTest, TimeoutIsRetried) {
  fake_.TimeoutNext();
  const std::int64_t id = Enqueue("hello");
  Start();
  ASSERT_TRUE(WaitForStatus(id, "retrying"));
  EXPECT_EQ(Column(id, "next_attempt_at"), clock_.NowMillis() + 2'000);
  auto attempt = conn_->QueryOne(
      "SELECT outcome, error_code FROM message_attempts WHERE message_id = ?", {id});
  EXPECT_EQ(attempt->Text(0), "transient");
  EXPECT_EQ(attempt->Text(1), "timeout");
  clock_.Advance(2'000);
  dispatcher_->Wake();
  ASSERT_EQ(fake_.WaitForMessages(1).size(), 1u);
  ASSERT_TRUE(WaitForStatus(id, "sent"));
  EXPECT_EQ(Column(id, "attempts"), 2);
}

TEST_F(DispatcherTest, ServerErrorsBackOffExponentially) {
  fake_.ServerErrorNext(503);
  fake_.ServerErrorNext(502);
  const std::int64_t id = Enqueue("hello");
  Start();
  ASSERT_TRUE(WaitForStatus(id, "retrying"));
  const Millis t0 = clock_.NowMillis();
  EXPECT_EQ(Column(id, "next_attempt_at"), t0 + 2'000);
  // Not due yet: a wake changes nothing.
  dispatcher_->Wake();
  std::this_thread::sleep_for(milliseconds(100));
  EXPECT_EQ(fake_.requests(), 1);
  clock_.Advance(2'000);
  dispatcher_->Wake();
  // Second failure: the delay doubles.
  const auto deadline = std::chrono::steady_clock::now() + milliseconds(10'000);
  while (Column(id, "attempts") < 2 || Status(id) != "retrying") {
    ASSERT_LT(std::chrono::steady_clock::now(), deadline);
    std::this_thread::sleep_for(milliseconds(5));
  }
  EXPECT_EQ(Column(id, "next_attempt_at"), t0 + 2'000 + 4'000);
  clock_.Advance(4'000);
  dispatcher_->Wake();
  ASSERT_TRUE(WaitForStatus(id, "sent"));
  EXPECT_EQ(fake_.requests(), 3);
  EXPECT_EQ(
      conn_->QueryOne("SELECT COUNT(*) FROM message_attempts WHERE message_id = ?", {id})->Int(0),
      3);
}

TEST_F(DispatcherTest, InvalidNumberFailsWithoutRetry) {
  fake_.FailNext(21211, 400);
  const std::int64_t id = Enqueue("hello");
  Start();
  ASSERT_TRUE(WaitForStatus(id, "failed"));
  auto row = conn_->QueryOne("SELECT error_code, lease_until FROM messages WHERE id = ?", {id});
  EXPECT_EQ(row->Text(0), "21211");
  EXPECT_TRUE(row->IsNull(1));
  clock_.Advance(3'600'000);
  dispatcher_->Wake();
  std::this_thread::sleep_for(milliseconds(300));  // a retry, if there were one, goes now
  EXPECT_EQ(fake_.requests(), 1);
  EXPECT_EQ(Status(id), "failed");
}

TEST_F(DispatcherTest, GivesUpAfterMaxAttempts) {
  options_.max_attempts = 3;
  for (int i = 0; i < 3; ++i) fake_.ServerErrorNext();
  const std::int64_t id = Enqueue("hello");
  Start();
  for (int attempt = 1; attempt < 3; ++attempt) {
    const auto deadline = std::chrono::steady_clock::now() + milliseconds(10'000);
    while (Column(id, "attempts") < attempt || Status(id) != "retrying") {
      ASSERT_LT(std::chrono::steady_clock::now(), deadline);
      std::this_thread::sleep_for(milliseconds(5));
    }
    clock_.Advance(600'000);
    dispatcher_->Wake();
  }
  ASSERT_TRUE(WaitForStatus(id, "failed"));
  EXPECT_EQ(fake_.requests(), 3);
}

TEST_F(DispatcherTest, UrgentBeforeBulk) {
  const std::int64_t bulk1 = Enqueue("bulk 1", Priority::kBulk);
  const std::int64_t bulk2 = Enqueue("bulk 2", Priority::kBulk);
  Enqueue("normal", Priority::kNormal);
  Enqueue("code", Priority::kUrgent, true);
  Start();
  const auto sent = fake_.WaitForMessages(4);
  ASSERT_EQ(sent.size(), 4u);
  EXPECT_EQ(sent[0].body, "code");
  EXPECT_EQ(sent[1].body, "normal");
  EXPECT_EQ(sent[2].body, "bulk 1");
  EXPECT_EQ(sent[3].body, "bulk 2");
  EXPECT_TRUE(WaitForStatus(bulk1, "sent"));
  EXPECT_TRUE(WaitForStatus(bulk2, "sent"));
}

TEST_F(DispatcherTest, PacesEachSenderAndLetsCodesJumpTheQueue) {
  // Pacing time is stepped by hand: one message per second per sender.
  auto steady = std::make_shared<std::atomic<std::int64_t>>(0);
  options_.send_rate = 1;
  options_.steady_now = [steady] { return SteadyTime(milliseconds(steady->load())); };
  for (int i = 1; i <= 3; ++i) Enqueue("bulk " + std::to_string(i), Priority::kBulk);
  Start();
  ASSERT_EQ(fake_.WaitForMessages(1).size(), 1u);
  std::this_thread::sleep_for(milliseconds(300));  // more would go now if pacing were broken
  EXPECT_EQ(fake_.messages().size(), 1u);
  // A code enqueued behind the campaign goes with the next token.
  const std::int64_t code = Enqueue("code", Priority::kUrgent, true);
  dispatcher_->Wake();
  steady->fetch_add(1'000);
  dispatcher_->Wake();
  ASSERT_EQ(fake_.WaitForMessages(2).size(), 2u);
  EXPECT_EQ(fake_.messages()[1].body, "code");
  EXPECT_TRUE(WaitForStatus(code, "sent"));
  steady->fetch_add(1'000);
  dispatcher_->Wake();
  ASSERT_EQ(fake_.WaitForMessages(3).size(), 3u);
  steady->fetch_add(1'000);
  dispatcher_->Wake();
  const auto sent = fake_.WaitForMessages(4);
  ASSERT_EQ(sent.size(), 4u);
  EXPECT_EQ(sent[2].body, "bulk 2");
  EXPECT_EQ(sent[3].body, "bulk 3");
}

TEST_F(DispatcherTest, ExpiredLeaseOfADeadDispatcherIsPickedUpAgain) {
  const std::int64_t id = Enqueue("left behind");
  conn_->Execute(
      "UPDATE messages SET status = 'sending', attempts = 1, lease_owner = 'dead', "
      "lease_until = ? WHERE id = ?",
      {clock_.NowMillis() - 1, id});
  const std::int64_t live = Enqueue("still leased");
  conn_->Execute(
      "UPDATE messages SET status = 'sending', attempts = 1, lease_owner = 'alive', "
      "lease_until = ? WHERE id = ?",
      {clock_.NowMillis() + 60'000, live});
  Start();
  const auto sent = fake_.WaitForMessages(1);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].body, "left behind");
  ASSERT_TRUE(WaitForStatus(id, "sent"));
  EXPECT_EQ(Column(id, "attempts"), 2);
  EXPECT_EQ(Status(live), "sending");  // another dispatcher's live lease is left alone
  clock_.Advance(60'000);
  dispatcher_->Wake();
  ASSERT_EQ(fake_.WaitForMessages(2).size(), 2u);
  EXPECT_TRUE(WaitForStatus(live, "sent"));
}

TEST_F(DispatcherTest, StopFinishesTheSendInProgressAndReleasesTheRest) {
  fake_.TimeoutNext();  // the first send hangs until the client gives up
  const std::int64_t first = Enqueue("first");
  const std::int64_t second = Enqueue("second");
  const std::int64_t third = Enqueue("third");
  Start();
  const auto deadline = std::chrono::steady_clock::now() + milliseconds(10'000);
  while (fake_.requests() < 1) {
    ASSERT_LT(std::chrono::steady_clock::now(), deadline);
    std::this_thread::sleep_for(milliseconds(2));
  }
  // All three are claimed in one round, the first is on the wire.
  EXPECT_EQ(Status(second), "sending");
  dispatcher_->Stop();
  EXPECT_EQ(Status(first), "retrying");  // its attempt finished and was recorded
  for (std::int64_t id : {second, third}) {
    EXPECT_EQ(Status(id), "queued");
    EXPECT_EQ(Column(id, "attempts"), 0);
    auto row = conn_->QueryOne("SELECT lease_until, lease_owner FROM messages WHERE id = ?", {id});
    EXPECT_TRUE(row->IsNull(0));
    EXPECT_TRUE(row->IsNull(1));
  }
  EXPECT_EQ(conn_->QueryOne("SELECT COUNT(*) FROM message_attempts")->Int(0), 1);
  EXPECT_EQ(fake_.messages().size(), 0u);
}

TEST_F(DispatcherTest, NoneProviderRecordsSkipped) {
  NoneSmsSender none;
  Dispatcher dispatcher(*database_, clock_, key_, none, email_, metrics_, options_);
  const std::int64_t id = Enqueue("hello");
  dispatcher.Start();
  ASSERT_TRUE(WaitForStatus(id, "skipped"));
  dispatcher.Stop();
  EXPECT_EQ(
      conn_->QueryOne("SELECT outcome FROM message_attempts WHERE message_id = ?", {id})->Text(0),
      "skipped");
}

TEST(RetryDelayTest, FullJitterWithinExponentialCeiling) {
  EXPECT_EQ(RetryDelay(1, 1.0, 2'000, 600'000), 2'000);
  EXPECT_EQ(RetryDelay(2, 1.0, 2'000, 600'000), 4'000);
  EXPECT_EQ(RetryDelay(8, 1.0, 2'000, 600'000), 256'000);
  EXPECT_EQ(RetryDelay(9, 1.0, 2'000, 600'000), 512'000);
  EXPECT_EQ(RetryDelay(10, 1.0, 2'000, 600'000), 600'000);  // capped
  EXPECT_EQ(RetryDelay(60, 1.0, 2'000, 600'000), 600'000);
  EXPECT_EQ(RetryDelay(3, 0.5, 2'000, 600'000), 4'000);
  EXPECT_EQ(RetryDelay(3, 0.0, 2'000, 600'000), 1);  // never zero
}

TEST(TokenBucketTest, RefillsAtTheRateUpToOneSecondOfBurst) {
  const SteadyTime t0{};
  TokenBucket bucket(2, t0);
  EXPECT_EQ(bucket.Available(t0), 2);
  bucket.Take(2);
  EXPECT_EQ(bucket.Available(t0), 0);
  EXPECT_EQ(bucket.UntilNext(), milliseconds(500));
  EXPECT_EQ(bucket.Available(t0 + milliseconds(500)), 1);
  EXPECT_EQ(bucket.Available(t0 + milliseconds(60'000)), 2);
}

}  // namespace
}  // namespace careops::messaging
