#include "messaging/channel_settings.hpp"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "core/crypto.hpp"

namespace careops::messaging {
namespace {

using nlohmann::json;

constexpr std::string_view kDots = "••••••••";

// Seals `document` and wipes its text.
std::string SealJson(const SecretKey& key, const json& document) {
  std::string text = document.dump();
  std::string sealed = key.Seal(kChannelSecretsPurpose, text);
  sodium_memzero(text.data(), text.size());
  return sealed;
}

std::optional<json> OpenJson(const SecretKey& key, std::string_view sealed) {
  auto text = key.Open(kChannelSecretsPurpose, sealed);
  if (!text) return std::nullopt;
  json document = json::parse(*text, nullptr, /*allow_exceptions=*/false);
  sodium_memzero(text->data(), text->size());
  if (!document.is_object()) return std::nullopt;
  return document;
}

std::string Text(const json& document, const char* name) {
  const auto it = document.find(name);
  return it != document.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string SealTwilio(const SecretKey& key, const TwilioCredentials& c) {
  return SealJson(key, {{"type", "twilio"},
                        {"account_sid", c.account_sid},
                        {"auth_token", c.auth_token},
                        {"phone_number", c.phone_number},
                        {"messaging_service_sid", c.messaging_service_sid}});
}

std::optional<TwilioCredentials> OpenTwilio(const SecretKey& key, std::string_view sealed) {
  const auto document = OpenJson(key, sealed);
  if (!document || Text(*document, "type") != "twilio") return std::nullopt;
  return TwilioCredentials{Text(*document, "account_sid"), Text(*document, "auth_token"),
                           Text(*document, "phone_number"),
                           Text(*document, "messaging_service_sid")};
}

std::string SealSmtp(const SecretKey& key, const SmtpCredentials& c) {
  return SealJson(key, {{"type", "smtp"},
                        {"host", c.host},
                        {"port", c.port},
                        {"user", c.user},
                        {"password", c.password},
                        {"starttls", c.starttls},
                        {"from", c.from}});
}

std::optional<SmtpCredentials> OpenSmtp(const SecretKey& key, std::string_view sealed) {
  const auto document = OpenJson(key, sealed);
  if (!document || Text(*document, "type") != "smtp") return std::nullopt;
  const auto port = document->find("port");
  SmtpCredentials c;
  c.host = Text(*document, "host");
  c.port = port != document->end() && port->is_number_integer() ? port->get<int>() : 587;
  c.user = Text(*document, "user");
  c.password = Text(*document, "password");
  c.starttls = Text(*document, "starttls");
  c.from = Text(*document, "from");
  return c;
}

std::string TwilioAccountKey(const SecretKey& key, std::string_view account_sid) {
  return key.KeyedHash(kTwilioAccountPurpose, account_sid);
}

std::string MaskIdentifier(std::string_view value) {
  if (value.size() <= 6) return std::string(kDots);
  return std::string(value.substr(0, 2)) + std::string(kDots) +
         std::string(value.substr(value.size() - 4));
}

std::string MaskSecret(std::string_view value) {
  return value.empty() ? std::string() : std::string(kDots);
}

}  // namespace careops::messaging
