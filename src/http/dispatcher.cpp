#include "http/dispatcher.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <time.h>

#include <chrono>
#include <string_view>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "core/random.hpp"
#include "db/database.hpp"
#include "http/error_response.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "http/url.hpp"
#include "http/worker_pool.hpp"

namespace careops::http {
namespace {

using SteadyTime = std::chrono::steady_clock::time_point;

constexpr std::string_view kPageCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
constexpr std::string_view kApiCsp = "default-src 'none'; frame-ancestors 'none'";

bool IsSaneRequestId(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.' || c == ':';
    if (!ok) return false;
  }
  return true;
}

// Secrets, and personal data that has no business in logs (emails, phone numbers).
bool IsSensitiveName(std::string_view name) {
  for (std::string_view word : {"token", "code", "password", "secret", "key", "signature", "auth",
                                "session", "otp", "email", "phone"}) {
    if (name.find(word) != std::string_view::npos) return true;
  }
  return false;
}

// Paths whose next segment is itself a credential (a calendar feed's secret URL).
constexpr std::string_view kSecretPathPrefixes[] = {"/api/calendar/"};

}  // namespace

std::string HttpDate(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  const std::size_t n = std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return std::string(buf, n);
}

// One request's state from arrival to answer; shared with the worker job.
struct Dispatcher::Pending {
  Request request;
  Responder respond;
  std::string request_id;
  Target target;
  std::string route_label = "unmatched";
  const Route* route = nullptr;
  ConcurrencyLimit* limit = nullptr;  // the slot this request holds, released in Finish
  PathParams params;
  SteadyTime started;
};

Dispatcher::Dispatcher(const Router& router, WorkerPool& pool, const StaticFiles& static_files,
                       Metrics& metrics, const Clock& clock)
    : router_(router), pool_(pool), static_files_(static_files), metrics_(metrics), clock_(clock) {}

void Dispatcher::Handle(Request request, Responder respond) {
  auto pending = std::make_shared<Pending>();
  pending->started = std::chrono::steady_clock::now();
  pending->respond = std::move(respond);
  const auto given_id = request.headers.Get("X-Request-Id");
  pending->request_id =
      given_id && IsSaneRequestId(*given_id) ? std::string(*given_id) : RandomHex(8);
  pending->request = std::move(request);
  metrics_.InFlightAdd(1);

  auto target = ParseTarget(pending->request.target);
  if (!target.ok()) return Finish(*pending, ErrorResponse(target.error()));
  pending->target = std::move(target).value();
  const Method method = pending->request.method;

  Router::Match match = router_.Find(method, pending->target.raw_path);
  if (match.route != nullptr) {
    pending->route = match.route;
    pending->route_label = match.route->path;
    pending->params = std::move(match.params);
    if (ConcurrencyLimit* limit = match.route->limit.get()) {
      if (!limit->TryAcquire()) {
        return Finish(*pending, ErrorResponse(Error::Unavailable(limit->busy_message(), 1)));
      }
      pending->limit = limit;
    }
    const bool queued =
        pool_.TrySubmit([this, pending](db::Connection& conn) { RunRoute(*pending, conn); });
    if (!queued) {
      Finish(*pending, ErrorResponse(Error::Unavailable("server busy, retry shortly", 1)));
    }
    return;
  }
  if (!match.allow.empty()) {
    Error error{ErrorCode::kMethodNotAllowed,
                std::string(pending->request.method_text) + " is not allowed here",
                {},
                {},
                0};
    Response response = ErrorResponse(error);
    response.headers.Set("Allow", match.allow);
    return Finish(*pending, std::move(response));
  }
  const std::string_view path = pending->target.path;
  const bool api_path = path == "/api" || path.starts_with("/api/");
  if (!api_path && !static_files_.empty()) {
    if (method == Method::kGet || method == Method::kHead) {
      if (auto file = static_files_.Serve(method, path, pending->request.headers)) {
        pending->route_label = "static";
        return Finish(*pending, std::move(*file));
      }
    } else if (static_files_.Serve(Method::kGet, path, {})) {
      Response response = ErrorResponse(
          {ErrorCode::kMethodNotAllowed, "only GET and HEAD are allowed here", {}, {}, 0});
      response.headers.Set("Allow", "GET, HEAD");
      return Finish(*pending, std::move(response));
    }
  }
  Finish(*pending, ErrorResponse(Error::NotFound("no such resource: " + std::string(path))));
}

void Dispatcher::RunRoute(Pending& pending, db::Connection& conn) const {
  Response response;
  try {
    RequestContext ctx{pending.request,
                       pending.target.path,
                       pending.target.query,
                       std::move(pending.params),
                       pending.request_id,
                       conn,
                       clock_};
    const AccessRule& rule = *pending.route->access;
    Status allowed = Ok();
    if (rule.level != Access::kPublic) allowed = router_.guard(rule.level)->Check(rule, ctx);
    response = allowed.ok() ? pending.route->handler(ctx) : ErrorResponse(allowed.error());
  } catch (const db::DbError& e) {
    spdlog::error("request {} failed in storage: {}", pending.request_id, e.what());
    response = e.kind() == db::DbError::Kind::kBusy
                   ? ErrorResponse(Error::Unavailable("database busy, retry shortly", 1))
                   : ErrorResponse(Error::Internal(e.what()));
  } catch (const std::exception& e) {
    spdlog::error("request {} failed: {}", pending.request_id, e.what());
    response = ErrorResponse(Error::Internal(e.what()));
  }
  Finish(pending, std::move(response));
}

void Dispatcher::Finish(Pending& pending, Response response) const {
  if (pending.limit != nullptr) {
    pending.limit->Release();
    pending.limit = nullptr;
  }
  response.headers.Set("X-Request-Id", pending.request_id);
  response.headers.Set("Date", HttpDate(std::time(nullptr)));
  // Every answer from the web app (including a 304, which carries no Content-Type but whose
  // headers the browser applies to the cached page) gets the page policy.
  AddSecurityHeaders(response, pending.route_label == "static" ? Csp::kPage : Csp::kApi);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - pending.started).count();
  metrics_.ObserveRequest(pending.request.method_text, pending.route_label, response.status,
                          seconds);
  metrics_.InFlightAdd(-1);
  if (pending.route_label != "static" || response.status >= 400) {
    const std::string status = std::to_string(response.status);
    const std::string ms = fmt::format("{:.3f}", seconds * 1000.0);
    const std::string target = RedactTarget(pending.request.target);
    log::Event("http", {{"method", pending.request.method_text},
                        {"target", target},
                        {"route", pending.route_label},
                        {"status", status},
                        {"ms", ms},
                        {"rid", pending.request_id},
                        {"ip", pending.request.remote_address}});
  }
  pending.respond(std::move(response));
}

Response Dispatcher::Reject(int status, std::string_view /*code*/, std::string_view message) {
  Response response = ErrorResponse({ErrorCodeForStatus(status), std::string(message), {}, {}, 0});
  AddSecurityHeaders(response, Csp::kApi);
  metrics_.ObserveRequest("-", "rejected", response.status, 0.0);
  return response;
}

std::optional<std::size_t> Dispatcher::BodyLimit(Method method, std::string_view target) {
  auto parsed = ParseTarget(target);
  if (!parsed.ok()) return std::nullopt;  // Handle answers it with 400
  const Router::Match match = router_.Find(method, parsed->raw_path);
  if (match.route == nullptr || match.route->max_body_bytes == 0) return std::nullopt;
  return match.route->max_body_bytes;
}

void AddSecurityHeaders(Response& response, Csp csp) {
  response.headers.Set("Content-Security-Policy",
                       std::string(csp == Csp::kPage ? kPageCsp : kApiCsp));
  response.headers.Set("X-Content-Type-Options", "nosniff");
  response.headers.Set("Referrer-Policy", "no-referrer");
  response.headers.Set("X-Frame-Options", "DENY");
  if (!response.headers.Has("Cache-Control")) response.headers.Set("Cache-Control", "no-store");
}

std::string RedactTarget(std::string_view target) {
  const auto q = target.find('?');
  std::string out(target.substr(0, q));
  // Compared decoded, as the router matches it ("/api/%63alendar/…" is the same route).
  const std::string decoded = PercentDecode(out, false).value_or(out);
  for (std::string_view prefix : kSecretPathPrefixes) {
    if (decoded.size() > prefix.size() && decoded.starts_with(prefix)) {
      out = std::string(prefix) + "REDACTED";
    }
  }
  if (q == std::string_view::npos) return out;
  out += '?';
  std::string_view rest = target.substr(q + 1);
  bool first = true;
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    std::string_view piece = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (!first) out += '&';
    first = false;
    const auto eq = piece.find('=');
    std::string name(piece.substr(0, eq));
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (eq != std::string_view::npos && IsSensitiveName(lower)) {
      out += name + "=REDACTED";
    } else {
      out += piece;
    }
  }
  return out;
}

}  // namespace careops::http
