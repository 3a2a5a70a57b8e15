#include "ops/ops_handlers.hpp"

#include <spdlog/spdlog.h>

#include "db/database.hpp"
#include "db/migrator.hpp"
#include "http/json.hpp"
#include "http/metrics.hpp"

namespace careops::ops {
namespace {

struct DbState {
  bool reachable = false;
  db::MigrationStatus migrations;
  std::string instance_id;
  Millis installed_at = 0;
};

DbState ReadDbState(db::Connection& conn, const Clock& clock) {
  DbState state;
  try {
    state.migrations = db::Migrator(conn, clock).Status();
    if (auto row = conn.QueryOne("SELECT value, updated_at FROM settings WHERE key = ?",
                                 {std::string("instance_id")})) {
      state.instance_id = row->Text(0);
      state.installed_at = row->Int(1);
    }
    state.reachable = true;
  } catch (const db::DbError& e) {
    spdlog::warn("database check failed: {}", e.what());
  }
  return state;
}

}  // namespace

OpsHandlers::OpsHandlers(ServerFacts facts, http::Metrics& metrics, const Clock& clock)
    : facts_(std::move(facts)), metrics_(metrics), clock_(clock) {}

http::Response OpsHandlers::Healthz(http::RequestContext&) const {
  return http::JsonResponse(200, {{"status", "ok"}});
}

http::Response OpsHandlers::Readyz(http::RequestContext& ctx) const {
  const DbState state = ReadDbState(ctx.db, clock_);
  const bool ready = state.reachable && state.migrations.up_to_date();
  return http::JsonResponse(ready ? 200 : 503,
                            {{"status", ready ? "ready" : "not_ready"},
                             {"checks",
                              {{"database", state.reachable ? "ok" : "unreachable"},
                               {"migrations", state.migrations.up_to_date() ? "ok" : "pending"}}}});
}

http::Response OpsHandlers::Metrics(http::RequestContext&) const {
  http::Response response;
  response.headers.Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
  response.body = metrics_.Render();
  return response;
}

http::Response OpsHandlers::Status(http::RequestContext& ctx) const {
  const DbState state = ReadDbState(ctx.db, clock_);
  const Millis now = clock_.NowMillis();
  http::Json body = {
      {"name", "CareOps"},
      {"version", facts_.version},
      {"started_at", facts_.started_at},
      {"uptime_seconds", (now - facts_.started_at) / 1000},
      {"server_time", now},
      {"instance_id", state.instance_id},
      {"installed_at", state.installed_at},
      {"database",
       {{"dialect", std::string(ctx.db.Dialect())},
        {"location", facts_.database_location},
        {"reachable", state.reachable}}},
      {"migrations",
       {{"current", state.migrations.current},
        {"latest", state.migrations.latest},
        {"up_to_date", state.migrations.up_to_date()}}},
      {"providers", {{"sms", facts_.sms_provider}, {"email", facts_.email_provider}}},
  };
  return http::JsonResponse(state.reachable ? 200 : 503, body);
}

}  // namespace careops::ops
