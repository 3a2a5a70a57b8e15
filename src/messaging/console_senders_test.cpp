#include "messaging/console_senders.hpp"

#include <gtest/gtest.h>

#include "messaging/model.hpp"
#include "support/fake_clock.hpp"

namespace careops::messaging {
namespace {

TEST(ConsoleMessagingTest, KeepsTheNewestFiftyNewestFirst) {
  testing::FakeClock clock;
  ConsoleOutbox outbox(clock);
  ConsoleSmsSender sms(outbox);
  ConsoleEmailSender email(outbox);
  for (int i = 1; i <= 60; ++i) {
    SmsRequest r;
    r.message_id = i;
    r.to = "+14155552671";
    r.body = "sms " + std::to_string(i);
    const SendResult result = sms.Send(r);
    ASSERT_EQ(result.outcome, SendResult::Outcome::kAccepted);
    EXPECT_EQ(result.provider_id, "console-" + std::to_string(i));
  }
  ASSERT_EQ(email.Send({61, "ann@example.com", "care@example.com", "Hello", "Body"}).outcome,
            SendResult::Outcome::kAccepted);
  const auto recent = outbox.Recent();
  ASSERT_EQ(recent.size(), kConsoleOutboxSize);
  EXPECT_EQ(recent.front().id, 61);
  EXPECT_EQ(recent.front().channel, "email");
  EXPECT_EQ(recent.front().subject, "Hello");
  EXPECT_EQ(recent[1].body, "sms 60");
  EXPECT_EQ(recent.back().id, 12);
  EXPECT_EQ(recent.back().created_at, clock.NowMillis());
}

TEST(ConsoleMessagingTest, NoneSendersSkip) {
  NoneSmsSender sms;
  NoneEmailSender email;
  EXPECT_EQ(sms.Send({}).outcome, SendResult::Outcome::kSkipped);
  EXPECT_EQ(email.Send({}).outcome, SendResult::Outcome::kSkipped);
}

TEST(MessageStatusTest, ReportsOnlyMoveSentMessagesForward) {
  using S = MessageStatus;
  EXPECT_EQ(StatusAfterReport(S::kSent, "delivered"), S::kDelivered);
  EXPECT_EQ(StatusAfterReport(S::kSent, "undelivered"), S::kUndelivered);
  EXPECT_EQ(StatusAfterReport(S::kSent, "failed"), S::kFailed);
  EXPECT_EQ(StatusAfterReport(S::kSent, "sent"), std::nullopt);
  EXPECT_EQ(StatusAfterReport(S::kSent, "queued"), std::nullopt);
  EXPECT_EQ(StatusAfterReport(S::kDelivered, "sent"), std::nullopt);
  EXPECT_EQ(StatusAfterReport(S::kDelivered, "failed"), std::nullopt);
  EXPECT_EQ(StatusAfterReport(S::kUndelivered, "delivered"), std::nullopt);
  EXPECT_EQ(StatusAfterReport(S::kSending, "delivered"), std::nullopt);
}

}  // namespace
}  // namespace careops::messaging
