#pragma once
// A workspace's own SMS and email channels (PRODUCT.md M4): what is stored per workspace and
// channel in `workspace_channels`, and how its credentials are sealed and shown.
//
// Credentials (Twilio account SID and auth token; SMTP host, port, user, password, STARTTLS
// mode) are kept only as one sealed JSON document (SecretKey::Seal, purpose
// kChannelSecretsPurpose). What must be found without opening it is stored beside it: the
// sender (From number or address), the Messaging Service SID, and a keyed hash of the
// account SID (to find the auth token that signs a webhook).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "messaging/model.hpp"

namespace careops {
class SecretKey;
}

namespace careops::messaging {

inline constexpr const char* kChannelSecretsPurpose = "channel-secrets";
inline constexpr const char* kTwilioAccountPurpose = "twilio-account";

struct TwilioCredentials {
  std::string account_sid;  // "AC" + 32 hex
  std::string auth_token;
  std::string phone_number;           // E.164, or empty when a Messaging Service is used
  std::string messaging_service_sid;  // "MG" + 32 hex, or empty
};

struct SmtpCredentials {
  std::string host;
  int port = 587;
  std::string user;
  std::string password;
  std::string starttls = "auto";  // auto | always | never
  std::string from;               // the From address
};

// One row of workspace_channels. `own` = mode "own"; `secrets` is the sealed document.
struct ChannelRow {
  std::int64_t workspace_id = 0;
  Channel channel = Channel::kSms;
  bool own = false;
  std::string sender;
  std::string messaging_service_sid;
  std::string secrets;
  std::optional<std::int64_t> test_message_id;
  Millis updated_at = 0;
};

// Seal / open the credentials of one channel. Open gives nullopt when the document cannot be
// opened with this key (SECRET_KEY changed) or is not what the channel expects.
std::string SealTwilio(const SecretKey& key, const TwilioCredentials& credentials);
std::optional<TwilioCredentials> OpenTwilio(const SecretKey& key, std::string_view sealed);
std::string SealSmtp(const SecretKey& key, const SmtpCredentials& credentials);
std::optional<SmtpCredentials> OpenSmtp(const SecretKey& key, std::string_view sealed);

// The keyed hash of a Twilio account SID stored in workspace_channels.account_key.
std::string TwilioAccountKey(const SecretKey& key, std::string_view account_sid);

// How secrets are shown: an account SID keeps its first 2 and last 4 characters
// ("AC••••••••cdef"); a token or password shows nothing of itself ("••••••••", or "" when
// empty).
std::string MaskIdentifier(std::string_view value);
std::string MaskSecret(std::string_view value);

}  // namespace careops::messaging
