#pragma once
// The middleware chain every request passes, in this order (one file, so it reads top-down):
//   request id (X-Request-Id, propagated when sane, else generated)
//   -> target parsing (400 on a malformed target)
//   -> route table: matched route -> worker pool (503 when its queue is full)
//        -> access guard of the route's level -> handler -> errors mapped to JSON
//      path matched but not the method -> 405 with Allow
//      /api/... unmatched -> 404 JSON;  other GET/HEAD -> static web app (or 404 JSON)
//   -> security headers, access log (query values of secret-looking names redacted),
//      metrics (by route template, never by raw path).
// Static files are answered on the io thread (memory only); everything else on a worker.

#include <ctime>
#include <memory>
#include <optional>
#include <string>

#include "http/server.hpp"

namespace careops {
class Clock;
}
namespace careops::db {
class Connection;
}

namespace careops::http {

class Router;
class WorkerPool;
class StaticFiles;
class Metrics;

class Dispatcher final : public RequestHandler {
 public:
  // All references must outlive the dispatcher. Thread-safe.
  Dispatcher(const Router& router, WorkerPool& pool, const StaticFiles& static_files,
             Metrics& metrics, const Clock& clock);

  void Handle(Request request, Responder respond) override;
  Response Reject(int status, std::string_view code, std::string_view message) override;
  // The matched route's max_body_bytes when it sets one.
  std::optional<std::size_t> BodyLimit(Method method, std::string_view target) override;

 private:
  struct Pending;
  void RunRoute(Pending& pending, db::Connection& conn) const;
  void Finish(Pending& pending, Response response) const;

  const Router& router_;
  WorkerPool& pool_;
  const StaticFiles& static_files_;
  Metrics& metrics_;
  const Clock& clock_;
};

// Which Content-Security-Policy an answer gets: the web app's pages and assets run scripts
// and styles from this origin only; API answers may run nothing at all.
enum class Csp { kPage, kApi };

// Security headers for an answer: nosniff, no-referrer, frame denial, the CSP, and
// `Cache-Control: no-store` unless one was set. Exposed for tests.
void AddSecurityHeaders(Response& response, Csp csp);

// An IMF-fixdate for the Date header ("Sun, 06 Nov 1994 08:49:37 GMT"). Transport metadata,
// so it reads the real clock, not the injected one.
std::string HttpDate(std::time_t t);

// The target with the values of secret-looking or personal query parameters (codes, tokens,
// passwords, emails, phone numbers...) replaced, and the secret segment of credential paths
// ("/api/calendar/{token}") too, for logs.
std::string RedactTarget(std::string_view target);

}  // namespace careops::http
