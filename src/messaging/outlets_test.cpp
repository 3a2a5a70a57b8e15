// Workspaces' own channels: sealing of their credentials, and the dispatcher sending each
// workspace's messages through its own Twilio account (fake Twilio, temporary SQLite).

#include "messaging/outlets.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <thread>

#include "core/crypto.hpp"
#include "core/random.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "http/metrics.hpp"
#include "messaging/channel_repository.hpp"
#include "messaging/console_senders.hpp"
#include "messaging/dispatcher.hpp"
#include "messaging/outbox.hpp"
#include "support/fake_clock.hpp"
#include "support/fake_twilio.hpp"
#include "support/temp_dir.hpp"

namespace careops::messaging {
namespace {

using std::chrono::milliseconds;

constexpr const char* kOwnSid = "AC11111111111111111111111111112222";
constexpr const char* kOwnToken = "workspace-token-1";

TEST(ChannelSettingsTest, CredentialsOpenOnlyWithTheSameKeyAndType) {
  InitCrypto();
  const SecretKey key(std::string(64, 'a'));
  const SecretKey other(std::string(64, 'b'));
  const TwilioCredentials twilio{kOwnSid, kOwnToken, "+15005550007", ""};
  const std::string sealed = SealTwilio(key, twilio);
  EXPECT_EQ(sealed.find(kOwnToken), std::string::npos);
  EXPECT_EQ(sealed.find(kOwnSid), std::string::npos);
  const auto opened = OpenTwilio(key, sealed);
  ASSERT_TRUE(opened);
  EXPECT_EQ(opened->account_sid, kOwnSid);
  EXPECT_EQ(opened->auth_token, kOwnToken);
  EXPECT_EQ(opened->phone_number, "+15005550007");
  EXPECT_FALSE(OpenTwilio(other, sealed));
  EXPECT_FALSE(OpenSmtp(key, sealed));  // a Twilio document is not SMTP settings

  const SmtpCredentials smtp{"smtp.example.com", 2525, "u", "p@ss", "always", "a@example.com"};
  const auto smtp_opened = OpenSmtp(key, SealSmtp(key, smtp));
  ASSERT_TRUE(smtp_opened);
  EXPECT_EQ(smtp_opened->port, 2525);
  EXPECT_EQ(smtp_opened->password, "p@ss");
  EXPECT_EQ(smtp_opened->starttls, "always");
  EXPECT_NE(TwilioAccountKey(key, kOwnSid), TwilioAccountKey(other, kOwnSid));
}

TEST(ChannelSettingsTest, MasksShowNoSecret) {
  EXPECT_EQ(MaskIdentifier(kOwnSid), "AC••••••••2222");
  EXPECT_EQ(MaskIdentifier("short"), "••••••••");
  EXPECT_EQ(MaskSecret(kOwnToken), "••••••••");
  EXPECT_EQ(MaskSecret(""), "");
}

class OutletsTest : public ::testing::Test {
 protected:
  OutletsTest() : key_(std::string(64, 'k')) {
    InitCrypto();
    fake_.AddAccount(kOwnSid, kOwnToken);
    database_ = db::OpenDatabase("sqlite:" + dir_.File("test.db"));
    conn_ = database_->Connect();
    db::Migrator(*conn_, clock_).Migrate();
    for (int id : {1, 2}) {
      conn_->Execute(
          "INSERT INTO workspaces (id, name, slug, timezone, default_region, created_at, "
          "updated_at) VALUES (?, 'W', ?, 'UTC', 'US', 0, 0)",
          {static_cast<std::int64_t>(id), "w" + std::to_string(id) + "xx"});
    }
    TwilioOptions twilio;
    twilio.api_base_url = fake_.base_url();
    twilio.account_sid = fake_.account_sid();
    twilio.auth_token = fake_.auth_token();
    twilio.total_timeout = milliseconds(2'000);
    server_sms_ = std::make_unique<TwilioSmsSender>(twilio);
    WorkspaceOutlets::Options outlet_options;
    outlet_options.twilio = twilio;
    outlet_options.status_callback_url = [] { return "http://127.0.0.1:1/cb"; };
    outlets_ = std::make_unique<WorkspaceOutlets>(key_, clock_, outlet_options);
    DispatcherOptions options;
    options.sms_from = "+15005550006";
    options.send_rate = 1000;
    options.outlets = outlets_.get();
    dispatcher_ = std::make_unique<Dispatcher>(*database_, clock_, key_, *server_sms_, email_,
                                               metrics_, options);
    dispatcher_->Start();
  }
  ~OutletsTest() override { dispatcher_->Stop(); }

  void ConnectOwn(std::int64_t workspace_id, const SecretKey& sealing_key,
                  const std::string& number) {
    ChannelRow row;
    row.workspace_id = workspace_id;
    row.channel = Channel::kSms;
    row.own = true;
    row.sender = number;
    row.secrets = SealTwilio(sealing_key, {kOwnSid, kOwnToken, number, ""});
    row.updated_at = clock_.NowMillis();
    ChannelRepository::Save(*conn_, row, TwilioAccountKey(key_, kOwnSid));
  }

  std::int64_t Send(std::optional<std::int64_t> workspace_id) {
    NewMessage m;
    m.to = "+14155552671";
    m.body = "hello";
    m.kind = "test";
    m.workspace_id = workspace_id;
    const std::int64_t id = Outbox(clock_, key_, nullptr).Enqueue(*conn_, m);
    dispatcher_->Wake();
    return id;
  }

  std::string WaitForFinalStatus(std::int64_t id) {
    std::string status;
    for (int i = 0; i < 1000; ++i) {
      status = conn_->QueryOne("SELECT status FROM messages WHERE id = ?", {id})->Text(0);
      if (status == "sent" || status == "failed") break;
      std::this_thread::sleep_for(milliseconds(10));
    }
    return status;
  }

  testing::TempDir dir_;
  testing::FakeClock clock_;
  SecretKey key_;
  http::Metrics metrics_;
  testing::FakeTwilio fake_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<db::Connection> conn_;
  std::unique_ptr<TwilioSmsSender> server_sms_;
  NoneEmailSender email_;
  std::unique_ptr<WorkspaceOutlets> outlets_;
  std::unique_ptr<Dispatcher> dispatcher_;
};

TEST_F(OutletsTest, EachWorkspaceSendsThroughItsOwnAccountOrTheServers) {
  ConnectOwn(1, key_, "+15005550007");
  ASSERT_EQ(WaitForFinalStatus(Send(1)), "sent");
  ASSERT_EQ(WaitForFinalStatus(Send(2)), "sent");             // no channel of its own
  ASSERT_EQ(WaitForFinalStatus(Send(std::nullopt)), "sent");  // not a workspace's
  const auto sent = fake_.WaitForMessages(3);
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_EQ(sent[0].account_sid, kOwnSid);
  EXPECT_EQ(sent[0].from, "+15005550007");
  EXPECT_EQ(sent[0].status_callback, "http://127.0.0.1:1/cb");
  EXPECT_EQ(sent[1].account_sid, fake_.account_sid());
  EXPECT_EQ(sent[1].from, "+15005550006");
  EXPECT_EQ(sent[2].account_sid, fake_.account_sid());

  // A change of the channel takes effect at the next message.
  ConnectOwn(1, key_, "+15005550009");
  ASSERT_EQ(WaitForFinalStatus(Send(1)), "sent");
  const auto after = fake_.WaitForMessages(4);
  ASSERT_EQ(after.size(), 4u);
  EXPECT_EQ(after[3].from, "+15005550009");
}

TEST_F(OutletsTest, UnreadableCredentialsFailTheMessageWithAReason) {
  ConnectOwn(1, SecretKey(std::string(64, 'z')), "+15005550007");
  const std::int64_t id = Send(1);
  ASSERT_EQ(WaitForFinalStatus(id), "failed");
  const auto row = conn_->QueryOne("SELECT error_code FROM messages WHERE id = ?", {id});
  EXPECT_EQ(row->Text(0), "channel_credentials_unreadable");
  EXPECT_EQ(fake_.requests(), 0);  // never fell back to the server's account
}

}  // namespace
}  // namespace careops::messaging
