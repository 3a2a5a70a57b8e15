#pragma once
// The workspaces HTTP tests' fixture: the real server (AuthHttpTest) with two signed-up,
// signed-in users, Ann and Bob, and helpers to create workspaces and add members directly.

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "db/database.hpp"
#include "support/auth_fixture.hpp"

namespace careops::testing {

inline constexpr const char* kAnnEmail = "ann@example.com";
inline constexpr const char* kBobEmail = "bob@example.com";

class WorkspaceHttpTest : public AuthHttpTest {
 protected:
  void SetUp() override {
    StartServer();
    ASSERT_EQ(Register(kAnnEmail, std::nullopt).status, 201);
    ASSERT_EQ(Register(kBobEmail, std::nullopt).status, 201);
    ann_ = Token(kAnnEmail);
    bob_ = Token(kBobEmail);
  }

  // Calls `target` with `token` as the bearer; `body` (JSON text) is sent when not empty.
  ClientResponse As(const std::string& token, const std::string& method, const std::string& target,
                    const std::string& body = {}) {
    return Call(method, target, body, Bearer(token));
  }

  // Creates a workspace as `token`'s user and returns its id (a failure fails the test).
  std::int64_t CreateWorkspace(const std::string& token, const std::string& name,
                               const std::string& slug) {
    auto r =
        As(token, "POST", "/api/workspaces",
           nlohmann::json{{"name", name}, {"slug", slug}, {"timezone", "Europe/Berlin"}}.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json()["id"].get<std::int64_t>() : 0;
  }

  // Gives workspace `workspace_id` its own Twilio account at the fake Twilio (as `token`'s
  // user, its owner): the account is added to the fake and the channel saved.
  ClientResponse ConnectOwnTwilio(const std::string& token, std::int64_t workspace_id,
                                  const std::string& account_sid, const std::string& auth_token,
                                  const std::string& number) {
    twilio_.AddAccount(account_sid, auth_token);
    return As(token, "PUT", "/api/workspaces/" + std::to_string(workspace_id) + "/channels/sms",
              nlohmann::json{{"mode", "own"},
                             {"account_sid", account_sid},
                             {"auth_token", auth_token},
                             {"phone_number", number}}
                  .dump());
  }

  // The first column of the first row of `sql` as an integer, read from the server's database.
  std::int64_t SqlInt(const std::string& sql) {
    auto database = db::OpenDatabase("sqlite:" + server_->dir().File("careops.db"));
    return database->Connect()->QueryOne(sql)->Int(0);
  }
  std::int64_t UserId(const std::string& email) {
    return SqlInt("SELECT id FROM users WHERE email = '" + email + "'");
  }
  // Makes `email`'s user an active staff member of `workspace_id` with every permission off.
  void AddBareStaff(std::int64_t workspace_id, const std::string& email) {
    Sql("INSERT INTO workspace_members (workspace_id, user_id, role, perm_inbox, perm_bookings, "
        "perm_forms, perm_inventory, status, created_at) VALUES (" +
        std::to_string(workspace_id) + ", " + std::to_string(UserId(email)) +
        ", 'staff', 0, 0, 0, 0, 'active', 0)");
  }

  std::string ann_;  // bearer tokens
  std::string bob_;
};

}  // namespace careops::testing
