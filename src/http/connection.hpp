#pragma once
// Internals of http::Server shared by server.cpp, connection.cpp and connection_stream.cpp.
// Includes Beast: include it from those files only.
//
// Ownership: Server owns a shared_ptr<ServerCore>. Every Responder that is still alive holds
// another, so the io_context (and the connection registry that connections touch when they are
// destroyed) outlives any responder a handler keeps, even past ~Server. Coroutine frames and
// posted handlers refer to the core by raw pointer: they live inside its io_context.

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "http/asio.hpp"
#include "http/server.hpp"

namespace careops::http {

class Connection;

// Copies a handler's headers into a Beast message, leaving out the framing headers the server
// owns (Content-Length, Transfer-Encoding, Connection) and any with an empty name or a line
// break (logged).
void CopyResponseHeaders(const Response& response, bhttp::fields& fields);

class ServerCore : public std::enable_shared_from_this<ServerCore> {
 public:
  ServerCore(ServerOptions options, RequestHandler& handler);
  ~ServerCore();
  ServerCore(const ServerCore&) = delete;
  ServerCore& operator=(const ServerCore&) = delete;

  // Server's public operations; same contracts as in server.hpp.
  void Listen();
  std::uint16_t port() const { return port_.load(); }
  void Run();
  void Shutdown();
  std::size_t connections() const;
  std::size_t event_streams() const { return streams_.load(); }
  // A connection starts / stops sending an event stream. Thread-safe.
  void StreamStarted() { streams_.fetch_add(1); }
  void StreamEnded() { streams_.fetch_sub(1); }

  const ServerOptions& options() const { return options_; }
  RequestHandler& handler() { return handler_; }
  // True once a graceful shutdown has started. Thread-safe.
  bool stopping() const { return stopping_.load(); }
  // Called by ~Connection (any thread, possibly while the io_context is being destroyed).
  void Unregister(const Connection* connection);

 private:
  net::awaitable<void> AcceptLoop();
  void WaitForSignal();
  void RunThread();
  std::vector<std::shared_ptr<Connection>> LiveConnections() const;
  // Stops the io_context once no connection is left after Shutdown(). Idempotent.
  void FinishIfDrained();
  void Finish();

  const ServerOptions options_;
  RequestHandler& handler_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> finished_{false};
  std::atomic<std::uint16_t> port_{0};
  std::atomic<std::size_t> streams_{0};

  // Declared before io_context_: connections destroyed with the io_context still use them.
  mutable std::mutex mutex_;
  std::unordered_map<const Connection*, std::weak_ptr<Connection>> live_;  // GUARDED_BY(mutex_)

  net::io_context io_context_;
  net::executor_work_guard<net::io_context::executor_type> work_;
  // The acceptor, the signal set and the shutdown timer are used on this strand only.
  net::strand<net::io_context::executor_type> control_;
  tcp::acceptor acceptor_;
  net::steady_timer shutdown_timer_;
  std::optional<net::signal_set> signals_;
};

// One client connection: reads requests one at a time, hands each to the RequestHandler and
// writes its answer; an event stream answer ends the request loop (connection_stream.cpp).
// Everything but construction, executor() and the destructor runs on the connection's strand.
class Connection {
 public:
  Connection(ServerCore& core, tcp::socket socket);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // The connection's strand. Thread-safe (never changes).
  const net::any_io_executor& executor() const { return executor_; }
  // The request loop; `self` keeps the connection alive until it returns.
  net::awaitable<void> Serve(std::shared_ptr<Connection> self);
  // Shutdown: closes the connection when it is waiting for a next request, ends its event
  // stream when it sends one. On the strand.
  void OnShutdown();
  // Closes the socket whatever it is doing. On the strand, or once no io thread runs.
  void CloseNow();

 private:
  net::awaitable<bool> ReadRequest(bhttp::request_parser<bhttp::string_body>& parser);
  beast::error_code LimitBody(bhttp::request_parser<bhttp::string_body>& parser);
  net::awaitable<void> Reject(beast::error_code error);  // by value: a coroutine
  net::awaitable<bool> Write(const Response& response, unsigned version, bool head,
                             bool keep_alive);
  net::awaitable<void> CloseGracefully();

  // Event streams (connection_stream.cpp). Stream() owns the connection from the answer on.
  net::awaitable<void> Stream(std::shared_ptr<Connection> self, Response response, unsigned version,
                              bool head);
  net::awaitable<std::string_view> SendEvents(EventSubscription& subscription);
  net::awaitable<bool> WriteStreamHead(const Response& response, unsigned version);
  net::awaitable<bool> WriteStreamBytes(std::string_view bytes);
  net::awaitable<void> WatchPeer(std::shared_ptr<Connection> self);
  net::awaitable<void> EndStream();
  // Wakes the stream loop: events arrived, the subscription closed, the peer left, shutdown.
  void WakeStream();

  ServerCore& core_;
  net::any_io_executor executor_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::string remote_address_;
  bool idle_ = false;  // waiting for the first byte of a request
  // Event stream state. The timer paces keep-alive comments; WakeStream() cancels its wait.
  net::steady_timer stream_timer_;
  bool streaming_ = false;
  bool chunked_ = false;        // HTTP/1.1: chunked framing; HTTP/1.0: ends with the connection
  bool peer_gone_ = false;      // the client closed or reset its side
  bool watching_peer_ = false;  // WatchPeer() is reading
};

}  // namespace careops::http
