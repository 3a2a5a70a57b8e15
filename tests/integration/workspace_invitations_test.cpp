// Staff invitations over HTTP (docs/API.md, Invitations; PRODUCT.md W3): an owner invites by
// SMS (through the fake Twilio) or email (the console provider's development outbox); the
// link's token, read from the message as it arrived, works exactly once; expired and revoked
// links are gone; only owners invite.

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "support/workspace_fixture.hpp"

namespace careops::testing {
namespace {

using Json = nlohmann::json;

constexpr const char* kCarolEmail = "carol@example.com";
constexpr const char* kLinkMarker = "/invite#token=";

class WorkspaceInvitationsTest : public WorkspaceHttpTest {
 protected:
  void SetUp() override {
    WorkspaceHttpTest::SetUp();
    ws_ = CreateWorkspace(ann_, "Ann's Clinic", "ann-clinic");
    path_ = "/api/workspaces/" + std::to_string(ws_) + "/invitations";
  }

  ClientResponse Invite(const Json& body) { return As(ann_, "POST", path_, body.dump()); }
  ClientResponse Preview(const std::string& token) {
    return Post("/api/invitations/preview", {{"token", token}});
  }
  ClientResponse Accept(const std::string& bearer, const std::string& token) {
    return As(bearer, "POST", "/api/invitations/accept", Json{{"token", token}}.dump());
  }

  // The token of the link in `body`, checked to sit under PUBLIC_BASE_URL; "" when none.
  std::string LinkToken(const std::string& body) {
    const auto at = body.find(kLinkMarker);
    if (at == std::string::npos) return {};
    EXPECT_EQ(body.substr(0, at).rfind(server_->base_url()) + server_->base_url().size(), at)
        << "the link is under PUBLIC_BASE_URL: " << body;
    const auto start = at + std::string(kLinkMarker).size();
    const auto end = body.find_first_not_of(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", start);
    return body.substr(start, end == std::string::npos ? std::string::npos : end - start);
  }

  // The n-th SMS (1-based) at the fake Twilio.
  FakeTwilio::Sent Sms(std::size_t n) {
    auto sent = twilio_.WaitForMessages(n, std::chrono::seconds(30));
    if (sent.size() < n) {
      ADD_FAILURE() << "SMS " << n << " never reached the fake Twilio";
      return {};
    }
    return sent[n - 1];
  }

  // The newest email to `to` on the console provider's development outbox, waiting for the
  // dispatcher to send it.
  Json EmailTo(const std::string& to) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      auto outbox = Call("GET", "/api/dev/outbox");
      EXPECT_EQ(outbox.status, 200) << outbox.body;
      const Json messages = outbox.Json()["messages"];
      for (const Json& m : messages) {
        if (m["channel"] == "email" && m["to"] == to) return m;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ADD_FAILURE() << "no email to " << to << " reached the development outbox";
    return Json::object();
  }

  // Invites `email` and returns the link's token from the email as it was sent.
  std::string InviteByEmail(const std::string& email, Json body = Json::object()) {
    body["email"] = email;
    auto created = Invite(body);
    EXPECT_EQ(created.status, 201) << created.body;
    return LinkToken(EmailTo(email).value("body", ""));
  }

  // Registers and signs in a new user; returns the bearer token.
  std::string NewUser(const std::string& email) {
    EXPECT_EQ(Register(email, std::nullopt).status, 201);
    return Token(email);
  }

  std::int64_t ws_ = 0;
  std::string path_;
};

TEST_F(WorkspaceInvitationsTest, AnSmsInvitationReachesTwilioAndItsLinkWorksExactlyOnce) {
  // A national number, read with the workspace's region (US).
  auto created = Invite({{"phone", "(415) 555-2671"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const Json invitation = created.Json();
  EXPECT_EQ(invitation["channel"], "sms");
  EXPECT_EQ(invitation["recipient"], kTestPhone);
  EXPECT_EQ(invitation["role"], "staff");
  EXPECT_EQ(invitation["status"], "pending");
  EXPECT_EQ(invitation["permissions"],
            (Json{{"inbox", true}, {"bookings", true}, {"forms", false}, {"inventory", false}}));
  EXPECT_EQ(invitation["invited_by"]["user_id"], UserId(kAnnEmail));
  EXPECT_EQ(invitation["expires_at"],
            invitation["created_at"].get<std::int64_t>() + 7 * 24 * 3600 * 1000LL);

  const FakeTwilio::Sent sms = Sms(1);
  EXPECT_EQ(sms.to, kTestPhone);
  EXPECT_NE(sms.body.find("invited you to join Ann's Clinic on CareOps as staff"),
            std::string::npos)
      << sms.body;
  const std::string token = LinkToken(sms.body);
  ASSERT_GE(token.size(), 40u) << sms.body;

  // The owner may follow the message; its body (the link) is never shown back.
  const std::string message_path =
      "/api/messages/" + std::to_string(invitation["message_id"].get<std::int64_t>());
  auto message = As(ann_, "GET", message_path);
  ASSERT_EQ(message.status, 200) << message.body;
  EXPECT_EQ(message.Json()["kind"], "invitation");
  EXPECT_TRUE(message.Json()["body"].is_null());
  EXPECT_EQ(As(bob_, "GET", message_path).status, 404);

  auto preview = Preview(token);
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(preview.Json()["workspace"], (Json{{"name", "Ann's Clinic"}, {"slug", "ann-clinic"}}));
  EXPECT_EQ(preview.Json()["role"], "staff");
  EXPECT_EQ(preview.Json()["invited_by"], "Ann Lee");
  EXPECT_EQ(preview.Json()["recipient"], "+1•••••••71");
  EXPECT_EQ(preview.Json()["expires_at"], invitation["expires_at"]);

  // The invitee registers, verifies the phone by SMS, and accepts.
  ASSERT_EQ(Register(kCarolEmail).status, 201);
  ASSERT_EQ(VerifySms(kCarolEmail, CodeOfMessage(2)).status, 200);
  const std::string carol = Token(kCarolEmail);
  auto accepted = Accept(carol, token);
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.Json()["workspace"]["id"], ws_);
  EXPECT_EQ(accepted.Json()["workspace"]["role"], "staff");
  EXPECT_EQ(As(carol, "GET", "/api/workspaces/" + std::to_string(ws_)).status, 200);
  const Json members =
      As(ann_, "GET", "/api/workspaces/" + std::to_string(ws_) + "/members").Json()["members"];
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(members[1]["email"], kCarolEmail);
  EXPECT_EQ(members[1]["role"], "staff");
  EXPECT_EQ(members[1]["permissions"], invitation["permissions"]);

  // Used up: for the invitee, for anyone else, and for a preview.
  for (const std::string& who : {carol, bob_}) {
    auto again = Accept(who, token);
    EXPECT_EQ(again.status, 410) << again.body;
    EXPECT_EQ(again.Json()["error"]["code"], "gone");
    EXPECT_EQ(again.Json()["error"]["message"], "this invitation has already been used");
  }
  EXPECT_EQ(Preview(token).status, 410);
  EXPECT_EQ(As(bob_, "GET", "/api/workspaces/" + std::to_string(ws_)).status, 404);
  const Json listed = As(ann_, "GET", path_).Json()["invitations"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["status"], "accepted");
  EXPECT_FALSE(listed[0]["accepted_at"].is_null());
}

TEST_F(WorkspaceInvitationsTest, ConcurrentAcceptsLetExactlyOneIn) {
  const std::string token = InviteByEmail("dana@example.com");
  ASSERT_FALSE(token.empty());
  std::vector<std::string> people = {bob_};
  for (const char* email : {"p1@example.com", "p2@example.com", "p3@example.com"}) {
    people.push_back(NewUser(email));
  }
  std::vector<int> statuses(people.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < people.size(); ++i) {
    threads.emplace_back([&, i] { statuses[i] = Accept(people[i], token).status; });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 410),
            static_cast<std::ptrdiff_t>(people.size()) - 1);
  EXPECT_EQ(As(ann_, "GET", "/api/workspaces/" + std::to_string(ws_) + "/members")
                .Json()["members"]
                .size(),
            2u);
}

TEST_F(WorkspaceInvitationsTest, AnEmailInvitationOffersTheRoleAndFlagsChosen) {
  const std::string token = InviteByEmail(
      "dana@example.com", {{"role", "manager"}, {"permissions", {{"inventory", false}}}});
  ASSERT_FALSE(token.empty());
  const Json email = EmailTo("dana@example.com");
  EXPECT_EQ(email["subject"], "Ann Lee invited you to join Ann's Clinic on CareOps");

  auto preview = Preview(token);
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(preview.Json()["recipient"], "d•••@example.com");
  EXPECT_EQ(preview.Json()["role"], "manager");

  const std::string dana = NewUser("dana@example.com");
  auto accepted = Accept(dana, token);
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.Json()["workspace"]["role"], "manager");
  const Json members =
      As(ann_, "GET", "/api/workspaces/" + std::to_string(ws_) + "/members").Json()["members"];
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(members[1]["permissions"],
            (Json{{"inbox", true}, {"bookings", true}, {"forms", true}, {"inventory", false}}));
}

TEST_F(WorkspaceInvitationsTest, AnExpiredLinkIsGone) {
  const std::string token = InviteByEmail("dana@example.com");
  ASSERT_FALSE(token.empty());
  clock().Advance(7 * 24 * 3600 * 1000LL);
  auto preview = Preview(token);
  EXPECT_EQ(preview.status, 410) << preview.body;
  EXPECT_EQ(preview.Json()["error"]["message"], "this invitation has expired");
  EXPECT_EQ(Accept(NewUser("dana@example.com"), token).status, 410);
  EXPECT_EQ(As(ann_, "GET", path_).Json()["invitations"][0]["status"], "expired");
}

TEST_F(WorkspaceInvitationsTest, ARevokedLinkIsGoneAndOnlyPendingOnesRevoke) {
  const std::string token = InviteByEmail("dana@example.com");
  const std::int64_t id = As(ann_, "GET", path_).Json()["invitations"][0]["id"];
  const std::string one = path_ + "/" + std::to_string(id);
  ASSERT_EQ(As(ann_, "DELETE", one).status, 204);
  auto preview = Preview(token);
  EXPECT_EQ(preview.status, 410) << preview.body;
  EXPECT_EQ(preview.Json()["error"]["message"], "this invitation was revoked");
  EXPECT_EQ(Accept(bob_, token).status, 410);
  EXPECT_EQ(As(ann_, "GET", path_).Json()["invitations"][0]["status"], "revoked");
  EXPECT_EQ(As(ann_, "DELETE", one).status, 409) << "no longer pending";

  // Another workspace's invitation id is unknown here.
  const std::int64_t bob_ws = CreateWorkspace(bob_, "Bob's Own", "bob-own");
  auto bobs = As(bob_, "POST", "/api/workspaces/" + std::to_string(bob_ws) + "/invitations",
                 Json{{"email", "erin@example.com"}}.dump());
  ASSERT_EQ(bobs.status, 201) << bobs.body;
  const std::string bobs_id = std::to_string(bobs.Json()["id"].get<std::int64_t>());
  EXPECT_EQ(As(ann_, "DELETE", path_ + "/" + bobs_id).status, 404);
  EXPECT_EQ(As(ann_, "DELETE", path_ + "/999999").status, 404);
}

TEST_F(WorkspaceInvitationsTest, OnlyOwnersInviteAndMembersCannotBeInvitedAgain) {
  AddBareStaff(ws_, kBobEmail);
  EXPECT_EQ(As(bob_, "POST", path_, Json{{"email", "x@example.com"}}.dump()).status, 403);
  EXPECT_EQ(As(bob_, "GET", path_).status, 403);

  auto member = Invite({{"email", kBobEmail}});
  EXPECT_EQ(member.status, 409) << member.body;
  EXPECT_EQ(member.Json()["error"]["message"], "already a member");
  EXPECT_EQ(member.Json()["error"]["field"], "email");

  // A member holding a link for their own workspace cannot use it; it stays pending.
  const std::string token = InviteByEmail("dana@example.com");
  auto refused = Accept(bob_, token);
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(Preview(token).status, 200);
  EXPECT_EQ(Call("POST", "/api/invitations/accept", Json{{"token", token}}.dump()).status, 401);
}

TEST_F(WorkspaceInvitationsTest, BadInputIs400NamingTheField) {
  const std::pair<Json, const char*> cases[] = {
      {Json::object(), "email"},
      {{{"email", 5}}, "email"},
      {{{"phone", true}}, "phone"},
      {{{"email", "a@example.com"}, {"phone", "+14155552671"}}, "phone"},
      {{{"phone", "not a number"}}, "phone"},
      {{{"email", "a@example.com"}, {"role", "boss"}}, "role"},
      {{{"email", "a@example.com"}, {"permissions", "all"}}, "permissions"},
      {{{"email", "a@example.com"}, {"permissions", {{"forms", "yes"}}}}, "forms"},
  };
  for (const auto& [body, field] : cases) {
    auto r = Invite(body);
    EXPECT_EQ(r.status, 400) << body.dump() << " " << r.body;
    EXPECT_EQ(r.Json()["error"]["field"], field) << body.dump();
  }
  EXPECT_TRUE(As(ann_, "GET", path_).Json()["invitations"].empty());

  for (const std::string route : {"/api/invitations/preview", "/api/invitations/accept"}) {
    for (const Json& body : {Json::object(), Json{{"token", 5}}, Json{{"token", ""}}}) {
      auto r = As(bob_, "POST", route, body.dump());
      EXPECT_EQ(r.status, 400) << route << " " << body.dump() << " " << r.body;
      EXPECT_EQ(r.Json()["error"]["field"], "token") << route << " " << body.dump();
    }
    EXPECT_EQ(As(bob_, "POST", route, Json{{"token", "no-such-token"}}.dump()).status, 404);
  }
}

}  // namespace
}  // namespace careops::testing
