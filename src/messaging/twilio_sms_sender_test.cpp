// TwilioSmsSender against the fake Twilio (a real HTTP server on loopback).

#include "messaging/twilio_sms_sender.hpp"

#include <gtest/gtest.h>

#include "support/fake_twilio.hpp"

namespace careops::messaging {
namespace {

using Outcome = SendResult::Outcome;
using testing::FakeTwilio;

class TwilioSenderTest : public ::testing::Test {
 protected:
  TwilioSmsSender MakeSender(std::string token = "") {
    TwilioOptions options;
    options.api_base_url = fake_.base_url();
    options.account_sid = fake_.account_sid();
    options.auth_token = token.empty() ? fake_.auth_token() : token;
    options.total_timeout = std::chrono::milliseconds(1'000);
    return TwilioSmsSender(options);
  }
  static SmsRequest Sms(std::string to = "+14155552671") {
    SmsRequest r;
    r.to = std::move(to);
    r.from = "+15005550006";
    r.body = "Your code is 123456 & more = text";
    r.status_callback_url = "https://careops.example/api/webhooks/twilio/status";
    return r;
  }
  FakeTwilio fake_;
};

TEST_F(TwilioSenderTest, SendsFormFieldsWithBasicAuth) {
  auto sender = MakeSender();
  const SendResult result = sender.Send(Sms());
  ASSERT_EQ(result.outcome, Outcome::kAccepted) << result.error_code << " " << result.error_message;
  EXPECT_TRUE(result.provider_id.starts_with("SM"));
  EXPECT_EQ(result.provider_id.size(), 34u);
  EXPECT_EQ(result.status, "queued");
  const auto sent = fake_.messages();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].sid, result.provider_id);
  EXPECT_EQ(sent[0].to, "+14155552671");
  EXPECT_EQ(sent[0].from, "+15005550006");
  EXPECT_EQ(sent[0].body, "Your code is 123456 & more = text");
  EXPECT_EQ(sent[0].status_callback, "https://careops.example/api/webhooks/twilio/status");
  EXPECT_TRUE(sent[0].messaging_service_sid.empty());
}

TEST_F(TwilioSenderTest, MessagingServiceInsteadOfFrom) {
  auto sender = MakeSender();
  SmsRequest r = Sms();
  r.from.clear();
  r.messaging_service_sid = "MG0123456789abcdef0123456789abcdef";
  const SendResult result = sender.Send(r);
  ASSERT_EQ(result.outcome, Outcome::kAccepted);
  EXPECT_EQ(result.status, "accepted");
  EXPECT_EQ(fake_.messages().at(0).messaging_service_sid, r.messaging_service_sid);
  EXPECT_TRUE(fake_.messages().at(0).from.empty());
}

TEST_F(TwilioSenderTest, WrongCredentialsArePermanent) {
  auto sender = MakeSender("wrong-token");
  const SendResult result = sender.Send(Sms());
  EXPECT_EQ(result.outcome, Outcome::kPermanent);
  EXPECT_EQ(result.error_code, "20003");
  EXPECT_TRUE(fake_.messages().empty());
}

TEST_F(TwilioSenderTest, InvalidNumberIsPermanent) {
  auto sender = MakeSender();
  const SendResult result = sender.Send(Sms("not-a-number"));
  EXPECT_EQ(result.outcome, Outcome::kPermanent);
  EXPECT_EQ(result.error_code, "21211");
}

TEST_F(TwilioSenderTest, InjectedFailuresClassified) {
  auto sender = MakeSender();
  fake_.FailNext(21610, 400);
  fake_.FailNext(20429, 429);
  fake_.FailNext(30001, 400);
  fake_.ServerErrorNext(503);
  fake_.TimeoutNext();
  EXPECT_EQ(sender.Send(Sms()).outcome, Outcome::kPermanent);
  EXPECT_EQ(sender.Send(Sms()).outcome, Outcome::kTransient);
  EXPECT_EQ(sender.Send(Sms()).outcome, Outcome::kTransient);
  EXPECT_EQ(sender.Send(Sms()).outcome, Outcome::kTransient);
  const SendResult timeout = sender.Send(Sms());
  EXPECT_EQ(timeout.outcome, Outcome::kTransient);
  EXPECT_EQ(timeout.error_code, "timeout");
  EXPECT_EQ(sender.Send(Sms()).outcome, Outcome::kAccepted);  // injections are used up
  EXPECT_EQ(fake_.requests(), 6);
  EXPECT_EQ(fake_.messages().size(), 1u);
}

TEST_F(TwilioSenderTest, UnreachableServerIsTransient) {
  TwilioOptions options;
  {
    FakeTwilio gone;
    options.api_base_url = gone.base_url();
  }
  options.account_sid = "AC0123456789abcdef0123456789abcdef";
  options.auth_token = "x";
  TwilioSmsSender sender(options);
  const SendResult result = sender.Send(Sms());
  EXPECT_EQ(result.outcome, Outcome::kTransient);
  EXPECT_EQ(result.error_code, "network");
}

TEST(TwilioClassifyTest, FollowsTwilioMd) {
  const auto error = [](int code, long status) {
    return ClassifyTwilioAnswer(
        status, "{\"code\": " + std::to_string(code) +
                    ", \"message\": \"m\", \"status\": " + std::to_string(status) + "}");
  };
  for (int code : {20429, 21611, 30001, 30008}) {
    EXPECT_EQ(error(code, 400).outcome, Outcome::kTransient) << code;
  }
  for (int code : {20003, 21211, 21408, 21610, 21614, 30004, 30007, 12345}) {
    EXPECT_EQ(error(code, 400).outcome, Outcome::kPermanent) << code;
  }
  EXPECT_EQ(error(12345, 502).outcome, Outcome::kTransient);  // unknown 5xx
  EXPECT_EQ(ClassifyTwilioAnswer(429, "").outcome, Outcome::kTransient);
  EXPECT_EQ(ClassifyTwilioAnswer(500, "<html>").error_code, "http_500");
  EXPECT_EQ(ClassifyTwilioAnswer(404, "").outcome, Outcome::kPermanent);
  const SendResult ok = ClassifyTwilioAnswer(201, R"({"sid": "SMabc", "status": "queued"})");
  EXPECT_EQ(ok.outcome, Outcome::kAccepted);
  EXPECT_EQ(ok.provider_id, "SMabc");
  EXPECT_EQ(error(21211, 400).error_message, "m");
}

}  // namespace
}  // namespace careops::messaging
