#pragma once
// Where a workspace's messages leave from (PRODUCT.md M4). The dispatcher asks, per message
// of a workspace, whether that workspace has its own channel; if so it sends through the
// outlet given, else through the server's provider.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "messaging/sender.hpp"
#include "messaging/twilio_sms_sender.hpp"

namespace careops {
class Clock;
class SecretKey;
}  // namespace careops
namespace careops::db {
class Connection;
}

namespace careops::messaging {

struct SmsOutlet {
  SmsSender* sender = nullptr;  // owned by the resolver; valid until its next call
  std::string from;             // empty when messaging_service_sid is set
  std::string messaging_service_sid;
  std::string status_callback_url;  // "" = none
};

struct EmailOutlet {
  EmailSender* sender = nullptr;  // owned by the resolver; valid until its next call
  std::string from;
};

// Called on the dispatcher thread only. An Error means the workspace has its own channel but
// it cannot be used (its credentials cannot be opened): the message fails with it.
class OutletResolver {
 public:
  virtual ~OutletResolver() = default;
  // nullopt: the workspace uses the server's channel.
  virtual Result<std::optional<SmsOutlet>> Sms(db::Connection& conn, std::int64_t workspace_id) = 0;
  virtual Result<std::optional<EmailOutlet>> Email(db::Connection& conn,
                                                   std::int64_t workspace_id) = 0;
};

// The resolver over workspace_channels: builds a Twilio or SMTP sender from the sealed
// credentials and keeps it while the row's sealed document is unchanged (so a connection is
// reused between messages and a credential change takes effect at the next message).
class WorkspaceOutlets final : public OutletResolver {
 public:
  struct Options {
    TwilioOptions twilio;  // base URL and timeouts; account and token come from the workspace
    // The StatusCallback URL given to Twilio (read at each send).
    std::function<std::string()> status_callback_url;
  };
  // `key` and `clock` must outlive the resolver.
  WorkspaceOutlets(const SecretKey& key, const Clock& clock, Options options);
  ~WorkspaceOutlets() override;

  Result<std::optional<SmsOutlet>> Sms(db::Connection& conn, std::int64_t workspace_id) override;
  Result<std::optional<EmailOutlet>> Email(db::Connection& conn,
                                           std::int64_t workspace_id) override;

 private:
  template <typename Sender>
  struct Cached {
    std::string secrets;  // the sealed document the sender was built from
    std::unique_ptr<Sender> sender;
    std::string from;
    std::string messaging_service_sid;
  };

  const SecretKey& key_;
  const Clock& clock_;
  Options options_;
  std::map<std::int64_t, Cached<SmsSender>> sms_;
  std::map<std::int64_t, Cached<EmailSender>> email_;
};

}  // namespace careops::messaging
