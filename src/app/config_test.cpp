#include "app/config.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <fstream>

#include "core/random.hpp"
#include "support/temp_dir.hpp"

namespace careops::app {
namespace {

TEST(ConfigTest, DefaultsWithNoSettings) {
  auto c = BuildConfig({}, {}, {});
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->host, "127.0.0.1");
  EXPECT_EQ(c->port, 8000);
  EXPECT_EQ(c->data_dir, "./data");
  EXPECT_EQ(c->database_url, "sqlite:./data/careops.db");
  EXPECT_EQ(c->public_base_url, "http://127.0.0.1:8000");
  EXPECT_EQ(c->sms_provider, "console");
  EXPECT_EQ(c->email_provider, "console");
  EXPECT_EQ(c->log_format, "text");
}

TEST(ConfigTest, FlagsBeatEnvironmentBeatDotEnv) {
  auto c = BuildConfig({{"PORT", "9001"}}, {{"PORT", "9002"}, {"HOST", "0.0.0.0"}},
                       {{"PORT", "9003"}, {"HOST", "10.0.0.1"}, {"LOG_LEVEL", "debug"}});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->port, 9001);
  EXPECT_EQ(c->host, "0.0.0.0");
  EXPECT_EQ(c->log_level, "debug");
  EXPECT_EQ(c->public_base_url, "http://0.0.0.0:9001");
}

TEST(ConfigTest, BadValuesNameTheSetting) {
  struct Case {
    const char* name;
    const char* value;
  };
  for (Case bad :
       {Case{"PORT", "80a"}, Case{"PORT", "70000"}, Case{"PORT", "-1"}, Case{"LOG_FORMAT", "xml"},
        Case{"LOG_LEVEL", "loud"}, Case{"DATABASE_URL", "mysql://x"}, Case{"SECRET_KEY", "short"},
        Case{"PUBLIC_BASE_URL", "ftp://x"}, Case{"MAX_BODY_BYTES", "12"},
        Case{"SMS_PROVIDER", "carrier-pigeon"}, Case{"SMS_PROVIDER", "twilio"},
        Case{"EMAIL_PROVIDER", "smtp"}}) {
    auto c = BuildConfig({}, {{bad.name, bad.value}}, {});
    ASSERT_FALSE(c.ok()) << bad.name << "=" << bad.value;
    EXPECT_EQ(c.error().field, bad.name);
    EXPECT_NE(c.error().message.find(bad.name), std::string::npos) << c.error().message;
  }
}

TEST(ConfigTest, TwilioChosenWhenCredentialsPresent) {
  auto c = BuildConfig({},
                       {{"TWILIO_ACCOUNT_SID", "AC1"},
                        {"TWILIO_AUTH_TOKEN", "tok"},
                        {"TWILIO_MESSAGING_SERVICE_SID", "MG1"},
                        {"SMTP_HOST", "mail"}},
                       {});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->sms_provider, "twilio");
  EXPECT_EQ(c->email_provider, "smtp");
}

TEST(ConfigTest, DescribeMasksSecrets) {
  auto c = BuildConfig({},
                       {{"SECRET_KEY", std::string(40, 's')},
                        {"TWILIO_AUTH_TOKEN", "supersecrettoken1234"},
                        {"SMTP_PASSWORD", "hunter2hunter2"}},
                       {});
  ASSERT_TRUE(c.ok());
  Settings shown = Describe(*c);
  for (const auto& [name, value] : shown) {
    EXPECT_EQ(value.find("supersecret"), std::string::npos) << name;
    EXPECT_EQ(value.find("hunter2"), std::string::npos) << name;
    EXPECT_EQ(value.find("ssssssss"), std::string::npos) << name;
  }
  EXPECT_EQ(shown["TWILIO_AUTH_TOKEN"], "****1234");
}

TEST(ConfigTest, DotEnvParsing) {
  testing::TempDir dir;
  {
    std::ofstream out(dir.File(".env"));
    out << "# comment\n\nexport PORT=9100\nHOST = \"0.0.0.0\"\nSMTP_FROM='CareOps <a@b.c>'\n";
  }
  auto s = ReadDotEnv(dir.File(".env"));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->at("PORT"), "9100");
  EXPECT_EQ(s->at("HOST"), "0.0.0.0");
  EXPECT_EQ(s->at("SMTP_FROM"), "CareOps <a@b.c>");

  EXPECT_TRUE(ReadDotEnv(dir.File("missing")).ok());
  {
    std::ofstream out(dir.File("bad.env"));
    out << "PORT=1\nthis line is wrong\n";
  }
  auto bad = ReadDotEnv(dir.File("bad.env"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("line 2"), std::string::npos);
}

TEST(ConfigTest, SecretKeyGeneratedOnceAndKept) {
  InitCrypto();
  testing::TempDir dir;
  auto c = BuildConfig({}, {{"DATA_DIR", dir.File("data")}}, {});
  ASSERT_TRUE(c.ok());
  Config first = *c;
  ASSERT_TRUE(PrepareDataDir(first).ok());
  EXPECT_GE(first.secret_key.size(), 32u);
  EXPECT_TRUE(first.secret_key_generated);
  struct stat st {};
  ASSERT_EQ(::stat(dir.File("data/secret_key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  ASSERT_EQ(::stat(dir.File("data").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700);

  Config second = *c;
  ASSERT_TRUE(PrepareDataDir(second).ok());
  EXPECT_EQ(second.secret_key, first.secret_key);
}

}  // namespace
}  // namespace careops::app
