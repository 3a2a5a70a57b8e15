#pragma once
// The one route table. Every route is {method, path template, access rule, handler}; the
// router matches a request to a route, extracts typed path parameters, and the dispatcher
// checks the route's access rule before the handler runs (handlers never check access).
// A route without an access rule, a malformed template, a duplicate, or an access level with
// no guard installed makes Router's constructor throw: the server refuses to start.
//
// Templates: literal segments and typed parameters, one segment each:
//   "/api/workspaces/{id:int}/members/{member_id:int}"   {name:int}  -> positive int64
//   "/w/{slug}/book"                                     {name}      -> any non-empty segment
// Parameters are percent-decoded before type checks; a segment that fails its type does not
// match (so "/api/workspaces/abc" is a 404, not a 400).

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "http/message.hpp"

namespace careops {
class Clock;
}
namespace careops::db {
class Connection;
}

namespace careops::http {

// Who may call a route. Later issues give kUser, kMember and kWebhook their checks by
// installing an AccessGuard; until one is installed, routes using that level cannot start.
enum class Access {
  kPublic,   // anyone
  kUser,     // a signed-in user (session cookie or bearer token)
  kMember,   // a member of the workspace in the path's {id}, holding `permission`
  kWebhook,  // a provider callback with a valid signature
};
constexpr std::size_t kAccessLevels = 4;

// Workspace permissions a kMember route may require (PRODUCT.md W3).
enum class Permission { kNone, kInbox, kBookings, kForms, kInventory, kOwner };

struct AccessRule {
  Access level;
  Permission permission = Permission::kNone;
};

class PathParams {
 public:
  void Add(std::string name, std::string value) {
    params_.emplace_back(std::move(name), std::move(value));
  }
  // The parameter's decoded text; throws std::out_of_range for a name not in the template (a bug).
  const std::string& Str(std::string_view name) const;
  // The parameter as an integer; only valid for {name:int} parameters.
  std::int64_t Int(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& all() const { return params_; }

 private:
  std::vector<std::pair<std::string, std::string>> params_;
};

// What a handler gets. Lives for one request, on one worker thread.
struct RequestContext {
  const Request& request;
  std::string_view path;   // decoded path without the query
  std::string_view query;  // raw query string (after '?'), may be empty
  PathParams params;
  const std::string& request_id;
  db::Connection& db;  // this worker's connection
  const Clock& clock;
  // Set by access guards for later issues to read (signed-in user, workspace membership).
  std::int64_t user_id = 0;
  std::int64_t session_id = 0;
  std::int64_t workspace_id = 0;
};

using Handler = std::function<Response(RequestContext&)>;

// A budget of requests in flight shared by the routes that hold it. The dispatcher takes a
// slot before a request enters the worker queue and answers 503 at once, on the io thread,
// when none is free — so a flood on expensive routes (password hashing) can occupy at most
// `max` workers and never queues ahead of everything else. Thread-safe.
class ConcurrencyLimit {
 public:
  // `busy_message` is the 503's message when no slot is free.
  explicit ConcurrencyLimit(int max, std::string busy_message = "server busy, retry shortly")
      : max_(max), busy_message_(std::move(busy_message)) {}
  bool TryAcquire() {
    if (in_flight_.fetch_add(1) < max_) return true;
    in_flight_.fetch_sub(1);
    return false;
  }
  void Release() { in_flight_.fetch_sub(1); }
  int in_flight() const { return in_flight_.load(); }
  const std::string& busy_message() const { return busy_message_; }

 private:
  const int max_;
  const std::string busy_message_;
  std::atomic<int> in_flight_{0};
};

struct Route {
  Method method;
  std::string path;                  // template
  std::optional<AccessRule> access;  // required: no default
  Handler handler;
  std::shared_ptr<ConcurrencyLimit> limit = nullptr;  // optional, may be shared by routes
  // The largest request body this route takes; 0 = the server's MAX_BODY_BYTES. For the few
  // routes that take uploads (a contacts CSV); see RequestHandler::BodyLimit.
  std::size_t max_body_bytes = 0;
};

// Checks one access level for a request. Returns an Error (401/403/404) to refuse.
class AccessGuard {
 public:
  virtual ~AccessGuard() = default;
  virtual Status Check(const AccessRule& rule, RequestContext& ctx) = 0;
};

class Router {
 public:
  // guards[i] checks Access(i); kPublic needs none. Throws std::invalid_argument naming the
  // offending route when the table is not acceptable (see top of file).
  Router(std::vector<Route> routes, std::array<AccessGuard*, kAccessLevels> guards);

  struct Match {
    const Route* route = nullptr;  // null: nothing matched
    PathParams params;
    std::string allow;  // when the path matched but not the method: "GET, HEAD"
  };
  // Matches a decoded path. HEAD matches a GET route. Thread-safe (read-only).
  Match Find(Method method, std::string_view path) const;
  AccessGuard* guard(Access level) const { return guards_[static_cast<std::size_t>(level)]; }
  const std::vector<Route>& routes() const { return routes_; }

 private:
  struct Segment {
    enum class Kind { kLiteral, kAny, kInt } kind;
    std::string text;  // literal text or parameter name
  };
  struct Compiled {
    std::vector<Segment> segments;
  };
  static Compiled Compile(const Route& route);

  std::vector<Route> routes_;
  std::vector<Compiled> compiled_;
  std::array<AccessGuard*, kAccessLevels> guards_;
};

}  // namespace careops::http
