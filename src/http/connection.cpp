#include "http/connection.hpp"

#include <strings.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <exception>
#include <limits>
#include <span>
#include <string_view>

#include <spdlog/spdlog.h>

namespace careops::http {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t kFirstReadBytes = 1024;
constexpr std::size_t kIdleBufferBytes = 16 << 10;  // larger idle buffers are released
constexpr std::size_t kLingerMaxBytes = 1 << 20;
constexpr std::chrono::milliseconds kLingerTimeout = 1s;

auto Await(beast::error_code& ec) { return net::redirect_error(net::use_awaitable, ec); }

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// Headers the server itself owns in every answer.
bool IsFramingHeader(std::string_view name) {
  return IEquals(name, "Content-Length") || IEquals(name, "Transfer-Encoding") ||
         IEquals(name, "Connection");
}

bool HasLineBreak(std::string_view text) { return text.find_first_of("\r\n") != text.npos; }

Request ToRequest(bhttp::request<bhttp::string_body>&& message, const std::string& remote) {
  Request request;
  request.method_text = std::string(message.method_string());
  request.method = ParseMethod(request.method_text);
  request.target = std::string(message.target());
  for (const auto& field : message) {
    request.headers.Add(std::string(field.name_string()), std::string(field.value()));
  }
  request.keep_alive = message.keep_alive();
  request.body = std::move(message.body());
  request.remote_address = remote;
  return request;
}

// What stays behind one Responder: the suspended coroutine's completion handler, moved out by
// the first call. `core` is declared first so it is destroyed last: dropping an uncalled
// completion posts the coroutine's destruction to the io_context, which must still exist.
template <typename Completion>
struct PendingAnswer {
  std::shared_ptr<ServerCore> core;
  std::mutex mutex;
  std::optional<Completion> completion;  // GUARDED_BY(mutex)
};

// Runs the handler and completes with its Response on the connection's strand. The Responder
// may be called from any thread, once; later calls are logged and ignored. A Responder that
// is destroyed without being called ends the connection without an answer.
template <typename Token>
auto AsyncHandle(ServerCore& core, Request request, Token&& token) {
  auto initiation = [](auto completion, ServerCore* core, Request request) {
    using Completion = decltype(completion);
    auto pending = std::make_shared<PendingAnswer<Completion>>();
    pending->core = core->shared_from_this();
    pending->completion.emplace(std::move(completion));
    Responder respond = [pending](Response response) {
      std::optional<Completion> completion;
      {
        std::lock_guard lock(pending->mutex);
        if (pending->completion) {
          completion.emplace(std::move(*pending->completion));
          pending->completion.reset();
        }
      }
      if (!completion) {
        spdlog::error("http: a Responder was called more than once");
        return;
      }
      auto executor = net::get_associated_executor(*completion);
      net::post(executor,
                [completion = std::move(*completion), response = std::move(response)]() mutable {
                  completion(std::move(response));
                });
    };
    try {
      core->handler().Handle(std::move(request), respond);
    } catch (const std::exception& e) {
      spdlog::error("http: request handler threw: {}", e.what());
      respond(core->handler().Reject(500, "internal", "internal error"));
    } catch (...) {
      spdlog::error("http: request handler threw a non-exception");
      respond(core->handler().Reject(500, "internal", "internal error"));
    }
  };
  return net::async_initiate<Token, void(Response)>(std::move(initiation), token, &core,
                                                    std::move(request));
}

}  // namespace

void CopyResponseHeaders(const Response& response, bhttp::fields& fields) {
  for (const auto& [name, value] : response.headers.fields()) {
    if (IsFramingHeader(name)) continue;
    if (name.empty() || HasLineBreak(name) || HasLineBreak(value)) {
      spdlog::error("http: dropped a response header with an empty name or a line break");
      continue;
    }
    fields.insert(name, value);
  }
}

Connection::Connection(ServerCore& core, tcp::socket socket)
    : core_(core),
      executor_(socket.get_executor()),
      stream_(std::move(socket)),
      stream_timer_(executor_) {
  beast::error_code ec;
  auto endpoint = stream_.socket().remote_endpoint(ec);
  if (!ec) remote_address_ = endpoint.address().to_string();
}

Connection::~Connection() { core_.Unregister(this); }

void Connection::OnShutdown() {
  if (idle_) CloseNow();
  if (streaming_) WakeStream();
}

void Connection::CloseNow() { stream_.close(); }

net::awaitable<void> Connection::Serve(std::shared_ptr<Connection> self) {
  const ServerOptions& options = core_.options();
  beast::error_code ec;
  for (;;) {
    if (buffer_.size() == 0) {
      // Between requests: the only state in which shutdown closes the connection at once.
      if (buffer_.capacity() > kIdleBufferBytes) buffer_.shrink_to_fit();
      idle_ = true;
      if (core_.stopping()) break;
      stream_.expires_after(options.idle_timeout);
      std::size_t n = co_await stream_.async_read_some(buffer_.prepare(kFirstReadBytes), Await(ec));
      idle_ = false;
      if (ec) break;  // idle timeout, peer closed, or closed by shutdown
      buffer_.commit(n);
    }

    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(
        static_cast<std::uint32_t>(std::min<std::size_t>(options.max_header_bytes, UINT32_MAX)));
    // The body limit is set once the header is read (it may depend on the route): until
    // then the parser must not refuse a Content-Length on its own.
    parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    if (!co_await ReadRequest(parser)) co_return;

    const unsigned version = parser.get().version();
    Request request = ToRequest(parser.release(), remote_address_);
    const bool head = request.method == Method::kHead;
    const bool wants_keep_alive = request.keep_alive;
    stream_.expires_never();  // the handler's time is not the client's fault
    Response response = co_await AsyncHandle(core_, std::move(request), net::use_awaitable);
    if (response.event_stream) {
      co_await Stream(std::move(self), std::move(response), version, head);
      co_return;
    }

    auto connection = response.headers.Get("Connection");
    bool keep_alive =
        wants_keep_alive && !core_.stopping() && !(connection && IEquals(*connection, "close"));
    if (!co_await Write(response, version, head, keep_alive)) co_return;
    if (!keep_alive) {
      co_await CloseGracefully();
      co_return;
    }
  }
  stream_.close();
}

// Reads one request into `parser` under the read deadline. On failure answers what deserves
// an answer (400, 413, 431), closes the connection and returns false.
net::awaitable<bool> Connection::ReadRequest(bhttp::request_parser<bhttp::string_body>& parser) {
  beast::error_code ec;
  stream_.expires_after(core_.options().read_timeout);
  co_await bhttp::async_read_header(stream_, buffer_, parser, Await(ec));
  if (!ec && !parser.is_done()) ec = LimitBody(parser);
  if (!ec && !parser.is_done() && parser.get().version() >= 11) {
    auto expect = parser.get()[bhttp::field::expect];
    if (IEquals(expect, "100-continue")) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      co_await net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                                Await(ec));
    }
  }
  if (!ec && !parser.is_done()) co_await bhttp::async_read(stream_, buffer_, parser, Await(ec));
  if (!ec) co_return true;
  co_await Reject(ec);
  co_return false;
}

// Sets the body limit of a request whose header is read and whose body is not: the
// handler's limit for its route, else the server's. A declared Content-Length over it is
// refused at once (before 100 Continue); a chunked body is refused when it grows past it.
beast::error_code Connection::LimitBody(bhttp::request_parser<bhttp::string_body>& parser) {
  const auto& header = parser.get();
  const std::uint64_t limit = core_.handler()
                                  .BodyLimit(ParseMethod(header.method_string()), header.target())
                                  .value_or(core_.options().max_body_bytes);
  if (const auto length = parser.content_length(); length && *length > limit) {
    return bhttp::error::body_limit;
  }
  parser.body_limit(limit);  // no body byte is parsed yet: async_read_header stops before it
  return {};
}

net::awaitable<void> Connection::Reject(beast::error_code error) {
  static const beast::error_code kHttpError = bhttp::error::bad_method;
  const bool parse_error =
      error.category() == kHttpError.category() && error != bhttp::error::end_of_stream &&
      error != bhttp::error::partial_message && error != bhttp::error::short_read;
  if (!parse_error) {  // timeout, reset, peer gone: nobody to answer
    stream_.close();
    co_return;
  }
  Response response;
  if (error == bhttp::error::header_limit || error == bhttp::error::buffer_overflow) {
    response = core_.handler().Reject(431, "headers_too_large", "request headers too large");
  } else if (error == bhttp::error::body_limit) {
    response = core_.handler().Reject(413, "payload_too_large", "request body too large");
  } else {
    response = core_.handler().Reject(400, "invalid_argument", "malformed HTTP request");
  }
  spdlog::debug("http: rejected a request from {}: {}", remote_address_, error.message());
  if (co_await Write(response, 11, false, false)) co_await CloseGracefully();
}

// Writes `response` under the write deadline; false (connection closed) on failure.
net::awaitable<bool> Connection::Write(const Response& response, unsigned version, bool head,
                                       bool keep_alive) {
  int status = response.status;
  if (status < 100 || status > 599) {
    spdlog::error("http: handler answered with invalid status {}; sending 500", status);
    status = 500;
  }
  bhttp::response<bhttp::span_body<const char>> message;
  message.version(version);
  message.result(static_cast<unsigned>(status));
  CopyResponseHeaders(response, message);
  const std::string_view body = response.BodyView();
  // RFC 9110 §8.6: no Content-Length (and no body) on 1xx and 204; 304 carries no body.
  const bool bodiless = status < 200 || status == 204 || status == 304;
  if (!bodiless) {
    message.set(bhttp::field::content_length, std::to_string(body.size()));
    if (!head) message.body() = std::span<const char>(body.data(), body.size());
  }
  message.keep_alive(keep_alive);

  beast::error_code ec;
  stream_.expires_after(core_.options().write_timeout);
  co_await bhttp::async_write(stream_, message, Await(ec));
  if (ec) {
    spdlog::debug("http: write to {} failed: {}", remote_address_, ec.message());
    stream_.close();
    co_return false;
  }
  co_return true;
}

// Closes after an answer without resetting it: stop sending, then read and discard whatever
// the client still sends (briefly, boundedly) so that closing with unread bytes does not make
// the kernel send a reset that could destroy the answer before the client has read it.
net::awaitable<void> Connection::CloseGracefully() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream_.expires_after(
      std::min<std::chrono::milliseconds>(kLingerTimeout, core_.options().read_timeout));
  std::array<char, 4096> scratch;
  std::size_t drained = 0;
  while (!ec && drained < kLingerMaxBytes) {
    drained += co_await stream_.async_read_some(net::buffer(scratch), Await(ec));
  }
  stream_.close();
}

}  // namespace careops::http
