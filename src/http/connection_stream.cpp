// The event-stream half of Connection: once a handler answers with an EventSubscription, the
// connection stops reading requests and sends server-sent events until the subscription
// closes, the client leaves, a write fails or times out, or the server shuts down.
//
// Framing: HTTP/1.1 answers are chunked (one chunk per batch of events or keep-alive comment,
// ended by the last chunk when the server ends the stream), with `Connection: close`: the
// connection is never reused after a stream. HTTP/1.0 answers end with the connection.
//
// Two coroutines share the connection's strand while it streams: Stream() writes, and
// WatchPeer() reads (and discards) so that a client closing its side is seen at once rather
// than at the next write. They meet through members touched on the strand only, and
// WakeStream() (a timer cancel) interrupts Stream()'s wait.

#include <algorithm>
#include <array>
#include <chrono>
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "http/connection.hpp"
#include "http/event_hub.hpp"

namespace careops::http {
namespace {

using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

constexpr std::string_view kKeepAlive = ": keep-alive\n\n";
constexpr std::string_view kLastChunk = "0\r\n\r\n";
constexpr std::size_t kMaxDiscardedBytes = 64 << 10;  // a client has nothing to send meanwhile
constexpr std::chrono::milliseconds kLingerTimeout = 1s;

auto Await(beast::error_code& ec) { return net::redirect_error(net::use_awaitable, ec); }

// Counts one stream in ServerCore::event_streams() for its lifetime.
class StreamCount {
 public:
  explicit StreamCount(ServerCore& core) : core_(core) { core_.StreamStarted(); }
  ~StreamCount() { core_.StreamEnded(); }
  StreamCount(const StreamCount&) = delete;
  StreamCount& operator=(const StreamCount&) = delete;

 private:
  ServerCore& core_;
};

}  // namespace

net::awaitable<void> Connection::Stream(std::shared_ptr<Connection> self, Response response,
                                        unsigned version, bool head) {
  std::shared_ptr<EventSubscription> subscription = std::move(response.event_stream);
  chunked_ = version >= 11;
  if (!co_await WriteStreamHead(response, version)) co_return;
  if (head) {
    co_await CloseGracefully();
    co_return;
  }

  // Publishers call this on their own threads. Holding the core while posting keeps the
  // io_context alive for the post; a stream already gone is skipped on the strand.
  subscription->OnReady([connection = std::weak_ptr<Connection>(self),
                         weak_core = core_.weak_from_this(), executor = executor_] {
    if (auto core = weak_core.lock()) {
      net::post(executor, [connection] {
        if (auto alive = connection.lock()) alive->WakeStream();
      });
    }
  });
  net::co_spawn(executor_, WatchPeer(self), net::detached);
  std::string_view ended_by;
  {
    StreamCount counted(core_);
    streaming_ = true;
    ended_by = co_await SendEvents(*subscription);
    streaming_ = false;
  }
  subscription->OnReady(nullptr);
  subscription.reset();  // unsubscribes now rather than when this frame goes
  spdlog::debug("http: event stream to {} ended: {}", remote_address_, ended_by);
  co_await EndStream();
}

// Sends the subscription's events as they come, and keep-alive comments in silences, until
// the stream must end; returns why.
net::awaitable<std::string_view> Connection::SendEvents(EventSubscription& subscription) {
  const std::chrono::milliseconds keepalive = core_.options().event_keepalive;
  SteadyClock::time_point quiet_until = SteadyClock::now() + keepalive;
  beast::error_code ec;
  for (;;) {
    if (core_.stopping()) co_return "shutdown";
    if (peer_gone_) co_return "client gone";
    std::string text;
    for (const auto& event : subscription.Take()) text += event->frame;
    if (text.empty() && subscription.closed()) co_return "subscription closed";
    if (text.empty() && SteadyClock::now() >= quiet_until) text = kKeepAlive;
    if (text.empty()) {
      stream_timer_.expires_at(quiet_until);
      co_await stream_timer_.async_wait(Await(ec));  // or earlier, by WakeStream()
      continue;
    }
    if (!co_await WriteStreamBytes(text)) co_return "write failed";
    quiet_until = SteadyClock::now() + keepalive;
  }
}

// The answer's head (the same for HEAD): always 200 text/event-stream, not cached, not
// buffered by a proxy.
net::awaitable<bool> Connection::WriteStreamHead(const Response& response, unsigned version) {
  bhttp::response<bhttp::empty_body> message;
  message.version(version);
  message.result(bhttp::status::ok);
  CopyResponseHeaders(response, message);
  message.set(bhttp::field::content_type, "text/event-stream");
  message.set(bhttp::field::cache_control, "no-store");
  message.set("X-Accel-Buffering", "no");
  message.keep_alive(false);
  if (chunked_) message.chunked(true);

  bhttp::response_serializer<bhttp::empty_body> serializer(message);
  beast::error_code ec;
  stream_.expires_after(core_.options().write_timeout);
  co_await bhttp::async_write_header(stream_, serializer, Await(ec));
  stream_.expires_never();
  if (ec) {
    spdlog::debug("http: write to {} failed: {}", remote_address_, ec.message());
    stream_.close();
    co_return false;
  }
  co_return true;
}

// Writes `bytes` of the stream's body (as one chunk when chunked) under the write deadline;
// false (connection closed) on failure.
net::awaitable<bool> Connection::WriteStreamBytes(std::string_view bytes) {
  std::string framed;
  if (chunked_) {
    framed = fmt::format("{:x}\r\n", bytes.size());
    framed.append(bytes).append("\r\n");
    bytes = framed;
  }
  beast::error_code ec;
  stream_.expires_after(core_.options().write_timeout);
  co_await net::async_write(stream_, net::buffer(bytes.data(), bytes.size()), Await(ec));
  stream_.expires_never();
  if (ec) {
    spdlog::debug("http: event stream write to {} failed: {}", remote_address_, ec.message());
    stream_.close();
    co_return false;
  }
  co_return true;
}

// Reads while the stream runs, straight from the socket (no deadline: silence is normal), and
// discards what arrives. Ends when the client closes or resets, sends more than a client has
// reason to, or the socket is closed; then wakes Stream().
net::awaitable<void> Connection::WatchPeer([[maybe_unused]] std::shared_ptr<Connection> self) {
  watching_peer_ = true;
  std::array<char, 1024> scratch;
  std::size_t discarded = 0;
  beast::error_code ec;
  while (!ec && discarded <= kMaxDiscardedBytes) {
    discarded += co_await stream_.socket().async_read_some(net::buffer(scratch), Await(ec));
  }
  watching_peer_ = false;
  peer_gone_ = true;
  WakeStream();
}

// Ends the body (last chunk) unless the client is gone, stops sending, and gives the client a
// moment to close its side first so that the close does not reset the connection under it.
net::awaitable<void> Connection::EndStream() {
  beast::error_code ec;
  if (!peer_gone_ && chunked_ && stream_.socket().is_open()) {
    stream_.expires_after(core_.options().write_timeout);
    co_await net::async_write(stream_, net::buffer(kLastChunk.data(), kLastChunk.size()),
                              Await(ec));
    stream_.expires_never();
  }
  if (stream_.socket().is_open()) stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  if (watching_peer_) {
    stream_timer_.expires_after(std::min(kLingerTimeout, core_.options().read_timeout));
    co_await stream_timer_.async_wait(Await(ec));  // or earlier, when WatchPeer() ends
  }
  stream_.close();
}

void Connection::WakeStream() { stream_timer_.cancel(); }

}  // namespace careops::http
