#include "inbox/inbox_handlers.hpp"

#include "auth/auth_json.hpp"
#include "http/error_response.hpp"
#include "http/event_hub.hpp"
#include "http/json.hpp"
#include "http/url.hpp"
#include "inbox/inbox_service.hpp"
#include "inbox/live.hpp"
#include "inbox/templates.hpp"
#include "messaging/message_repository.hpp"
#include "workspaces/member_guard.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::inbox {
namespace {

using http::ErrorResponse;
using http::Json;
using http::JsonResponse;
using http::RequestContext;
using http::Response;

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;

template <typename T>
Json OrNull(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json ConversationJson(const Conversation& c) {
  return {{"id", c.id},
          {"contact",
           {{"id", c.contact_id},
            {"name", c.contact_name},
            {"email", c.contact_email.empty() ? Json(nullptr) : Json(c.contact_email)},
            {"phone", c.contact_phone.empty() ? Json(nullptr) : Json(c.contact_phone)},
            {"sms_opted_out", c.contact_sms_opted_out}}},
          {"status", c.status},
          {"assignee_id", OrNull(c.assignee_id)},
          {"last_activity_at", c.last_activity_at},
          {"unread_count", c.unread_count},
          {"waiting_for_reply", c.waiting_for_reply},
          {"automation_paused", c.automation_paused},
          {"flag", c.flag},
          {"preview", c.preview}};
}

Json MessageJson(const messaging::MessageRecord& m) {
  return {{"id", m.id},
          {"direction", m.direction},
          {"channel", messaging::ChannelName(m.channel)},
          {"kind", m.kind},
          {"body", m.sensitive ? Json(nullptr) : Json(m.body)},
          {"subject", m.subject},
          {"status", m.status},
          {"error_code", OrNull(m.error_code)},
          {"error_message", OrNull(m.error_message)},
          {"author_id", OrNull(m.author_id)},
          {"created_at", m.created_at},
          {"sent_at", OrNull(m.sent_at)},
          {"delivered_at", OrNull(m.delivered_at)}};
}

Json TemplateJson(const Template& t) {
  return {{"key", t.key},
          {"subject", t.subject},
          {"body", t.body},
          {"is_default", t.is_default},
          {"updated_at", t.updated_at}};
}

// A query parameter as an integer in [lo, hi]; nullopt when absent.
Result<std::optional<std::int64_t>> IntParam(const http::QueryParams& query, const char* name,
                                             std::int64_t lo, std::int64_t hi) {
  const auto text = http::FindParam(query, name);
  if (!text || text->empty()) return std::optional<std::int64_t>();
  try {
    std::size_t used = 0;
    const long long value = std::stoll(*text, &used);
    if (used == text->size() && value >= lo && value <= hi) {
      return std::optional<std::int64_t>(value);
    }
  } catch (const std::exception&) {  // not a number: answered below
  }
  return Error::InvalidArgument(std::string(name) + " must be a number from " + std::to_string(lo) +
                                    " to " + std::to_string(hi),
                                name);
}

// The cursor "<last_activity_at>.<id>" of the last conversation of a page.
std::string CursorOf(const Conversation& c) {
  return std::to_string(c.last_activity_at) + "." + std::to_string(c.id);
}

Result<std::optional<std::pair<Millis, std::int64_t>>> ParseCursor(const http::QueryParams& q) {
  const auto text = http::FindParam(q, "cursor");
  if (!text || text->empty()) return std::optional<std::pair<Millis, std::int64_t>>();
  const auto dot = text->find('.');
  try {
    if (dot != std::string::npos) {
      std::size_t a = 0, b = 0;
      const long long at = std::stoll(text->substr(0, dot), &a);
      const long long id = std::stoll(text->substr(dot + 1), &b);
      if (a == dot && b == text->size() - dot - 1) {
        return std::optional<std::pair<Millis, std::int64_t>>(std::pair(at, id));
      }
    }
  } catch (const std::exception&) {  // answered below
  }
  return Error::InvalidArgument("cursor is not one this server gave", "cursor");
}

Result<messaging::Channel> ChannelOf(const std::string& name) {
  if (name == "sms") return messaging::Channel::kSms;
  if (name == "email") return messaging::Channel::kEmail;
  return Error::InvalidArgument("channel must be sms or email", "channel");
}

}  // namespace

Response InboxHandlers::ListConversations(RequestContext& ctx) const {
  auto query = http::ParseQuery(ctx.query);
  if (!query.ok()) return ErrorResponse(query.error());
  ConversationFilter f;
  if (auto status = http::FindParam(*query, "status"); status && !status->empty()) {
    if (*status != "open" && *status != "pending" && *status != "closed") {
      return ErrorResponse(
          Error::InvalidArgument("status must be open, pending or closed", "status"));
    }
    f.status = *status;
  }
  f.unread_only = http::FindParam(*query, "unread").value_or("") == "1";
  f.waiting_only = http::FindParam(*query, "waiting").value_or("") == "1";
  if (auto assignee = http::FindParam(*query, "assignee"); assignee && *assignee == "me") {
    f.assignee_id = ctx.user_id;
  } else {
    auto id = IntParam(*query, "assignee", 1, INT64_MAX);
    if (!id.ok()) return ErrorResponse(id.error());
    f.assignee_id = *id;
  }
  auto limit = IntParam(*query, "limit", 1, kMaxLimit);
  if (!limit.ok()) return ErrorResponse(limit.error());
  f.limit = static_cast<int>(limit->value_or(kDefaultLimit));
  auto cursor = ParseCursor(*query);
  if (!cursor.ok()) return ErrorResponse(cursor.error());
  f.before = *cursor;
  Json list = Json::array();
  const auto conversations = service_.List(ctx.db, ctx.workspace_id, f);
  for (const auto& c : conversations) list.push_back(ConversationJson(c));
  const bool full = static_cast<int>(conversations.size()) == f.limit;
  return JsonResponse(
      200, {{"conversations", std::move(list)},
            {"next_cursor", full ? Json(CursorOf(conversations.back())) : Json(nullptr)}});
}

Response InboxHandlers::GetConversation(RequestContext& ctx) const {
  auto thread = service_.Open(ctx.db, ctx.workspace_id, ctx.params.Int("conversation_id"));
  if (!thread.ok()) return ErrorResponse(thread.error());
  Json body = ConversationJson(thread->conversation);
  Json messages = Json::array();
  for (const auto& m : thread->messages) messages.push_back(MessageJson(m));
  body["messages"] = std::move(messages);
  Json events = Json::array();
  for (const auto& e : thread->events) {
    events.push_back({{"id", e.id},
                      {"kind", e.kind},
                      {"body", e.body},
                      {"booking_id", e.booking_id ? Json(*e.booking_id) : Json(nullptr)},
                      {"author_id", e.author_id ? Json(*e.author_id) : Json(nullptr)},
                      {"created_at", e.created_at}});
  }
  body["events"] = std::move(events);
  return JsonResponse(200, body);
}

Response InboxHandlers::UpdateConversation(RequestContext& ctx) const {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return ErrorResponse(body.error());
  auto status = http::OptionalString(*body, "status");
  if (!status.ok()) return ErrorResponse(status.error());
  std::optional<std::int64_t> assignee;
  if (auto it = body->find("assignee_id"); it != body->end()) {
    if (it->is_null()) {
      assignee = 0;
    } else {
      auto value = http::OptionalInt(*body, "assignee_id");
      if (!value.ok()) return ErrorResponse(value.error());
      if (!*value || **value <= 0) {
        return ErrorResponse(
            Error::InvalidArgument("assignee_id must be a user id or null", "assignee_id"));
      }
      assignee = *value;
    }
  }
  auto paused = http::OptionalBool(*body, "automation_paused");
  if (!paused.ok()) return ErrorResponse(paused.error());
  auto updated = service_.Update(ctx.db, ctx.workspace_id, ctx.params.Int("conversation_id"),
                                 *status, assignee, *paused);
  if (!updated.ok()) return ErrorResponse(updated.error());
  return JsonResponse(200, ConversationJson(*updated));
}

Response InboxHandlers::Reply(RequestContext& ctx) const {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return ErrorResponse(body.error());
  auto channel_name = http::RequiredString(*body, "channel");
  if (!channel_name.ok()) return ErrorResponse(channel_name.error());
  auto channel = ChannelOf(*channel_name);
  if (!channel.ok()) return ErrorResponse(channel.error());
  auto text = http::RequiredString(*body, "body");
  if (!text.ok()) return ErrorResponse(text.error());
  auto subject = http::OptionalString(*body, "subject");
  if (!subject.ok()) return ErrorResponse(subject.error());
  auto id = service_.Reply(ctx.db, ctx.workspace_id, ctx.params.Int("conversation_id"), ctx.user_id,
                           *channel, *text, subject->value_or(""));
  if (!id.ok()) return ErrorResponse(id.error());
  const auto message = messaging::MessageRepository::Find(ctx.db, *id);
  return JsonResponse(202, MessageJson(*message));
}

Response InboxHandlers::Events(RequestContext& ctx) const {
  // The member guard let an active member through; the stream carries what they may see.
  auto member = workspaces::WorkspaceRepository(ctx.db).FindMember(ctx.workspace_id, ctx.user_id);
  if (!member) return ErrorResponse(Error::NotFound("no such workspace"));
  auto subscription =
      events_.Subscribe(WorkspaceTopic(ctx.workspace_id), [m = *member](std::string_view name) {
        return workspaces::Allows(m, EventPermission(name));
      });
  if (!subscription.ok()) return ErrorResponse(subscription.error());
  return http::EventStreamResponse(std::move(subscription).value());
}

Response InboxHandlers::GetTemplate(RequestContext& ctx) const {
  auto t = inbox::GetTemplate(ctx.db, ctx.workspace_id, ctx.params.Str("key"));
  if (!t.ok()) return ErrorResponse(t.error());
  return JsonResponse(200, TemplateJson(*t));
}

Response InboxHandlers::PutTemplate(RequestContext& ctx) const {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return ErrorResponse(body.error());
  auto text = http::RequiredString(*body, "body");
  if (!text.ok()) return ErrorResponse(text.error());
  auto subject = http::OptionalString(*body, "subject");
  if (!subject.ok()) return ErrorResponse(subject.error());
  auto t = SaveTemplate(ctx.db, ctx.workspace_id, ctx.params.Str("key"), subject->value_or(""),
                        *text, ctx.clock.NowMillis());
  if (!t.ok()) return ErrorResponse(t.error());
  return JsonResponse(200, TemplateJson(*t));
}

Response InboxHandlers::ContactForm(RequestContext& ctx) const {
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return ErrorResponse(body.error());
  inbox::ContactForm form;
  const std::pair<const char*, std::string*> fields[] = {{"name", &form.name},
                                                         {"email", &form.email},
                                                         {"phone", &form.phone},
                                                         {"message", &form.message},
                                                         {"website", &form.website}};
  for (const auto& [name, out] : fields) {
    auto value = http::OptionalString(*body, name);
    if (!value.ok()) return ErrorResponse(value.error());
    *out = value->value_or("");
  }
  Status submitted =
      service_.SubmitContactForm(ctx.db, ctx.params.Str("slug"), form, auth::ClientOf(ctx).ip);
  if (!submitted.ok()) return ErrorResponse(submitted.error());
  return JsonResponse(202, {{"status", "received"}});
}

Response InboxHandlers::InboundSms(RequestContext& ctx) const {
  auto params = http::ParseQuery(ctx.request.body);
  if (!params.ok()) return ErrorResponse(params.error());
  inbox::InboundSms sms;
  sms.from = http::FindParam(*params, "From").value_or("");
  sms.to = http::FindParam(*params, "To").value_or("");
  sms.body = http::FindParam(*params, "Body").value_or("");
  sms.message_sid = http::FindParam(*params, "MessageSid").value_or("");
  sms.messaging_service_sid = http::FindParam(*params, "MessagingServiceSid").value_or("");
  if (sms.from.empty()) return ErrorResponse(Error::InvalidArgument("From is required", "From"));
  if (sms.message_sid.empty()) {
    return ErrorResponse(Error::InvalidArgument("MessageSid is required", "MessageSid"));
  }
  service_.ReceiveSms(ctx.db, sms);
  Response response;
  response.headers.Set("Content-Type", "text/xml; charset=utf-8");
  response.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
  return response;
}

}  // namespace careops::inbox
