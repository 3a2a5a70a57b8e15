// careops: serve | migrate | version | check-config. Parses the command line, loads and
// validates the configuration, then hands over to the composition root (app/app.cpp).

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <iostream>

#include "app/app.hpp"
#include "app/config.hpp"
#include "core/clock.hpp"
#include "core/log.hpp"
#include "core/random.hpp"
#include "core/version.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"

namespace {

using careops::app::Config;
using careops::app::Settings;

// Flags shared by the commands that read configuration; empty values mean "not given".
struct Flags {
  std::string env_file = ".env";
  Settings values;
};

void AddConfigFlags(CLI::App& cmd, Flags& flags) {
  struct Flag {
    const char* option;
    const char* setting;
  };
  static const Flag kFlags[] = {
      {"--host", "HOST"},
      {"--port", "PORT"},
      {"--database-url", "DATABASE_URL"},
      {"--data-dir", "DATA_DIR"},
      {"--public-base-url", "PUBLIC_BASE_URL"},
      {"--log-level", "LOG_LEVEL"},
      {"--log-format", "LOG_FORMAT"},
      {"--web-dir", "WEB_DIR"},
  };
  for (const Flag& f : kFlags) {
    cmd.add_option_function<std::string>(
        f.option,
        [&flags, setting = f.setting](const std::string& v) { flags.values[setting] = v; },
        careops::app::SettingHelp(f.setting) + " [env " + f.setting + "]");
  }
  cmd.add_option("--env-file", flags.env_file,
                 "optional KEY=VALUE file read after the environment");
}

// Loads the configuration or prints the problem and returns nullopt.
std::optional<Config> LoadConfig(const Flags& flags) {
  auto dotenv = careops::app::ReadDotEnv(flags.env_file);
  if (!dotenv.ok()) {
    std::cerr << "careops: configuration error: " << dotenv.error().message << "\n";
    return std::nullopt;
  }
  auto config = careops::app::BuildConfig(flags.values, careops::app::ReadEnvironment(), *dotenv);
  if (!config.ok()) {
    std::cerr << "careops: configuration error: " << config.error().message << "\n";
    return std::nullopt;
  }
  return std::move(config).value();
}

int Serve(const Flags& flags) {
  auto config = LoadConfig(flags);
  if (!config) return 2;
  careops::log::Init(config->log_level, config->log_format == "json" ? careops::log::Format::kJson
                                                                     : careops::log::Format::kText);
  const bool had_key = !config->secret_key.empty();
  if (auto prepared = careops::app::PrepareDataDir(*config); !prepared.ok()) {
    std::cerr << "careops: configuration error: " << prepared.error().message << "\n";
    return 2;
  }
  if (!had_key) {
    spdlog::warn(
        "SECRET_KEY is not set: using the key kept in {}/secret_key; back it up, "
        "or set SECRET_KEY, before storing credentials",
        config->data_dir);
  }
  careops::app::App app(std::move(*config), careops::app::AppOptions{.handle_signals = true});
  std::cout << "CareOps " << careops::kVersion << " listening on " << app.config().public_base_url
            << std::endl;
  app.Run();
  spdlog::info("stopped cleanly");
  return 0;
}

int Migrate(const Flags& flags) {
  auto config = LoadConfig(flags);
  if (!config) return 2;
  careops::log::Init(config->log_level, careops::log::Format::kText);
  if (auto prepared = careops::app::PrepareDataDir(*config); !prepared.ok()) {
    std::cerr << "careops: " << prepared.error().message << "\n";
    return 2;
  }
  careops::SystemClock clock;
  auto database = careops::db::OpenDatabase(config->database_url);
  auto conn = database->Connect();
  careops::db::Migrator migrator(*conn, clock);
  const auto applied = migrator.Migrate();
  const auto status = migrator.Status();
  std::cout << "applied " << applied.size() << " migration(s); schema at version " << status.current
            << " of " << status.latest << "\n";
  return 0;
}

int CheckConfig(const Flags& flags) {
  auto config = LoadConfig(flags);
  if (!config) return 2;
  for (const auto& [name, value] : careops::app::Describe(*config)) {
    std::cout << name << "=" << value << "\n";
  }
  std::cout << "configuration OK\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"CareOps: operations platform for small service businesses"};
  cli.require_subcommand(1);
  Flags serve_flags, migrate_flags, check_flags;
  auto* serve = cli.add_subcommand("serve", "run the server (migrates the database first)");
  AddConfigFlags(*serve, serve_flags);
  auto* migrate = cli.add_subcommand("migrate", "apply pending database migrations and exit");
  AddConfigFlags(*migrate, migrate_flags);
  auto* check = cli.add_subcommand("check-config", "validate and print the configuration");
  AddConfigFlags(*check, check_flags);
  cli.add_subcommand("version", "print the version");
  CLI11_PARSE(cli, argc, argv);

  try {
    careops::InitCrypto();
    if (cli.got_subcommand("version")) {
      std::cout << "careops " << careops::kVersion << "\n";
      return 0;
    }
    if (serve->parsed()) return Serve(serve_flags);
    if (migrate->parsed()) return Migrate(migrate_flags);
    if (check->parsed()) return CheckConfig(check_flags);
  } catch (const std::exception& e) {
    std::cerr << "careops: " << e.what() << "\n";
    return 1;
  }
  return 1;
}
