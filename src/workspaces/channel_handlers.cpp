#include "workspaces/channel_handlers.hpp"

#include "auth/auth_json.hpp"
#include "http/error_response.hpp"
#include "http/json.hpp"
#include "workspaces/channel_service.hpp"

namespace careops::workspaces {
namespace {

using http::ErrorResponse;
using http::Json;
using http::JsonResponse;
using http::RequestContext;
using http::Response;
using messaging::Channel;

template <typename T>
Json OrNull(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json SettingsJson(const ChannelView& c) {
  if (c.twilio) {
    return {{"account_sid", messaging::MaskIdentifier(c.twilio->account_sid)},
            {"auth_token", messaging::MaskSecret(c.twilio->auth_token)},
            {"phone_number", c.twilio->phone_number},
            {"messaging_service_sid", c.twilio->messaging_service_sid}};
  }
  if (c.smtp) {
    return {{"host", c.smtp->host},         {"port", c.smtp->port},
            {"user", c.smtp->user},         {"password", messaging::MaskSecret(c.smtp->password)},
            {"starttls", c.smtp->starttls}, {"from", c.smtp->from}};
  }
  return nullptr;
}

Json ChannelJson(const ChannelView& c) {
  Json test = nullptr;
  if (c.test) {
    test = {{"message_id", c.test->id},
            {"to", c.test->to},
            {"status", c.test->status},
            {"error_code", OrNull(c.test->error_code)},
            {"error_message", OrNull(c.test->error_message)},
            {"created_at", c.test->created_at},
            {"sent_at", OrNull(c.test->sent_at)},
            {"delivered_at", OrNull(c.test->delivered_at)}};
  }
  Json out = {{"channel", messaging::ChannelName(c.channel)},
              {"mode", c.own ? "own" : "server"},
              {"server_provider", c.server_provider},
              {"settings", SettingsJson(c)},
              {"test", std::move(test)},
              {"works", c.works},
              {"updated_at", c.updated_at}};
  if (c.unreadable) {
    out["problem"] =
        "the stored credentials cannot be read with this server's key; enter them again";
  }
  return out;
}

Result<Channel> ChannelParam(const RequestContext& ctx) {
  const std::string& name = ctx.params.Str("channel");
  if (name == "sms") return Channel::kSms;
  if (name == "email") return Channel::kEmail;
  return Error::NotFound("no such channel: use sms or email");
}

// {"mode": "server" | "own"} of a PUT body.
Result<bool> ReadOwn(const Json& body) {
  auto mode = http::RequiredString(body, "mode");
  if (!mode.ok()) return std::move(mode).error();
  if (*mode == "own") return true;
  if (*mode == "server") return false;
  return Error::InvalidArgument("mode must be server or own", "mode");
}

// Reads the named optional strings of `body` into `fields`; the first wrong type wins.
Status ReadStrings(
    const Json& body,
    std::initializer_list<std::pair<const char*, std::optional<std::string>*>> fields) {
  for (const auto& [name, out] : fields) {
    auto value = http::OptionalString(body, name);
    if (!value.ok()) return std::move(value).error();
    *out = std::move(*value);
  }
  return Ok();
}

}  // namespace

Response ChannelHandlers::List(RequestContext& ctx) const {
  return JsonResponse(
      200, {{"sms", ChannelJson(service_.Get(ctx.db, ctx.workspace_id, Channel::kSms))},
            {"email", ChannelJson(service_.Get(ctx.db, ctx.workspace_id, Channel::kEmail))}});
}

Response ChannelHandlers::Update(RequestContext& ctx) const {
  auto channel = ChannelParam(ctx);
  if (!channel.ok()) return ErrorResponse(channel.error());
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return ErrorResponse(body.error());
  auto own = ReadOwn(*body);
  if (!own.ok()) return ErrorResponse(own.error());
  const std::string ip = auth::ClientOf(ctx).ip;
  Result<ChannelView> saved = Error::Internal("unset");
  if (*channel == Channel::kSms) {
    SmsChannelInput in;
    in.own = *own;
    Status read = ReadStrings(*body, {{"account_sid", &in.account_sid},
                                      {"auth_token", &in.auth_token},
                                      {"phone_number", &in.phone_number},
                                      {"messaging_service_sid", &in.messaging_service_sid}});
    if (!read.ok()) return ErrorResponse(read.error());
    saved = service_.SetSms(ctx.db, ctx.workspace_id, ctx.user_id, in, ip);
  } else {
    EmailChannelInput in;
    in.own = *own;
    Status read = ReadStrings(*body, {{"host", &in.host},
                                      {"user", &in.user},
                                      {"password", &in.password},
                                      {"starttls", &in.starttls},
                                      {"from", &in.from}});
    if (!read.ok()) return ErrorResponse(read.error());
    auto port = http::OptionalInt(*body, "port");
    if (!port.ok()) return ErrorResponse(port.error());
    in.port = *port;
    saved = service_.SetEmail(ctx.db, ctx.workspace_id, ctx.user_id, in, ip);
  }
  if (!saved.ok()) return ErrorResponse(saved.error());
  return JsonResponse(200, ChannelJson(*saved));
}

Response ChannelHandlers::SendTest(RequestContext& ctx) const {
  auto channel = ChannelParam(ctx);
  if (!channel.ok()) return ErrorResponse(channel.error());
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return ErrorResponse(body.error());
  auto to = http::RequiredString(*body, "to");
  if (!to.ok()) return ErrorResponse(to.error());
  auto tested = service_.SendTest(ctx.db, ctx.workspace_id, ctx.user_id, *channel, *to,
                                  auth::ClientOf(ctx).ip);
  if (!tested.ok()) return ErrorResponse(tested.error());
  return JsonResponse(202, ChannelJson(*tested));
}

}  // namespace careops::workspaces
