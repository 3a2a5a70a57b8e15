#pragma once
// Shared by the contacts unit tests: a migrated temporary SQLite database, a fake clock, the
// contacts services, and two workspaces of Ann's: "Sunny Clinic" (default_region US) and
// "Other Place" (GB), whose contacts must never mix.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "auth/model.hpp"
#include "auth/user_repository.hpp"
#include "contacts/contact_csv.hpp"
#include "contacts/contact_service.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"
#include "workspaces/workspace_service.hpp"

namespace careops::contacts {

class ContactsFixture : public ::testing::Test {
 protected:
  ContactsFixture()
      : database_(db::OpenDatabase("sqlite:" + dir_.File("contacts.db"))),
        conn_(database_->Connect()),
        service_(clock_),
        csv_(clock_) {
    db::Migrator(*conn_, clock_).Migrate();
    auth::NewUser user;
    user.email = "ann@example.com";
    user.password_hash = "x";
    user.full_name = "Ann Owner";
    const std::int64_t ann = auth::UserRepository(*conn_).Insert(user, clock_.NowMillis()).value();
    workspaces::WorkspaceService workspaces(clock_);
    ws_ = workspaces.Create(*conn_, ann, WorkspaceNamed("Sunny Clinic", "sunny-clinic", "US"))
              .value()
              .id;
    other_ws_ = workspaces.Create(*conn_, ann, WorkspaceNamed("Other Place", "other-place", "GB"))
                    .value()
                    .id;
  }

  static workspaces::WorkspaceFields WorkspaceNamed(const std::string& name,
                                                    const std::string& slug,
                                                    const std::string& region) {
    workspaces::WorkspaceFields f;
    f.name = name;
    f.slug = slug;
    f.default_region = region;
    return f;
  }

  static ContactFields Fields(std::optional<std::string> name, std::optional<std::string> email,
                              std::optional<std::string> phone = std::nullopt) {
    ContactFields f;
    f.name = std::move(name);
    f.email = std::move(email);
    f.phone = std::move(phone);
    return f;
  }

  // Creates a contact in Sunny Clinic (a failure fails the test).
  Contact Add(const std::string& name, std::optional<std::string> email,
              std::optional<std::string> phone = std::nullopt) {
    auto c = service_.Create(*conn_, ws_, Fields(name, std::move(email), std::move(phone)));
    EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().message);
    return c.ok() ? *c : Contact{};
  }

  std::int64_t Count(std::int64_t workspace_id) {
    return conn_->QueryOne("SELECT COUNT(*) FROM contacts WHERE workspace_id = ?", {workspace_id})
        ->Int(0);
  }

  testing::TempDir dir_;
  testing::FakeClock clock_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<db::Connection> conn_;
  ContactService service_;
  ContactCsv csv_;
  std::int64_t ws_ = 0;
  std::int64_t other_ws_ = 0;
};

}  // namespace careops::contacts
