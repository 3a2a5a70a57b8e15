#pragma once
// Server configuration. Each setting comes from, in order of precedence: a command-line flag,
// the environment, an optional .env file, then its default. Validate() names the first bad
// setting. Secrets (SECRET_KEY, TWILIO_AUTH_TOKEN, SMTP_PASSWORD) are never logged or printed.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace careops::app {

struct Config {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8000;  // 0 = any free port (the URL printed at start names it)
  std::string database_url;   // default: sqlite:<DATA_DIR>/careops.db
  std::string data_dir = "./data";
  std::string secret_key;             // default: generated once into <DATA_DIR>/secret_key
  bool secret_key_generated = false;  // true when read from or written to the data dir
  std::string public_base_url;        // default: http://HOST:PORT
  std::string log_level = "info";     // trace|debug|info|warn|error|off
  std::string log_format = "text";    // text|json
  std::string web_dir;                // serve the web app from here instead of the embedded copy

  // HTTP server limits.
  int io_threads = 0;       // 0 = number of cores
  int worker_threads = 0;   // 0 = max(8, 4 x cores) (each holds a database connection)
  int worker_queue = 1024;  // requests waiting for a worker before 503
  std::int64_t max_body_bytes = 1 << 20;
  std::int64_t max_header_bytes = 16 << 10;
  int read_timeout_ms = 10'000;
  int idle_timeout_ms = 60'000;
  int shutdown_timeout_ms = 30'000;
  int max_connections = 10'000;
  int event_keepalive_ms = 15'000;
  // Public bookings one IP address may make per hour (0 = no limit): the booking page sends
  // SMS at the business's cost, so it must not be a free SMS gateway.
  int public_bookings_per_ip_hour = 20;  // silence on an event stream before a keep-alive comment

  // Messaging providers (the pipeline itself arrives with the accounts issue).
  std::string sms_provider;    // twilio|console|none; default twilio when credentials are set
  std::string email_provider;  // smtp|console|none; default smtp when SMTP_HOST is set
  std::string twilio_account_sid, twilio_auth_token, twilio_phone_number,
      twilio_messaging_service_sid;
  std::string twilio_api_base_url = "https://api.twilio.com";
  int twilio_timeout_ms = 15'000;  // whole request to Twilio; then the send is retried later
  std::string smtp_host, smtp_user, smtp_password, smtp_from;
  int smtp_port = 587;
  std::string smtp_starttls = "auto";       // auto|always|never
  double sms_send_rate = 1.0;               // messages per second per sender (M7)
  std::string default_phone_region = "US";  // ISO 3166 region for national phone formats
};

// Raw settings by their environment-variable name ("PORT" -> "8000").
using Settings = std::map<std::string, std::string>;

// Merges the sources (flags win over env, env over .env) and applies defaults. Errors name
// the setting: {"invalid_argument", "PORT must be an integer from 0 to 65535", field "PORT"}.
Result<Config> BuildConfig(const Settings& flags, const Settings& env, const Settings& dotenv);

// Every setting name BuildConfig understands, for --help and check-config.
const std::vector<std::string>& KnownSettings();
// One line of help for a setting ("" for an unknown name).
std::string SettingHelp(const std::string& name);

// Reads KEY=VALUE lines (comments, blank lines, optional quotes, `export ` prefix).
// A missing file is an empty map; a malformed line is an error naming the line number.
Result<Settings> ReadDotEnv(const std::string& path);
// The process environment, restricted to KnownSettings().
Settings ReadEnvironment();

// Creates DATA_DIR and, when SECRET_KEY is unset, reads or generates <DATA_DIR>/secret_key
// (mode 0600). Call after BuildConfig, before serving.
Status PrepareDataDir(Config& config);

// The configuration as name -> value for display, secrets masked ("****abcd").
Settings Describe(const Config& config);

}  // namespace careops::app
