#include "messaging/outlets.hpp"

#include "messaging/channel_repository.hpp"
#include "messaging/smtp_email_sender.hpp"

namespace careops::messaging {
namespace {

Error Unreadable() {
  Error e = Error::Unprocessable(
      "the workspace's channel credentials cannot be opened with this server's SECRET_KEY; "
      "enter them again");
  e.field = "channel_credentials_unreadable";
  return e;
}

}  // namespace

WorkspaceOutlets::WorkspaceOutlets(const SecretKey& key, const Clock& clock, Options options)
    : key_(key), clock_(clock), options_(std::move(options)) {}

WorkspaceOutlets::~WorkspaceOutlets() = default;

Result<std::optional<SmsOutlet>> WorkspaceOutlets::Sms(db::Connection& conn,
                                                       std::int64_t workspace_id) {
  const auto row = ChannelRepository::Find(conn, workspace_id, Channel::kSms);
  if (!row || !row->own) {
    sms_.erase(workspace_id);
    return std::optional<SmsOutlet>();
  }
  auto& cached = sms_[workspace_id];
  if (!cached.sender || cached.secrets != row->secrets) {
    auto credentials = OpenTwilio(key_, row->secrets);
    if (!credentials) {
      sms_.erase(workspace_id);
      return Unreadable();
    }
    TwilioOptions options = options_.twilio;
    options.account_sid = credentials->account_sid;
    options.auth_token = credentials->auth_token;
    cached.sender = std::make_unique<TwilioSmsSender>(std::move(options));
    cached.secrets = row->secrets;
    cached.from = credentials->phone_number;
    cached.messaging_service_sid = credentials->messaging_service_sid;
  }
  SmsOutlet outlet;
  outlet.sender = cached.sender.get();
  if (cached.messaging_service_sid.empty()) {
    outlet.from = cached.from;
  } else {
    outlet.messaging_service_sid = cached.messaging_service_sid;
  }
  if (options_.status_callback_url) outlet.status_callback_url = options_.status_callback_url();
  return std::optional<SmsOutlet>(std::move(outlet));
}

Result<std::optional<EmailOutlet>> WorkspaceOutlets::Email(db::Connection& conn,
                                                           std::int64_t workspace_id) {
  const auto row = ChannelRepository::Find(conn, workspace_id, Channel::kEmail);
  if (!row || !row->own) {
    email_.erase(workspace_id);
    return std::optional<EmailOutlet>();
  }
  auto& cached = email_[workspace_id];
  if (!cached.sender || cached.secrets != row->secrets) {
    auto credentials = OpenSmtp(key_, row->secrets);
    if (!credentials) {
      email_.erase(workspace_id);
      return Unreadable();
    }
    SmtpOptions options;
    options.host = credentials->host;
    options.port = credentials->port;
    options.user = credentials->user;
    options.password = credentials->password;
    options.starttls = credentials->starttls;
    cached.sender = std::make_unique<SmtpEmailSender>(std::move(options), clock_);
    cached.secrets = row->secrets;
    cached.from = credentials->from;
  }
  return std::optional<EmailOutlet>(EmailOutlet{cached.sender.get(), cached.from});
}

}  // namespace careops::messaging
