#pragma once
// Shared by the accounts unit tests: a migrated temporary SQLite database, a fake clock, a
// server key, an outbox (nothing sends; tests read the sealed bodies back) and the services
// wired as auth::Module wires them, with a cheap argon2id cost so tests stay quick.

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <tuple>

#include "auth/account_service.hpp"
#include "auth/auth_service.hpp"
#include "auth/code_service.hpp"
#include "auth/login_service.hpp"
#include "auth/password_hasher.hpp"
#include "auth/password_reset_service.hpp"
#include "auth/session_service.hpp"
#include "auth/user_repository.hpp"
#include "core/crypto.hpp"
#include "core/random.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "http/metrics.hpp"
#include "messaging/outbox.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"

namespace careops::auth {

class AuthFixture : public ::testing::Test {
 protected:
  static PasswordHasherOptions CheapHashing() {
    PasswordHasherOptions options;
    options.opslimit = 1;
    options.memlimit = 8192;
    return options;
  }

  AuthFixture()
      : key_((InitCrypto(), std::string(64, 'k'))),
        database_(db::OpenDatabase("sqlite:" + dir_.File("auth.db"))),
        conn_(database_->Connect()),
        outbox_(clock_, key_, [this] { ++wakes_; }),
        hasher_(CheapHashing()),
        codes_(key_, clock_, outbox_),
        sessions_(key_, clock_),
        deps_{hasher_, codes_, sessions_, key_, clock_, outbox_, metrics_, "US", public_base_url_},
        accounts_(deps_),
        login_(deps_),
        settings_(deps_),
        resets_(deps_) {
    db::Migrator(*conn_, clock_).Migrate();
  }

  db::Connection& conn() { return *conn_; }

  // The plaintext body of the newest outbox message (sensitive bodies are sealed).
  std::string LastMessageBody() {
    auto row = conn_->QueryOne("SELECT body, sensitive FROM messages ORDER BY id DESC LIMIT 1");
    if (!row) return {};
    if (row->Int(1) == 0) return row->Text(0);
    return key_.Open(messaging::kSealedBodyPurpose, row->Text(0)).value_or("(unsealable)");
  }
  // The 6-digit code in the newest message.
  std::string LastCode() {
    const std::string body = LastMessageBody();
    for (std::size_t i = 0; i + 6 <= body.size(); ++i) {
      if (body.find_first_not_of("0123456789", i) >= i + 6) return body.substr(i, 6);
    }
    return {};
  }
  // (channel, to, kind) of the newest message.
  std::tuple<std::string, std::string, std::string> LastMessageRoute() {
    auto row =
        conn_->QueryOne("SELECT channel, to_address, kind FROM messages ORDER BY id DESC LIMIT 1");
    if (!row) return {};
    return {row->Text(0), row->Text(1), row->Text(2)};
  }
  std::int64_t MessageCount() { return conn_->QueryOne("SELECT COUNT(*) FROM messages")->Int(0); }

  // A bare user row (no password that works), for tests below the account service.
  std::int64_t InsertUser(NewUser user) {
    return UserRepository(conn()).Insert(user, clock_.NowMillis()).value();
  }

  // A registered user (phone given: a verify_phone code has been sent).
  Registered Register(const std::string& email, std::optional<std::string> phone = {}) {
    RegisterRequest request{
        email, "correct horse battery", "Ann Lee", std::move(phone), {"203.0.113.7", "test"}};
    auto registered = accounts_.Register(conn(), request);
    EXPECT_TRUE(registered.ok()) << (registered.ok() ? "" : registered.error().message);
    return registered.ok() ? std::move(registered).value() : Registered{};
  }

  testing::TempDir dir_;
  testing::FakeClock clock_;
  SecretKey key_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<db::Connection> conn_;
  std::atomic<int> wakes_{0};
  messaging::Outbox outbox_;
  http::Metrics metrics_;
  PasswordHasher hasher_;
  CodeService codes_;
  SessionService sessions_;
  std::string public_base_url_ = "https://ops.example.com";
  ServiceDeps deps_;
  AuthService accounts_;
  LoginService login_;
  AccountService settings_;
  PasswordResetService resets_;
};

}  // namespace careops::auth
