#pragma once
// CareOps' own request and response types: handlers and middleware see these, never Beast
// types, so only http/server.cpp pays for Beast's headers.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace careops::http {

class EventSubscription;  // http/event_hub.hpp

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

Method ParseMethod(std::string_view text);
const char* MethodName(Method method);

// Header fields in arrival order; names compare case-insensitively.
class Headers {
 public:
  void Add(std::string name, std::string value) {
    fields_.emplace_back(std::move(name), std::move(value));
  }
  // Replaces every field of that name with one.
  void Set(std::string_view name, std::string value);
  std::optional<std::string_view> Get(std::string_view name) const;
  bool Has(std::string_view name) const { return Get(name).has_value(); }
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

struct Request {
  Method method = Method::kGet;
  std::string method_text;  // as sent ("GET")
  std::string target;       // raw request-target ("/api/x?y=1"); may hold secrets: never log it
  Headers headers;
  std::string body;
  std::string remote_address;
  bool keep_alive = true;
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // When set, sent instead of `body`. Must point at memory that outlives the server
  // (embedded or start-up-loaded static assets), so large assets are never copied.
  std::optional<std::string_view> static_body;
  // When set, this answer is an event stream (built by EventStreamResponse in
  // http/event_hub.hpp): the server sends the headers, then the subscription's events as they
  // arrive, and never reads another request on the connection. `body` is ignored.
  std::shared_ptr<EventSubscription> event_stream;

  std::string_view BodyView() const { return static_body ? *static_body : std::string_view(body); }
};

}  // namespace careops::http
