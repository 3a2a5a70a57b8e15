#include "app/config.hpp"

#include <sys/stat.h>

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <system_error>

#include <fmt/format.h>

#include "core/random.hpp"
#include "core/text.hpp"

namespace careops::app {
namespace {

struct Setting {
  const char* name;
  const char* help;
};

// Every setting, in the order check-config prints them.
const Setting kSettings[] = {
    {"HOST", "address to listen on (default 127.0.0.1)"},
    {"PORT", "port to listen on, 0 for any free port (default 8000)"},
    {"DATABASE_URL", "sqlite:PATH (default sqlite:<DATA_DIR>/careops.db)"},
    {"DATA_DIR", "directory for the database and generated secrets (default ./data)"},
    {"SECRET_KEY", "server key, >= 32 characters (default: generated into DATA_DIR)"},
    {"PUBLIC_BASE_URL", "URL customers reach the server at (default http://HOST:PORT)"},
    {"LOG_LEVEL", "trace|debug|info|warn|error|off (default info)"},
    {"LOG_FORMAT", "text|json (default text)"},
    {"WEB_DIR", "serve the web app from this directory instead of the embedded copy"},
    {"IO_THREADS", "threads for network I/O (default: cores)"},
    {"WORKER_THREADS",
     "threads running requests, each with a database connection (default max(8, 4 x cores))"},
    {"WORKER_QUEUE", "requests that may wait for a worker before 503 (default 1024)"},
    {"MAX_BODY_BYTES", "largest request body (default 1048576)"},
    {"MAX_HEADER_BYTES", "largest request header block (default 16384)"},
    {"READ_TIMEOUT_MS", "time allowed to receive one request (default 10000)"},
    {"IDLE_TIMEOUT_MS", "keep-alive idle time before a connection is closed (default 60000)"},
    {"SHUTDOWN_TIMEOUT_MS", "time in-flight requests get on shutdown (default 30000)"},
    {"MAX_CONNECTIONS", "open connections before new ones are refused (default 10000)"},
    {"EVENT_KEEPALIVE_MS",
     "silence on a live-update stream before a keep-alive comment is sent (default 15000)"},
    {"PUBLIC_BOOKINGS_PER_IP_HOUR",
     "public bookings one IP address may make per hour, 0 = no limit (default 20)"},
    {"SMS_PROVIDER", "twilio|console|none (default twilio with credentials, else console)"},
    {"EMAIL_PROVIDER", "smtp|console|none (default smtp when SMTP_HOST is set, else console)"},
    {"TWILIO_ACCOUNT_SID", "Twilio account SID"},
    {"TWILIO_AUTH_TOKEN", "Twilio auth token (secret)"},
    {"TWILIO_PHONE_NUMBER", "Twilio sender number, E.164"},
    {"TWILIO_MESSAGING_SERVICE_SID", "Twilio Messaging Service SID (instead of a number)"},
    {"TWILIO_API_BASE_URL", "Twilio API base URL (default https://api.twilio.com)"},
    {"TWILIO_TIMEOUT_MS",
     "time one request to Twilio may take before it is retried later (default 15000)"},
    {"SMS_SEND_RATE", "SMS per second per sender number; bulk queues behind codes (default 1)"},
    {"DEFAULT_PHONE_REGION", "region for phone numbers written without +country (default US)"},
    {"SMTP_HOST", "SMTP server"},
    {"SMTP_PORT", "SMTP port (default 587, STARTTLS)"},
    {"SMTP_USER", "SMTP user name"},
    {"SMTP_PASSWORD", "SMTP password (secret)"},
    {"SMTP_FROM", "sender address for email"},
    {"SMTP_STARTTLS", "auto|always|never (default auto: use it when offered)"},
};

Error Bad(const std::string& name, const std::string& why) {
  return Error::InvalidArgument(name + " " + why, name);
}

// Looks a setting up in precedence order.
class Sources {
 public:
  Sources(const Settings& flags, const Settings& env, const Settings& dotenv)
      : layers_{&flags, &env, &dotenv} {}
  std::optional<std::string> Get(const std::string& name) const {
    for (const Settings* layer : layers_) {
      if (auto it = layer->find(name); it != layer->end()) return it->second;
    }
    return std::nullopt;
  }

 private:
  const Settings* layers_[3];
};

Status ReadInt(const Sources& src, const std::string& name, std::int64_t min, std::int64_t max,
               auto& out) {
  auto text = src.Get(name);
  if (!text) return Ok();
  std::int64_t value = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc() || ptr != end || value < min || value > max) {
    return Bad(name, "must be an integer from " + std::to_string(min) + " to " +
                         std::to_string(max) + " (got \"" + *text + "\")");
  }
  out = static_cast<std::remove_reference_t<decltype(out)>>(value);
  return Ok();
}

Status ReadChoice(const Sources& src, const std::string& name,
                  std::initializer_list<const char*> choices, std::string& out) {
  auto text = src.Get(name);
  if (!text) return Ok();
  std::string list;
  for (const char* c : choices) {
    if (*text == c) {
      out = *text;
      return Ok();
    }
    list += (list.empty() ? "" : "|") + std::string(c);
  }
  return Bad(name, "must be one of " + list + " (got \"" + *text + "\")");
}

}  // namespace

const std::vector<std::string>& KnownSettings() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const Setting& s : kSettings) v.emplace_back(s.name);
    return v;
  }();
  return names;
}

std::string SettingHelp(const std::string& name) {
  for (const Setting& s : kSettings) {
    if (name == s.name) return s.help;
  }
  return {};
}

Result<Config> BuildConfig(const Settings& flags, const Settings& env, const Settings& dotenv) {
  const Sources src(flags, env, dotenv);
  Config c;
  auto str = [&](const char* name, std::string& out) {
    if (auto v = src.Get(name)) out = *v;
  };
  str("HOST", c.host);
  str("DATA_DIR", c.data_dir);
  str("DATABASE_URL", c.database_url);
  str("SECRET_KEY", c.secret_key);
  str("PUBLIC_BASE_URL", c.public_base_url);
  str("WEB_DIR", c.web_dir);
  str("TWILIO_ACCOUNT_SID", c.twilio_account_sid);
  str("TWILIO_AUTH_TOKEN", c.twilio_auth_token);
  str("TWILIO_PHONE_NUMBER", c.twilio_phone_number);
  str("TWILIO_MESSAGING_SERVICE_SID", c.twilio_messaging_service_sid);
  str("SMTP_HOST", c.smtp_host);
  str("SMTP_USER", c.smtp_user);
  str("SMTP_PASSWORD", c.smtp_password);
  str("SMTP_FROM", c.smtp_from);
  str("TWILIO_API_BASE_URL", c.twilio_api_base_url);
  str("DEFAULT_PHONE_REGION", c.default_phone_region);
  if (auto rate = src.Get("SMS_SEND_RATE")) {
    char* end = nullptr;
    c.sms_send_rate = std::strtod(rate->c_str(), &end);
    if (rate->empty() || end != rate->c_str() + rate->size() || !(c.sms_send_rate > 0) ||
        c.sms_send_rate > 10'000) {
      return Bad("SMS_SEND_RATE",
                 "must be a number of messages per second above 0 (got \"" + *rate + "\")");
    }
  }

  for (Status s :
       {ReadInt(src, "PORT", 0, 65535, c.port), ReadInt(src, "IO_THREADS", 0, 256, c.io_threads),
        ReadInt(src, "WORKER_THREADS", 0, 1024, c.worker_threads),
        ReadInt(src, "WORKER_QUEUE", 1, 1'000'000, c.worker_queue),
        ReadInt(src, "MAX_BODY_BYTES", 1024, 1LL << 30, c.max_body_bytes),
        ReadInt(src, "MAX_HEADER_BYTES", 1024, 1 << 20, c.max_header_bytes),
        ReadInt(src, "READ_TIMEOUT_MS", 100, 3'600'000, c.read_timeout_ms),
        ReadInt(src, "IDLE_TIMEOUT_MS", 100, 3'600'000, c.idle_timeout_ms),
        ReadInt(src, "SHUTDOWN_TIMEOUT_MS", 0, 3'600'000, c.shutdown_timeout_ms),
        ReadInt(src, "MAX_CONNECTIONS", 16, 1'000'000, c.max_connections),
        ReadInt(src, "EVENT_KEEPALIVE_MS", 10, 3'600'000, c.event_keepalive_ms),
        ReadInt(src, "PUBLIC_BOOKINGS_PER_IP_HOUR", 0, 1'000'000, c.public_bookings_per_ip_hour),
        ReadInt(src, "SMTP_PORT", 1, 65535, c.smtp_port),
        ReadChoice(src, "LOG_LEVEL", {"trace", "debug", "info", "warn", "error", "off"},
                   c.log_level),
        ReadChoice(src, "LOG_FORMAT", {"text", "json"}, c.log_format),
        ReadChoice(src, "SMS_PROVIDER", {"twilio", "console", "none"}, c.sms_provider),
        ReadChoice(src, "EMAIL_PROVIDER", {"smtp", "console", "none"}, c.email_provider)}) {
    if (!s.ok()) return std::move(s).error();
  }

  if (c.host.empty()) return Bad("HOST", "must not be empty");
  if (c.data_dir.empty()) return Bad("DATA_DIR", "must not be empty");
  if (c.database_url.empty()) {
    c.database_url = "sqlite:" + (std::filesystem::path(c.data_dir) / "careops.db").string();
  }
  if (!c.database_url.starts_with("sqlite:") && !c.database_url.starts_with("postgres://") &&
      !c.database_url.starts_with("postgresql://")) {
    return Bad("DATABASE_URL", "must start with sqlite: or postgres:// (got \"" +
                                   c.database_url.substr(0, 40) + "\")");
  }
  if (!c.secret_key.empty() && c.secret_key.size() < 32) {
    return Bad("SECRET_KEY", "must be at least 32 characters");
  }
  if (c.public_base_url.empty()) {
    c.public_base_url = "http://" + c.host + ":" + std::to_string(c.port);
  } else if (!c.public_base_url.starts_with("http://") &&
             !c.public_base_url.starts_with("https://")) {
    return Bad("PUBLIC_BASE_URL", "must start with http:// or https://");
  }
  while (c.public_base_url.ends_with('/')) c.public_base_url.pop_back();

  if (c.default_phone_region.size() != 2 ||
      !std::isupper(static_cast<unsigned char>(c.default_phone_region[0])) ||
      !std::isupper(static_cast<unsigned char>(c.default_phone_region[1]))) {
    return Bad("DEFAULT_PHONE_REGION", "must be a two-letter region code such as US or GB");
  }
  if (!c.twilio_api_base_url.starts_with("http://") &&
      !c.twilio_api_base_url.starts_with("https://")) {
    return Bad("TWILIO_API_BASE_URL", "must start with http:// or https://");
  }
  while (c.twilio_api_base_url.ends_with('/')) c.twilio_api_base_url.pop_back();
  const bool has_twilio =
      !c.twilio_account_sid.empty() && !c.twilio_auth_token.empty() &&
      (!c.twilio_phone_number.empty() || !c.twilio_messaging_service_sid.empty());
  if (c.sms_provider.empty()) c.sms_provider = has_twilio ? "twilio" : "console";
  if (c.sms_provider == "twilio" && !has_twilio) {
    return Bad("SMS_PROVIDER",
               "is twilio but TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_PHONE_NUMBER "
               "(or TWILIO_MESSAGING_SERVICE_SID) are not all set");
  }
  if (c.email_provider.empty()) c.email_provider = c.smtp_host.empty() ? "console" : "smtp";
  if (c.email_provider == "smtp" && c.smtp_host.empty()) {
    return Bad("EMAIL_PROVIDER", "is smtp but SMTP_HOST is not set");
  }
  return c;
}

Result<Settings> ReadDotEnv(const std::string& path) {
  Settings out;
  std::ifstream in(path);
  if (!in) return out;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::string text = Trim(line);
    if (text.empty() || text.front() == '#') continue;
    if (text.starts_with("export ")) text = Trim(text.substr(7));
    const auto eq = text.find('=');
    std::string key = eq == std::string::npos ? "" : Trim(text.substr(0, eq));
    if (key.empty() || key.find_first_of(" \t") != std::string::npos) {
      return Error::InvalidArgument(
          path + " line " + std::to_string(number) + ": expected KEY=VALUE", path);
    }
    std::string value = Trim(text.substr(eq + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    out[key] = value;
  }
  return out;
}

Settings ReadEnvironment() {
  Settings out;
  for (const std::string& name : KnownSettings()) {
    if (const char* v = std::getenv(name.c_str())) out[name] = v;
  }
  return out;
}

Status PrepareDataDir(Config& config) {
  std::error_code ec;
  std::filesystem::create_directories(config.data_dir, ec);
  if (ec) return Bad("DATA_DIR", "cannot be created: " + ec.message());
  // The database and keys live here: keep them from other local users.
  std::filesystem::permissions(config.data_dir, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::replace, ec);
  if (!config.secret_key.empty()) return Ok();
  const auto key_path = std::filesystem::path(config.data_dir) / "secret_key";
  if (std::ifstream in(key_path); in) {
    std::getline(in, config.secret_key);
    if (config.secret_key.size() < 32) {
      return Bad("SECRET_KEY", "stored in " + key_path.string() + " is shorter than 32 characters");
    }
  } else {
    config.secret_key = RandomHex(32);
    const std::string tmp = key_path.string() + ".tmp";
    {
      std::ofstream out(tmp, std::ios::trunc);
      out << config.secret_key << "\n";
      if (!out) return Bad("DATA_DIR", "is not writable (" + tmp + ")");
    }
    ::chmod(tmp.c_str(), 0600);
    std::filesystem::rename(tmp, key_path, ec);
    if (ec) return Bad("DATA_DIR", "is not writable: " + ec.message());
  }
  config.secret_key_generated = true;
  return Ok();
}

Settings Describe(const Config& c) {
  auto mask = [](const std::string& s) -> std::string {
    if (s.empty()) return "";
    return s.size() <= 8 ? "****" : "****" + s.substr(s.size() - 4);
  };
  Settings out = {
      {"HOST", c.host},
      {"PORT", std::to_string(c.port)},
      {"DATABASE_URL", c.database_url},
      {"DATA_DIR", c.data_dir},
      {"SECRET_KEY", c.secret_key.empty() ? "(generated on first start)" : "****"},
      {"PUBLIC_BASE_URL", c.public_base_url},
      {"LOG_LEVEL", c.log_level},
      {"LOG_FORMAT", c.log_format},
      {"WEB_DIR", c.web_dir.empty() ? "(embedded)" : c.web_dir},
      {"IO_THREADS", std::to_string(c.io_threads)},
      {"WORKER_THREADS", std::to_string(c.worker_threads)},
      {"WORKER_QUEUE", std::to_string(c.worker_queue)},
      {"MAX_BODY_BYTES", std::to_string(c.max_body_bytes)},
      {"MAX_HEADER_BYTES", std::to_string(c.max_header_bytes)},
      {"READ_TIMEOUT_MS", std::to_string(c.read_timeout_ms)},
      {"IDLE_TIMEOUT_MS", std::to_string(c.idle_timeout_ms)},
      {"SHUTDOWN_TIMEOUT_MS", std::to_string(c.shutdown_timeout_ms)},
      {"MAX_CONNECTIONS", std::to_string(c.max_connections)},
      {"EVENT_KEEPALIVE_MS", std::to_string(c.event_keepalive_ms)},
      {"PUBLIC_BOOKINGS_PER_IP_HOUR", std::to_string(c.public_bookings_per_ip_hour)},
      {"SMS_PROVIDER", c.sms_provider},
      {"EMAIL_PROVIDER", c.email_provider},
      {"TWILIO_ACCOUNT_SID", c.twilio_account_sid},
      {"TWILIO_AUTH_TOKEN", mask(c.twilio_auth_token)},
      {"TWILIO_PHONE_NUMBER", c.twilio_phone_number},
      {"TWILIO_MESSAGING_SERVICE_SID", c.twilio_messaging_service_sid},
      {"SMTP_HOST", c.smtp_host},
      {"SMTP_PORT", std::to_string(c.smtp_port)},
      {"SMTP_USER", c.smtp_user},
      {"SMTP_PASSWORD", mask(c.smtp_password)},
      {"SMTP_FROM", c.smtp_from},
      {"SMTP_STARTTLS", c.smtp_starttls},
      {"TWILIO_API_BASE_URL", c.twilio_api_base_url},
      {"TWILIO_TIMEOUT_MS", std::to_string(c.twilio_timeout_ms)},
      {"TWILIO_TIMEOUT_MS",
       "time one request to Twilio may take before it is retried later (default 15000)"},
      {"SMS_SEND_RATE", fmt::format("{}", c.sms_send_rate)},
      {"DEFAULT_PHONE_REGION", c.default_phone_region},
  };
  return out;
}

}  // namespace careops::app
