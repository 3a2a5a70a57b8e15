// SmtpEmailSender against the SMTP sink (a real SMTP server on loopback, no TLS).

#include "messaging/smtp_email_sender.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include "support/fake_clock.hpp"
#include "support/smtp_sink.hpp"

namespace careops::messaging {
namespace {

using Outcome = SendResult::Outcome;
using testing::SmtpSink;

EmailRequest Email(std::string subject = "Your booking", std::string body = "See you soon.") {
  EmailRequest r;
  r.message_id = 7;
  r.to = "ann@example.com";
  r.from = "care@clinic.example";
  r.subject = std::move(subject);
  r.body = std::move(body);
  return r;
}

SmtpOptions Options(const SmtpSink& sink, std::string starttls = "never") {
  SmtpOptions o;
  o.host = "127.0.0.1";
  o.port = sink.port();
  o.starttls = std::move(starttls);
  o.total_timeout = std::chrono::milliseconds(5'000);
  return o;
}

std::string Header(const std::string& data, const std::string& name) {
  const auto start = data.find("\r\n" + name + ": ");
  if (start == std::string::npos) return data.starts_with(name + ": ") ? data.substr(0, 0) : "";
  const auto value = start + name.size() + 4;
  return data.substr(value, data.find("\r\n", value) - value);
}

std::string Base64Decode(std::string in) {
  std::erase_if(in, [](char c) { return c == '\r' || c == '\n'; });
  std::string out(in.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), in.data(),
                        in.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return "<bad base64>";
  }
  out.resize(length);
  return out;
}

class SmtpSenderTest : public ::testing::Test {
 protected:
  testing::FakeClock clock_;
};

TEST_F(SmtpSenderTest, DeliversAnRfc5322MessageWithoutTls) {
  SmtpSink sink;
  SmtpEmailSender sender(Options(sink), clock_);
  const SendResult result = sender.Send(Email("Your booking", "Line one\n.hidden dot\nBye"));
  ASSERT_EQ(result.outcome, Outcome::kAccepted) << result.error_message;
  const auto mails = sink.WaitForMails(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].from, "care@clinic.example");
  ASSERT_EQ(mails[0].to.size(), 1u);
  EXPECT_EQ(mails[0].to[0], "ann@example.com");
  const std::string& data = mails[0].data;
  EXPECT_TRUE(data.starts_with("Date: Thu, 01 Jan 2026 00:00:00 +0000\r\n")) << data;
  EXPECT_EQ(Header(data, "From"), "care@clinic.example");
  EXPECT_EQ(Header(data, "To"), "ann@example.com");
  EXPECT_EQ(Header(data, "Subject"), "Your booking");
  EXPECT_EQ(Header(data, "Message-ID"), result.provider_id);
  EXPECT_TRUE(result.provider_id.starts_with("<careops.7."));
  EXPECT_TRUE(result.provider_id.ends_with("@clinic.example>"));
  EXPECT_EQ(Header(data, "Content-Type"), "text/plain; charset=UTF-8");
  EXPECT_EQ(Header(data, "MIME-Version"), "1.0");
  // CRLF line endings, and the leading dot survives SMTP's dot-stuffing.
  EXPECT_TRUE(data.ends_with("\r\n\r\nLine one\r\n.hidden dot\r\nBye\r\n")) << data;
}

TEST_F(SmtpSenderTest, NonAsciiSubjectAndBodyAreEncoded) {
  SmtpSink sink;
  SmtpEmailSender sender(Options(sink), clock_);
  ASSERT_EQ(sender.Send(Email("Rendez-vous confirmé ✓", "À bientôt, José")).outcome,
            Outcome::kAccepted);
  const auto mails = sink.WaitForMails(1);
  ASSERT_EQ(mails.size(), 1u);
  const std::string subject = Header(mails[0].data, "Subject");
  ASSERT_TRUE(subject.starts_with("=?UTF-8?B?")) << subject;
  EXPECT_EQ(Base64Decode(subject.substr(10, subject.size() - 12)), "Rendez-vous confirmé ✓");
  EXPECT_EQ(Header(mails[0].data, "Content-Transfer-Encoding"), "base64");
  const auto blank = mails[0].data.find("\r\n\r\n");
  EXPECT_EQ(Base64Decode(mails[0].data.substr(blank + 4)), "À bientôt, José");
}

TEST_F(SmtpSenderTest, AuthenticatesWhenAUserIsSet) {
  SmtpSink sink("mailer", "s3cret");
  SmtpOptions options = Options(sink, "auto");  // the sink offers no STARTTLS: plain is allowed
  options.user = "mailer";
  options.password = "s3cret";
  SmtpEmailSender sender(options, clock_);
  ASSERT_EQ(sender.Send(Email()).outcome, Outcome::kAccepted);
  EXPECT_EQ(sink.authenticated_sessions(), 1);
  EXPECT_EQ(sink.WaitForMails(1).size(), 1u);

  options.password = "wrong";
  SmtpEmailSender refused(options, clock_);
  const SendResult result = refused.Send(Email());
  EXPECT_EQ(result.outcome, Outcome::kPermanent);
  EXPECT_EQ(sink.mails().size(), 1u);
}

TEST_F(SmtpSenderTest, StarttlsAlwaysRefusesAPlainServer) {
  SmtpSink sink;
  SmtpEmailSender sender(Options(sink, "always"), clock_);
  const SendResult result = sender.Send(Email());
  EXPECT_EQ(result.outcome, Outcome::kPermanent);
  EXPECT_EQ(result.error_code, "smtp_config");
  EXPECT_TRUE(sink.mails().empty());
}

TEST_F(SmtpSenderTest, ReplyCodesDecideTransientOrPermanent) {
  SmtpSink sink;
  SmtpEmailSender sender(Options(sink), clock_);
  sink.RejectNextMail("451 4.3.0 try again later");
  sink.RejectNextMail("550 5.1.0 sender rejected");
  const SendResult later = sender.Send(Email());
  EXPECT_EQ(later.outcome, Outcome::kTransient);
  EXPECT_EQ(later.error_code, "smtp_451");
  const SendResult never = sender.Send(Email());
  EXPECT_EQ(never.outcome, Outcome::kPermanent);
  EXPECT_EQ(never.error_code, "smtp_550");
  EXPECT_EQ(sender.Send(Email()).outcome, Outcome::kAccepted);
}

TEST_F(SmtpSenderTest, HeaderInjectionIsNeutralised) {
  SmtpSink sink;
  SmtpEmailSender sender(Options(sink), clock_);
  ASSERT_EQ(sender.Send(Email("Hi\r\nBcc: victim@example.com")).outcome, Outcome::kAccepted);
  const auto mails = sink.WaitForMails(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].data.find("\r\nBcc:"), std::string::npos);
  EmailRequest bad = Email();
  bad.to = "ann@example.com>\r\nRCPT TO:<x@example.com";
  EXPECT_EQ(sender.Send(bad).outcome, Outcome::kPermanent);
}

TEST_F(SmtpSenderTest, UnreachableServerIsTransient) {
  SmtpOptions options;
  {
    SmtpSink gone;
    options = Options(gone);
  }
  SmtpEmailSender sender(options, clock_);
  EXPECT_EQ(sender.Send(Email()).outcome, Outcome::kTransient);
}

}  // namespace
}  // namespace careops::messaging
