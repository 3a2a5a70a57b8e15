#include "automation/automation_handlers.hpp"

#include <charconv>

#include "automation/automation_repository.hpp"
#include "automation/automation_templates.hpp"
#include "automation/rules.hpp"
#include "db/database.hpp"
#include "http/error_response.hpp"
#include "http/json.hpp"
#include "http/url.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::automation {
namespace {

using http::ErrorResponse;
using http::Json;
using http::JsonResponse;
using http::RequestContext;
using http::Response;

constexpr Millis kThirtyDays = 30LL * 24 * 3'600'000;
constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;

Json RuleJson(db::Connection& conn, const workspaces::Workspace& w, const RuleInfo& info,
              const std::string& public_base_url, Millis now) {
  Json templates = Json::array();
  for (auto& t : SampleTemplates(conn, w, info.rule, public_base_url, now)) {
    templates.push_back({{"kind", t.kind},
                         {"channel", t.channel},
                         {"subject", t.subject},
                         {"body", t.body},
                         {"template_key", t.template_key ? Json(*t.template_key) : Json(nullptr)}});
  }
  return {{"key", info.key},
          {"title", info.title},
          {"description", info.description},
          {"enabled", IsEnabled(conn, w.id, info.rule)},
          {"templates", std::move(templates)},
          {"sent_last_30_days",
           AutomationRepository(conn).CountSince(w.id, info.message_kinds, now - kThirtyDays)}};
}

Result<Rule> RuleOfPath(const RequestContext& ctx) {
  auto rule = ParseRule(ctx.params.Str("rule"));
  if (!rule) return Error::NotFound("no such automation rule");
  return *rule;
}

// A whole decimal number (no sign, no spaces), or nullopt.
std::optional<std::int64_t> Number(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < 0) {
    return std::nullopt;
  }
  return value;
}

// "<created_at>.<id>" as the log gave it.
Result<std::optional<LogCursor>> ParseCursor(const http::QueryParams& query) {
  const auto text = http::FindParam(query, "cursor");
  if (!text || text->empty()) return std::optional<LogCursor>();
  const auto dot = text->find('.');
  if (dot != std::string::npos) {
    const auto at = Number(std::string_view(*text).substr(0, dot));
    const auto id = Number(std::string_view(*text).substr(dot + 1));
    if (at && id) return std::optional<LogCursor>(LogCursor{*at, *id});
  }
  return Error::InvalidArgument("cursor is not one this server gave", "cursor");
}

Result<int> ParseLimit(const http::QueryParams& query) {
  const auto text = http::FindParam(query, "limit");
  if (!text || text->empty()) return kDefaultLimit;
  const auto n = Number(*text);
  if (!n || *n < 1 || *n > kMaxLimit) {
    return Error::InvalidArgument("limit must be a number from 1 to 200", "limit");
  }
  return static_cast<int>(*n);
}

}  // namespace

Response AutomationHandlers::List(RequestContext& ctx) const {
  const auto w = workspaces::WorkspaceRepository(ctx.db).FindById(ctx.workspace_id);
  if (!w) return ErrorResponse(Error::NotFound("no such workspace"));
  const Millis now = ctx.clock.NowMillis();
  Json rules = Json::array();
  for (const RuleInfo& info : Rules()) {
    rules.push_back(RuleJson(ctx.db, *w, info, public_base_url_, now));
  }
  return JsonResponse(200, {{"rules", std::move(rules)}});
}

Response AutomationHandlers::Update(RequestContext& ctx) const {
  auto rule = RuleOfPath(ctx);
  if (!rule.ok()) return ErrorResponse(rule.error());
  auto body = http::ParseJsonObject(ctx.request);
  if (!body.ok()) return ErrorResponse(body.error());
  auto enabled = http::OptionalBool(*body, "enabled");
  if (!enabled.ok()) return ErrorResponse(enabled.error());
  if (!*enabled) {
    return ErrorResponse(Error::InvalidArgument("enabled must be true or false", "enabled"));
  }
  const Millis now = ctx.clock.NowMillis();
  db::Transaction tx(ctx.db);
  const auto w = workspaces::WorkspaceRepository(ctx.db).FindById(ctx.workspace_id);
  if (!w) return ErrorResponse(Error::NotFound("no such workspace"));
  SetEnabled(ctx.db, w->id, *rule, **enabled, ctx.user_id, now);
  tx.Commit();
  return JsonResponse(200, RuleJson(ctx.db, *w, InfoOf(*rule), public_base_url_, now));
}

Response AutomationHandlers::Log(RequestContext& ctx) const {
  auto rule = RuleOfPath(ctx);
  if (!rule.ok()) return ErrorResponse(rule.error());
  auto query = http::ParseQuery(ctx.query);
  if (!query.ok()) return ErrorResponse(query.error());
  auto cursor = ParseCursor(*query);
  if (!cursor.ok()) return ErrorResponse(cursor.error());
  auto limit = ParseLimit(*query);
  if (!limit.ok()) return ErrorResponse(limit.error());
  const auto messages = AutomationRepository(ctx.db).Log(
      ctx.workspace_id, InfoOf(*rule).message_kinds, *cursor, *limit);
  Json list = Json::array();
  for (const auto& m : messages) {
    list.push_back(
        {{"id", m.id},
         {"channel", m.channel},
         {"kind", m.kind},
         {"to", m.to},
         {"status", m.status},
         {"created_at", m.created_at},
         {"conversation_id", m.conversation_id ? Json(*m.conversation_id) : Json(nullptr)}});
  }
  Json next = nullptr;
  if (static_cast<int>(messages.size()) == *limit) {
    next = std::to_string(messages.back().created_at) + "." + std::to_string(messages.back().id);
  }
  return JsonResponse(200, {{"messages", std::move(list)}, {"next_cursor", std::move(next)}});
}

}  // namespace careops::automation
