#pragma once
// The rules of a workspace's channels (PRODUCT.md M4, W2 step 2): choosing the server's
// provider or the workspace's own Twilio account / SMTP server, validating and sealing the
// credentials, and the test message that proves a channel works. Knows nothing of HTTP; the
// router's MemberGuard has checked that the caller owns the workspace. Thread-safe (const;
// uses the caller's connection).
//
// Validation (InvalidArgument naming the field): account_sid "AC" + 32 hex (may be omitted to
// keep the stored one); auth_token 8..128 characters without spaces (may be omitted to keep the
// stored one while the account SID is unchanged); exactly one of
// phone_number (E.164, or national in the workspace's default_region) and
// messaging_service_sid ("MG" + 32 hex); host 1..253 characters without spaces; port 1..65535;
// user <= 254; password <= 256 (omitted: kept while the host and user are unchanged); starttls
// auto|always|never; from an email address.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "messaging/channel_settings.hpp"
#include "messaging/model.hpp"

namespace careops {
class Clock;
class SecretKey;
}  // namespace careops
namespace careops::db {
class Connection;
}
namespace careops::messaging {
class Outbox;
}

namespace careops::workspaces {

// A channel as its owner sees it. Credentials are returned opened: the HTTP layer masks them.
struct ChannelView {
  messaging::Channel channel = messaging::Channel::kSms;
  bool own = false;
  std::string server_provider;                         // the server's provider for this channel
  std::optional<messaging::TwilioCredentials> twilio;  // own SMS
  std::optional<messaging::SmtpCredentials> smtp;      // own email
  // Own, but the sealed credentials cannot be opened (SECRET_KEY changed): enter them again.
  bool unreadable = false;
  std::optional<messaging::MessageRecord> test;  // the latest test since the last change
  bool works = false;  // the test was accepted by the provider (sent) or delivered
  Millis updated_at = 0;
};

// A PUT of the SMS channel: own = mode "own"; absent fields are nullopt.
struct SmsChannelInput {
  bool own = false;
  std::optional<std::string> account_sid;
  std::optional<std::string> auth_token;
  std::optional<std::string> phone_number;
  std::optional<std::string> messaging_service_sid;
};

struct EmailChannelInput {
  bool own = false;
  std::optional<std::string> host;
  std::optional<std::int64_t> port;
  std::optional<std::string> user;
  std::optional<std::string> password;
  std::optional<std::string> starttls;
  std::optional<std::string> from;
};

// The server's own providers: "twilio" | "console" | "none" and "smtp" | "console" | "none".
struct ServerProviders {
  std::string sms;
  std::string email;
};

// Audit event types of channels (recorded in the workspace, no secret in the detail).
namespace audit {
inline constexpr const char* kChannelChanged = "channel_changed";
inline constexpr const char* kChannelTested = "channel_tested";
}  // namespace audit

// Test messages per channel and workspace within an hour, at most.
inline constexpr int kTestsPerHour = 10;

class ChannelService {
 public:
  // Everything passed must outlive the service.
  ChannelService(const Clock& clock, const SecretKey& key, const messaging::Outbox& outbox,
                 ServerProviders server);

  ChannelView Get(db::Connection& conn, std::int64_t workspace_id,
                  messaging::Channel channel) const;
  // Replace the channel's settings (clearing its test), audited for `actor_id` from `ip`.
  Result<ChannelView> SetSms(db::Connection& conn, std::int64_t workspace_id, std::int64_t actor_id,
                             const SmsChannelInput& input, std::string_view ip) const;
  Result<ChannelView> SetEmail(db::Connection& conn, std::int64_t workspace_id,
                               std::int64_t actor_id, const EmailChannelInput& input,
                               std::string_view ip) const;
  // Queues a test message to `to` through the channel (the owner `actor_id` may follow it at
  // GET /api/messages/{id}). Conflict when the channel uses the server's provider and that is
  // "none"; RateLimited beyond kTestsPerHour.
  Result<ChannelView> SendTest(db::Connection& conn, std::int64_t workspace_id,
                               std::int64_t actor_id, messaging::Channel channel,
                               std::string_view to, std::string_view ip) const;
  // Whether one of the workspace's channels works (onboarding step 2).
  bool AnyWorks(db::Connection& conn, std::int64_t workspace_id) const;

 private:
  // A row of `channel` changed now, without settings yet.
  messaging::ChannelRow NewRow(std::int64_t workspace_id, messaging::Channel channel,
                               bool own) const;
  // The channel's row when it is in mode own.
  static std::optional<messaging::ChannelRow> OwnRow(db::Connection& conn,
                                                     std::int64_t workspace_id,
                                                     messaging::Channel channel);
  // Saves `row` (clearing its test) and audits `detail` as channel_changed, in one transaction.
  Result<ChannelView> Store(db::Connection& conn, const messaging::ChannelRow& row,
                            const std::string& account_key, std::int64_t actor_id,
                            std::string_view ip, const std::string& detail) const;

  const Clock& clock_;
  const SecretKey& key_;
  const messaging::Outbox& outbox_;
  ServerProviders server_;
};

}  // namespace careops::workspaces
