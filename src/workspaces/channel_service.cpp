#include "workspaces/channel_service.hpp"

#include <sodium.h>

#include <algorithm>

#include "auth/audit_repository.hpp"
#include "auth/phone.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "db/database.hpp"
#include "messaging/channel_repository.hpp"
#include "messaging/message_repository.hpp"
#include "messaging/outbox.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::workspaces {
namespace {

using messaging::Channel;
using messaging::ChannelRepository;
using messaging::ChannelRow;
using messaging::SmtpCredentials;
using messaging::TwilioCredentials;

constexpr Millis kTestWindow = 3'600'000;  // kTestsPerHour are counted over this

bool IsHexId(std::string_view value, std::string_view prefix) {
  return value.size() == prefix.size() + 32 && value.starts_with(prefix) &&
         std::all_of(value.begin() + static_cast<std::ptrdiff_t>(prefix.size()), value.end(),
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

bool HasSpace(std::string_view value) {
  return std::any_of(value.begin(), value.end(),
                     [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
}

bool IsEmail(std::string_view value) {
  const auto at = value.find('@');
  return value.size() <= 254 && at != std::string_view::npos && at > 0 && at + 1 < value.size() &&
         !HasSpace(value);
}

// "+" then 7 to 15 digits, the first not 0.
bool IsStrictE164(std::string_view value) {
  return value.size() >= 8 && value.size() <= 16 && value[0] == '+' && value[1] != '0' &&
         std::all_of(value.begin() + 1, value.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A sender number: E.164, or national in `region`. Twilio numbers are not always of a type
// libphonenumber calls mobile, so any well-formed E.164 number is taken as given.
Result<std::string> SenderNumber(std::string_view input, std::string_view region) {
  auto parsed = auth::NormalizePhone(input, region);
  if (parsed.ok()) return parsed;
  if (IsStrictE164(input)) return std::string(input);
  return Error::InvalidArgument("phone_number must be a phone number such as +14155552671",
                                "phone_number");
}

Error Missing(const char* field) {
  return Error::InvalidArgument(std::string(field) + " is required", field);
}

Result<TwilioCredentials> ValidTwilio(const SmsChannelInput& in,
                                      const std::optional<TwilioCredentials>& stored,
                                      std::string_view region) {
  TwilioCredentials c;
  if (in.account_sid && !in.account_sid->empty()) {
    if (!IsHexId(*in.account_sid, "AC")) {
      return Error::InvalidArgument("account_sid must be AC followed by 32 hex digits",
                                    "account_sid");
    }
    c.account_sid = *in.account_sid;
  } else if (stored && !stored->account_sid.empty()) {
    c.account_sid = stored->account_sid;  // kept: the form shows it masked
  } else {
    return Missing("account_sid");
  }
  if (in.auth_token && !in.auth_token->empty()) {
    if (in.auth_token->size() < 8 || in.auth_token->size() > 128 || HasSpace(*in.auth_token)) {
      return Error::InvalidArgument("auth_token must be 8 to 128 characters without spaces",
                                    "auth_token");
    }
    c.auth_token = *in.auth_token;
  } else if (stored && stored->account_sid == c.account_sid && !stored->auth_token.empty()) {
    c.auth_token = stored->auth_token;  // kept: the form shows it masked
  } else {
    return Missing("auth_token");
  }
  const bool has_number = in.phone_number && !in.phone_number->empty();
  const bool has_service = in.messaging_service_sid && !in.messaging_service_sid->empty();
  if (has_number == has_service) {
    return Error::InvalidArgument("give exactly one of phone_number and messaging_service_sid",
                                  "phone_number");
  }
  if (has_number) {
    auto number = SenderNumber(*in.phone_number, region);
    if (!number.ok()) return std::move(number).error();
    c.phone_number = std::move(number).value();
  } else {
    if (!IsHexId(*in.messaging_service_sid, "MG")) {
      return Error::InvalidArgument("messaging_service_sid must be MG followed by 32 hex digits",
                                    "messaging_service_sid");
    }
    c.messaging_service_sid = *in.messaging_service_sid;
  }
  return c;
}

Result<SmtpCredentials> ValidSmtp(const EmailChannelInput& in,
                                  const std::optional<SmtpCredentials>& stored) {
  SmtpCredentials c;
  if (!in.host || in.host->empty()) return Missing("host");
  if (in.host->size() > 253 || HasSpace(*in.host)) {
    return Error::InvalidArgument("host must be a host name without spaces", "host");
  }
  c.host = *in.host;
  if (in.port) {
    if (*in.port < 1 || *in.port > 65535) {
      return Error::InvalidArgument("port must be between 1 and 65535", "port");
    }
    c.port = static_cast<int>(*in.port);
  }
  c.user = in.user.value_or("");
  if (c.user.size() > 254 || HasSpace(c.user)) {
    return Error::InvalidArgument("user must be at most 254 characters without spaces", "user");
  }
  if (in.password && !in.password->empty()) {
    if (in.password->size() > 256) {
      return Error::InvalidArgument("password is too long", "password");
    }
    c.password = *in.password;
  } else if (!in.password && stored && stored->host == c.host && stored->user == c.user) {
    c.password = stored->password;  // kept: the form shows it masked
  }
  c.starttls = in.starttls.value_or("auto");
  if (c.starttls != "auto" && c.starttls != "always" && c.starttls != "never") {
    return Error::InvalidArgument("starttls must be auto, always or never", "starttls");
  }
  if (!in.from) return Missing("from");
  if (!IsEmail(*in.from)) {
    return Error::InvalidArgument("from must be an email address", "from");
  }
  c.from = *in.from;
  return c;
}

void Wipe(std::string& s) { sodium_memzero(s.data(), s.size()); }

}  // namespace

ChannelService::ChannelService(const Clock& clock, const SecretKey& key,
                               const messaging::Outbox& outbox, ServerProviders server)
    : clock_(clock), key_(key), outbox_(outbox), server_(std::move(server)) {}

ChannelView ChannelService::Get(db::Connection& conn, std::int64_t workspace_id,
                                Channel channel) const {
  ChannelView view;
  view.channel = channel;
  view.server_provider = channel == Channel::kSms ? server_.sms : server_.email;
  const auto row = ChannelRepository::Find(conn, workspace_id, channel);
  if (!row) return view;
  view.own = row->own;
  view.updated_at = row->updated_at;
  if (row->own) {
    if (channel == Channel::kSms) {
      view.twilio = messaging::OpenTwilio(key_, row->secrets);
      view.unreadable = !view.twilio;
    } else {
      view.smtp = messaging::OpenSmtp(key_, row->secrets);
      view.unreadable = !view.smtp;
    }
  }
  if (row->test_message_id) {
    view.test = messaging::MessageRepository::Find(conn, *row->test_message_id);
    view.works = view.test && (view.test->status == "sent" || view.test->status == "delivered");
  }
  return view;
}

Result<ChannelView> ChannelService::SetSms(db::Connection& conn, std::int64_t workspace_id,
                                           std::int64_t actor_id, const SmsChannelInput& input,
                                           std::string_view ip) const {
  const auto workspace = WorkspaceRepository(conn).FindById(workspace_id);
  if (!workspace) return Error::NotFound("no such workspace");
  ChannelRow row = NewRow(workspace_id, Channel::kSms, input.own);
  std::string account_key;
  std::string detail = "channel=sms mode=" + std::string(input.own ? "own" : "server");
  if (input.own) {
    std::optional<TwilioCredentials> stored;
    if (const auto current = OwnRow(conn, workspace_id, Channel::kSms)) {
      stored = messaging::OpenTwilio(key_, current->secrets);
    }
    auto credentials = ValidTwilio(input, stored, workspace->default_region);
    if (stored) Wipe(stored->auth_token);
    if (!credentials.ok()) return std::move(credentials).error();
    row.sender = credentials->phone_number;
    row.messaging_service_sid = credentials->messaging_service_sid;
    row.secrets = messaging::SealTwilio(key_, *credentials);
    account_key = messaging::TwilioAccountKey(key_, credentials->account_sid);
    Wipe(credentials->auth_token);
    if (!row.sender.empty()) detail += " number=" + row.sender;
  }
  return Store(conn, row, account_key, actor_id, ip, detail);
}

Result<ChannelView> ChannelService::SetEmail(db::Connection& conn, std::int64_t workspace_id,
                                             std::int64_t actor_id, const EmailChannelInput& input,
                                             std::string_view ip) const {
  ChannelRow row = NewRow(workspace_id, Channel::kEmail, input.own);
  std::string detail = "channel=email mode=" + std::string(input.own ? "own" : "server");
  if (input.own) {
    std::optional<SmtpCredentials> stored;
    if (const auto current = OwnRow(conn, workspace_id, Channel::kEmail)) {
      stored = messaging::OpenSmtp(key_, current->secrets);
    }
    auto credentials = ValidSmtp(input, stored);
    if (stored) Wipe(stored->password);
    if (!credentials.ok()) return std::move(credentials).error();
    row.sender = credentials->from;
    row.secrets = messaging::SealSmtp(key_, *credentials);
    Wipe(credentials->password);
    detail += " host=" + credentials->host + " from=" + row.sender;
  }
  return Store(conn, row, "", actor_id, ip, detail);
}

ChannelRow ChannelService::NewRow(std::int64_t workspace_id, Channel channel, bool own) const {
  ChannelRow row;
  row.workspace_id = workspace_id;
  row.channel = channel;
  row.own = own;
  row.updated_at = clock_.NowMillis();
  return row;
}

std::optional<ChannelRow> ChannelService::OwnRow(db::Connection& conn, std::int64_t workspace_id,
                                                 Channel channel) {
  auto row = ChannelRepository::Find(conn, workspace_id, channel);
  if (!row || !row->own) return std::nullopt;
  return row;
}

Result<ChannelView> ChannelService::Store(db::Connection& conn, const ChannelRow& row,
                                          const std::string& account_key, std::int64_t actor_id,
                                          std::string_view ip, const std::string& detail) const {
  db::Transaction tx(conn);
  ChannelRepository::Save(conn, row, account_key);
  auth::AuditRepository(conn).RecordForWorkspace(row.workspace_id, actor_id, audit::kChannelChanged,
                                                 ip, detail, row.updated_at);
  tx.Commit();
  return Get(conn, row.workspace_id, row.channel);
}

Result<ChannelView> ChannelService::SendTest(db::Connection& conn, std::int64_t workspace_id,
                                             std::int64_t actor_id, Channel channel,
                                             std::string_view to, std::string_view ip) const {
  const auto workspace = WorkspaceRepository(conn).FindById(workspace_id);
  if (!workspace) return Error::NotFound("no such workspace");
  const ChannelView current = Get(conn, workspace_id, channel);
  if (!current.own && current.server_provider == "none") {
    return Error::Conflict(std::string("this server sends no ") +
                           (channel == Channel::kSms ? "SMS" : "email") +
                           "; connect the workspace's own " +
                           (channel == Channel::kSms ? "Twilio account" : "SMTP server"));
  }
  if (current.unreadable) {
    return Error::Conflict("the channel's credentials cannot be read; enter them again");
  }
  messaging::NewMessage message;
  message.channel = channel;
  message.kind = "channel_test";
  message.priority = messaging::Priority::kUrgent;
  message.user_id = actor_id;
  message.workspace_id = workspace_id;
  if (channel == Channel::kSms) {
    auto number = auth::NormalizePhone(to, workspace->default_region);
    if (!number.ok()) {
      return Error::InvalidArgument("to must be a mobile phone number such as +14155552671", "to");
    }
    message.to = std::move(number).value();
    message.body = "CareOps test message from " + workspace->name + ": SMS works.";
  } else {
    if (!IsEmail(to)) return Error::InvalidArgument("to must be an email address", "to");
    message.to = std::string(to);
    message.subject = "CareOps test message from " + workspace->name;
    message.body = "This is a test message from " + workspace->name +
                   " on CareOps.\n\nEmail from this workspace works.\n";
  }

  const Millis now = clock_.NowMillis();
  db::Transaction tx(conn);
  const auto sent = conn.QueryOne(
      "SELECT COUNT(*), MIN(created_at) FROM messages WHERE workspace_id = ? AND created_at > ? "
      "AND kind = 'channel_test' AND channel = ?",
      {workspace_id, now - kTestWindow, std::string(messaging::ChannelName(channel))});
  if (sent && sent->Int(0) >= kTestsPerHour) {
    const Millis oldest = sent->OptInt(1).value_or(now);
    return Error::RateLimited(
        static_cast<int>(std::max<Millis>(1, (oldest + kTestWindow - now + 999) / 1000)),
        "too many test messages; try again later");
  }
  if (!ChannelRepository::Find(conn, workspace_id, channel)) {
    ChannelRow row;
    row.workspace_id = workspace_id;
    row.channel = channel;
    row.updated_at = now;
    ChannelRepository::Save(conn, row, "");
  }
  const std::int64_t id = outbox_.Enqueue(conn, message);
  ChannelRepository::SetTestMessage(conn, workspace_id, channel, id);
  auth::AuditRepository(conn).RecordForWorkspace(
      workspace_id, actor_id, audit::kChannelTested, ip,
      std::string("channel=") + messaging::ChannelName(channel) + " message=" + std::to_string(id),
      now);
  tx.Commit();
  outbox_.Wake();
  return Get(conn, workspace_id, channel);
}

bool ChannelService::AnyWorks(db::Connection& conn, std::int64_t workspace_id) const {
  const auto row = conn.QueryOne(
      "SELECT 1 FROM workspace_channels c JOIN messages m ON m.id = c.test_message_id "
      "WHERE c.workspace_id = ? AND m.status IN ('sent', 'delivered') LIMIT 1",
      {workspace_id});
  return row.has_value();
}

}  // namespace careops::workspaces
