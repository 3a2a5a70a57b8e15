#pragma once
// Shared by the workspaces unit tests beyond WorkspaceService's own: a migrated temporary
// SQLite database, a fake clock, a server key, an outbox (nothing sends; tests open the sealed
// bodies), the services wired as workspaces::Module wires them, and Ann Owner's workspace
// "Sunny Clinic" with Bob and Carl as users who are not members yet.

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "auth/model.hpp"
#include "auth/user_repository.hpp"
#include "core/crypto.hpp"
#include "core/random.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "messaging/outbox.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"
#include "workspaces/invitation_service.hpp"
#include "workspaces/workspace_service.hpp"

namespace careops::workspaces {

class WorkspacesFixture : public ::testing::Test {
 protected:
  WorkspacesFixture()
      : key_((InitCrypto(), std::string(64, 'k'))),
        database_(db::OpenDatabase("sqlite:" + dir_.File("ws.db"))),
        conn_(database_->Connect()),
        outbox_(clock_, key_, [this] { ++wakes_; }),
        workspaces_(clock_),
        invitations_(clock_, key_, outbox_, public_base_url_) {
    db::Migrator(*conn_, clock_).Migrate();
    ann_ = AddUser("ann@example.com", "Ann Owner");
    bob_ = AddUser("bob@example.com", "Bob Staff");
    carl_ = AddUser("carl@example.com", "Carl Other");
    WorkspaceFields f;
    f.name = "Sunny Clinic";
    f.slug = "sunny-clinic";
    f.default_region = "GB";
    ws_ = workspaces_.Create(*conn_, ann_, f).value().id;
  }

  std::int64_t AddUser(const std::string& email, const std::string& name,
                       std::optional<std::string> phone = {}) {
    auth::NewUser user;
    user.email = email;
    user.password_hash = "x";
    user.full_name = name;
    user.phone_number = std::move(phone);
    return auth::UserRepository(*conn_).Insert(user, clock_.NowMillis()).value();
  }

  // The plaintext body of message `id` (sensitive bodies are sealed).
  std::string MessageBody(std::int64_t id) {
    auto row = conn_->QueryOne("SELECT body, sensitive FROM messages WHERE id = ?", {id});
    if (!row) return {};
    if (row->Int(1) == 0) return row->Text(0);
    return key_.Open(messaging::kSealedBodyPurpose, row->Text(0)).value_or("(unsealable)");
  }
  // The token of the link in message `id`.
  std::string TokenOf(std::int64_t message_id) {
    const std::string body = MessageBody(message_id);
    const std::string marker = "/invite#token=";
    const auto at = body.find(marker);
    if (at == std::string::npos) return {};
    const auto start = at + marker.size();
    const auto end = body.find_first_of(" \n", start);
    return body.substr(start, end == std::string::npos ? std::string::npos : end - start);
  }

  InvitationRequest ByEmail(const std::string& email) const {
    InvitationRequest r;
    r.email = email;
    return r;
  }
  InvitationRequest ByPhone(const std::string& phone) const {
    InvitationRequest r;
    r.phone = phone;
    return r;
  }
  // Creates an invitation as Ann (a failure fails the test) and returns it with its token.
  std::pair<Invitation, std::string> Invite(const InvitationRequest& request) {
    auto created = invitations_.Create(*conn_, ws_, ann_, request, "10.0.0.1");
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    if (!created.ok()) return {};
    EXPECT_TRUE(created->message_id.has_value());
    return {*created, TokenOf(created->message_id.value_or(0))};
  }

  testing::TempDir dir_;
  testing::FakeClock clock_;
  SecretKey key_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<db::Connection> conn_;
  std::atomic<int> wakes_{0};
  messaging::Outbox outbox_;
  std::string public_base_url_ = "https://ops.example.com";
  WorkspaceService workspaces_;
  InvitationService invitations_;
  std::int64_t ann_ = 0;
  std::int64_t bob_ = 0;
  std::int64_t carl_ = 0;
  std::int64_t ws_ = 0;
};

}  // namespace careops::workspaces
