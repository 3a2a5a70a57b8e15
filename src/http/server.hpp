#pragma once
// The HTTP/1.1 server: Boost.Beast on Boost.Asio with C++20 coroutines, one coroutine per
// connection on `io_threads` threads. It parses and limits requests, hands each one to a
// RequestHandler and writes the answer. It never runs application code on an io thread
// unless the handler chooses to (the handler decides inline vs. worker pool).
//
// Limits: body and header size (413 / 431, then close; the body limit may differ per request,
// see RequestHandler::BodyLimit), a read deadline per request (a client
// that trickles its headers is cut off), an idle deadline between keep-alive requests, and a
// maximum number of open connections (over it, new connections are closed at once).
//
// Event streams (a Response with `event_stream` set, see http/event_hub.hpp): the connection
// sends the events as they arrive, a keep-alive comment after `event_keepalive` of silence,
// and ends when the subscription closes, the client leaves or shutdown starts.
//
// Shutdown (Shutdown(), or SIGTERM/SIGINT when handle_signals): stop accepting, close idle
// connections, end event streams, let requests in flight finish (their answers carry
// `Connection: close`), then Run() returns. Beast stays inside server.cpp; this header is cheap
// to include.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace careops::http {

// Called exactly once with the answer, from any thread; copies share that one call (later
// calls are logged and ignored). Destroying every copy uncalled closes the connection without
// an answer. A responder that is kept but never called holds its connection open until
// shutdown_timeout cuts it. Calling (or dropping) a responder after the Server is gone is safe.
using Responder = std::function<void(Response)>;

class RequestHandler {
 public:
  virtual ~RequestHandler() = default;
  // Must eventually call `respond` exactly once. May call it before returning (inline) or
  // later from another thread (worker pool). Must not block for long.
  virtual void Handle(Request request, Responder respond) = 0;
  // Builds the answer for a request the server rejected before it was complete
  // (400 malformed, 413, 431). Runs on an io thread; must be cheap.
  virtual Response Reject(int status, std::string_view code, std::string_view message) = 0;
  // The largest body to accept for a request with this method and raw target when it differs
  // from ServerOptions::max_body_bytes (nullopt: that default). Asked once the header is read,
  // before any body byte is read or 100 Continue is sent, and only for requests with a body.
  // Runs on an io thread; must be cheap and thread-safe.
  virtual std::optional<std::size_t> BodyLimit(Method /*method*/, std::string_view /*target*/) {
    return std::nullopt;
  }
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8000;  // 0 = any free port; see Server::port()
  int io_threads = 2;
  std::size_t max_body_bytes = 1 << 20;  // unless RequestHandler::BodyLimit says otherwise
  std::size_t max_header_bytes = 16 << 10;
  std::chrono::milliseconds read_timeout{10'000};  // first byte to complete request
  std::chrono::milliseconds idle_timeout{60'000};  // between keep-alive requests
  std::chrono::milliseconds write_timeout{30'000};
  std::chrono::milliseconds shutdown_timeout{30'000};  // then remaining connections are cut
  std::size_t max_connections = 10'000;
  std::chrono::milliseconds event_keepalive{15'000};  // silence before a `: keep-alive` comment
  bool handle_signals = false;                        // SIGTERM / SIGINT start a graceful shutdown
};

class Server {
 public:
  Server(ServerOptions options, RequestHandler& handler);
  ~Server();  // only once Run() has returned in every thread, or was never called
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; throws std::runtime_error naming the address when it cannot.
  void Listen();
  // The bound port (after Listen()).
  std::uint16_t port() const;
  // Serves on io_threads threads (the caller's among them) until shutdown completes.
  void Run();
  // Starts a graceful shutdown. Thread-safe, idempotent, returns at once.
  void Shutdown();
  // Open connections right now, and those of them sending an event stream (for metrics).
  std::size_t connections() const;
  std::size_t event_streams() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace careops::http
