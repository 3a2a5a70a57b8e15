// A workspace's own channels over HTTP (docs/API.md, Channels): credentials sealed at rest and
// masked in answers, the test message through the workspace's own Twilio account (checked at
// the fake Twilio), its delivery report verified with that account's token, and bad input.

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <thread>

#include "support/workspace_fixture.hpp"

namespace careops::testing {
namespace {

using nlohmann::json;

// The workspace's own Twilio account, distinct from the server's.
constexpr const char* kOwnSid = "AC99999999999999999999999999990042";
constexpr const char* kOwnToken = "own-token-7f3a9c1e5b";
constexpr const char* kOwnNumber = "+15005550007";
constexpr const char* kSmtpPassword = "smtp-password-q8w7e6";

class ChannelsTest : public WorkspaceHttpTest {
 protected:
  void SetUp() override {
    WorkspaceHttpTest::SetUp();
    ws_ = CreateWorkspace(ann_, "Sunny Clinic", "sunny-clinic");
  }

  std::string Path(const std::string& rest = "") const {
    return "/api/workspaces/" + std::to_string(ws_) + "/channels" + rest;
  }

  ClientResponse ConnectOwnTwilio() {
    return WorkspaceHttpTest::ConnectOwnTwilio(ann_, ws_, kOwnSid, kOwnToken, kOwnNumber);
  }

  // GET …/channels until `done` holds for it (10 s at most); the last answer.
  json WaitForChannels(const std::function<bool(const json&)>& done) {
    json channels;
    for (int i = 0; i < 200; ++i) {
      auto r = As(ann_, "GET", Path());
      EXPECT_EQ(r.status, 200) << r.body;
      channels = r.Json();
      if (done(channels)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return channels;
  }

  // Every byte of the server's database files (main file and write-ahead log).
  std::string DatabaseBytes() {
    std::string all;
    for (const char* suffix : {"", "-wal"}) {
      std::ifstream in(server_->dir().File(std::string("careops.db") + suffix), std::ios::binary);
      all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return all;
  }

  std::int64_t ws_ = 0;
};

TEST_F(ChannelsTest, CredentialsAreSealedAtRestAndComeBackMasked) {
  auto sms = ConnectOwnTwilio();
  ASSERT_EQ(sms.status, 200) << sms.body;
  auto email = As(ann_, "PUT", Path("/email"),
                  json{{"mode", "own"},
                       {"host", "smtp.example.com"},
                       {"port", 587},
                       {"user", "clinic@example.com"},
                       {"password", kSmtpPassword},
                       {"from", "clinic@example.com"}}
                      .dump());
  ASSERT_EQ(email.status, 200) << email.body;

  auto listed = As(ann_, "GET", Path());
  ASSERT_EQ(listed.status, 200);
  for (const auto* answer : {&sms, &email, &listed}) {
    EXPECT_EQ(answer->body.find(kOwnToken), std::string::npos) << answer->body;
    EXPECT_EQ(answer->body.find(kOwnSid), std::string::npos) << answer->body;
    EXPECT_EQ(answer->body.find(kSmtpPassword), std::string::npos) << answer->body;
  }
  const json channels = listed.Json();
  EXPECT_EQ(channels["sms"]["mode"], "own");
  EXPECT_EQ(channels["sms"]["settings"]["account_sid"], "AC••••••••0042");
  EXPECT_EQ(channels["sms"]["settings"]["auth_token"], "••••••••");
  EXPECT_EQ(channels["sms"]["settings"]["phone_number"], kOwnNumber);
  EXPECT_EQ(channels["email"]["settings"]["password"], "••••••••");
  EXPECT_EQ(channels["email"]["settings"]["host"], "smtp.example.com");
  EXPECT_EQ(channels["sms"]["works"], false);

  const std::string stored = DatabaseBytes();
  ASSERT_FALSE(stored.empty());
  EXPECT_EQ(stored.find(kOwnToken), std::string::npos);
  EXPECT_EQ(stored.find(kOwnSid), std::string::npos);
  EXPECT_EQ(stored.find(kSmtpPassword), std::string::npos);
  EXPECT_EQ(SqlInt("SELECT COUNT(*) FROM workspace_channels WHERE secrets <> ''"), 2);
}

TEST_F(ChannelsTest, TestMessageLeavesThroughTheWorkspacesOwnAccountAndIsDelivered) {
  ASSERT_EQ(ConnectOwnTwilio().status, 200);
  const std::size_t before = twilio_.messages().size();
  auto test = As(ann_, "POST", Path("/sms/test"), json{{"to", "+14155550123"}}.dump());
  ASSERT_EQ(test.status, 202) << test.body;
  EXPECT_EQ(test.Json()["test"]["to"], "+14155550123");

  const auto sent = twilio_.WaitForMessages(before + 1);
  ASSERT_EQ(sent.size(), before + 1);
  const auto& message = sent.back();
  EXPECT_EQ(message.account_sid, kOwnSid);  // the workspace's credentials, not the server's
  EXPECT_EQ(message.from, kOwnNumber);
  EXPECT_EQ(message.to, "+14155550123");
  EXPECT_NE(message.body.find("Sunny Clinic"), std::string::npos);
  const std::string public_url = server_->app().config().public_base_url;
  EXPECT_EQ(message.status_callback, public_url + "/api/webhooks/twilio/status");

  json channels =
      WaitForChannels([](const json& c) { return c["sms"]["test"]["status"] == "sent"; });
  EXPECT_EQ(channels["sms"]["test"]["status"], "sent");

  // The report is signed with the workspace's token: a forged one is refused.
  EXPECT_EQ(
      twilio_.SendStatusCallback(port(), public_url, message.sid, "delivered", "", true).status,
      403);
  EXPECT_EQ(twilio_.SendStatusCallback(port(), public_url, message.sid, "delivered").status, 204);
  channels = WaitForChannels([](const json& c) { return c["sms"]["works"] == true; });
  EXPECT_EQ(channels["sms"]["test"]["status"], "delivered");
  EXPECT_EQ(channels["sms"]["works"], true);

  // Changing the channel needs a new proof; the stored SID and token are kept when omitted.
  auto changed =
      As(ann_, "PUT", Path("/sms"), json{{"mode", "own"}, {"phone_number", "+15005550008"}}.dump());
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_TRUE(changed.Json()["test"].is_null());
  EXPECT_EQ(changed.Json()["works"], false);
  ASSERT_EQ(As(ann_, "POST", Path("/sms/test"), json{{"to", "+14155550123"}}.dump()).status, 202);
  const auto again = twilio_.WaitForMessages(before + 2);
  ASSERT_EQ(again.size(), before + 2);
  EXPECT_EQ(again.back().account_sid, kOwnSid);
  EXPECT_EQ(again.back().from, "+15005550008");
}

TEST_F(ChannelsTest, ServerModeSendsThroughTheServersAccount) {
  const std::size_t before = twilio_.messages().size();
  auto test = As(ann_, "POST", Path("/sms/test"), json{{"to", "+14155550123"}}.dump());
  ASSERT_EQ(test.status, 202) << test.body;
  EXPECT_EQ(test.Json()["mode"], "server");
  const auto sent = twilio_.WaitForMessages(before + 1);
  ASSERT_EQ(sent.size(), before + 1);
  EXPECT_EQ(sent.back().account_sid, twilio_.account_sid());
  const json channels = WaitForChannels([](const json& c) { return c["sms"]["works"] == true; });
  EXPECT_EQ(channels["sms"]["works"], true);
}

TEST_F(ChannelsTest, AWorkingChannelCompletesOnboardingAndCarriesTheInvitations) {
  const auto channels_step = [&] {
    auto r = As(ann_, "GET", "/api/workspaces/" + std::to_string(ws_) + "/onboarding");
    EXPECT_EQ(r.status, 200) << r.body;
    const json body = r.Json();
    for (const auto& step : body["steps"]) {
      if (step["key"] == "channels") return step;
    }
    return json();
  };
  EXPECT_EQ(channels_step()["done"], false);
  EXPECT_EQ(channels_step()["required"], true);

  ASSERT_EQ(ConnectOwnTwilio().status, 200);
  ASSERT_EQ(As(ann_, "POST", Path("/sms/test"), json{{"to", "+14155550123"}}.dump()).status, 202);
  WaitForChannels([](const json& c) { return c["sms"]["works"] == true; });
  EXPECT_EQ(channels_step()["done"], true);

  const std::size_t before = twilio_.WaitForMessages(1).size();
  auto invited = As(ann_, "POST", "/api/workspaces/" + std::to_string(ws_) + "/invitations",
                    json{{"phone", "+14155550124"}, {"role", "staff"}}.dump());
  ASSERT_EQ(invited.status, 201) << invited.body;
  const auto sent = twilio_.WaitForMessages(before + 1);
  ASSERT_EQ(sent.size(), before + 1);
  EXPECT_EQ(sent.back().to, "+14155550124");
  EXPECT_EQ(sent.back().account_sid, kOwnSid);
  EXPECT_NE(sent.back().body.find("/invite#token="), std::string::npos);
}

TEST_F(ChannelsTest, BadInputIsRefusedNamingTheField) {
  const auto field_of = [&](const std::string& method, const std::string& path,
                            const std::string& body) {
    auto r = As(ann_, method, path, body);
    EXPECT_EQ(r.status, 400) << path << " " << body << " -> " << r.body;
    return r.status == 400 ? r.Json()["error"].value("field", "") : std::string();
  };
  const json own = {{"mode", "own"},
                    {"account_sid", kOwnSid},
                    {"auth_token", kOwnToken},
                    {"phone_number", kOwnNumber}};
  EXPECT_EQ(field_of("PUT", Path("/sms"), json{{"mode", "mine"}}.dump()), "mode");
  EXPECT_EQ(field_of("PUT", Path("/sms"), json{{"mode", 1}}.dump()), "mode");
  json bad = own;
  bad["account_sid"] = "AC123";
  EXPECT_EQ(field_of("PUT", Path("/sms"), bad.dump()), "account_sid");
  bad = own;
  bad.erase("auth_token");  // nothing stored to keep
  EXPECT_EQ(field_of("PUT", Path("/sms"), bad.dump()), "auth_token");
  bad = own;
  bad["messaging_service_sid"] = "MG0123456789abcdef0123456789abcdef";
  EXPECT_EQ(field_of("PUT", Path("/sms"), bad.dump()), "phone_number");
  bad = own;
  bad["phone_number"] = "call me";
  EXPECT_EQ(field_of("PUT", Path("/sms"), bad.dump()), "phone_number");
  bad = own;
  bad["auth_token"] = std::string(4000, 'x');
  EXPECT_EQ(field_of("PUT", Path("/sms"), bad.dump()), "auth_token");
  EXPECT_EQ(field_of("PUT", Path("/email"),
                     json{{"mode", "own"},
                          {"host", "smtp.example.com"},
                          {"port", 70000},
                          {"from", "a@example.com"}}
                         .dump()),
            "port");
  EXPECT_EQ(
      field_of("PUT", Path("/email"),
               json{{"mode", "own"}, {"host", "smtp.example.com"}, {"from", "nobody"}}.dump()),
      "from");
  EXPECT_EQ(field_of("PUT", Path("/email"),
                     json{{"mode", "own"},
                          {"host", "smtp.example.com"},
                          {"starttls", "maybe"},
                          {"from", "a@example.com"}}
                         .dump()),
            "starttls");
  EXPECT_EQ(field_of("POST", Path("/sms/test"), json{{"to", "not a phone"}}.dump()), "to");
  EXPECT_EQ(field_of("POST", Path("/email/test"), json{{"to", "nobody"}}.dump()), "to");
  EXPECT_EQ(field_of("POST", Path("/sms/test"), json::object().dump()), "to");
  EXPECT_EQ(As(ann_, "PUT", Path("/sms"), "[1, 2]").status, 400);
  EXPECT_EQ(As(ann_, "PUT", Path("/fax"), json{{"mode", "server"}}.dump()).status, 404);

  // Nothing was stored by the refused requests.
  EXPECT_EQ(SqlInt("SELECT COUNT(*) FROM workspace_channels"), 0);
}

TEST_F(ChannelsTest, TestMessagesAreLimitedPerHour) {
  for (int i = 0; i < 10; ++i) {
    auto r = As(ann_, "POST", Path("/email/test"), json{{"to", "ann@example.com"}}.dump());
    ASSERT_EQ(r.status, 202) << i << " " << r.body;
  }
  auto limited = As(ann_, "POST", Path("/email/test"), json{{"to", "ann@example.com"}}.dump());
  EXPECT_EQ(limited.status, 429) << limited.body;
  EXPECT_FALSE(limited.Header("retry-after").empty());
  // The other channel has its own allowance.
  EXPECT_EQ(As(ann_, "POST", Path("/sms/test"), json{{"to", "+14155550123"}}.dump()).status, 202);
}

TEST_F(ChannelsTest, StaffNeitherSeeNorChangeChannels) {
  AddBareStaff(ws_, kBobEmail);
  EXPECT_EQ(As(bob_, "GET", Path()).status, 403);
  EXPECT_EQ(As(bob_, "PUT", Path("/sms"), json{{"mode", "server"}}.dump()).status, 403);
  EXPECT_EQ(As(bob_, "POST", Path("/sms/test"), json{{"to", "+14155550123"}}.dump()).status, 403);
}

}  // namespace
}  // namespace careops::testing
