#pragma once
// A tiny blocking TCP server on 127.0.0.1 port 0 for protocol fakes (fake Twilio, SMTP sink):
// one accept thread, one thread per connection. Handlers read and write through Socket, whose
// calls give up when the peer closes or the server stops, so destruction never hangs.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace careops::testing {

// One accepted connection. Used by its handler thread only.
class Socket {
 public:
  Socket(int fd, const std::atomic<bool>& stopping) : fd_(fd), stopping_(stopping) {}
  ~Socket();
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;

  // One line without its CRLF (or bare LF). False when the peer closed, the server is
  // stopping, `timeout` passed, or the line exceeds `max_bytes`.
  bool ReadLine(std::string& line, std::chrono::milliseconds timeout = std::chrono::seconds(10),
                std::size_t max_bytes = 64 * 1024);
  // Exactly `n` bytes (after any buffered ones). False as for ReadLine.
  bool ReadExactly(std::size_t n, std::string& out,
                   std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // False when the peer has gone.
  bool Write(std::string_view bytes);
  // Blocks until the peer closes the connection or the server stops (a hanging server).
  void WaitForPeerClose();

 private:
  // Reads more bytes into buffer_; false on close, stop or deadline.
  bool Fill(std::chrono::steady_clock::time_point deadline);

  int fd_;
  const std::atomic<bool>& stopping_;
  std::string buffer_;
};

class LoopbackServer {
 public:
  using Handler = std::function<void(Socket&)>;
  // Starts listening at once; `handler` runs once per connection, on that connection's thread.
  explicit LoopbackServer(Handler handler);
  // Stops accepting, makes every Socket call fail, joins all threads.
  ~LoopbackServer();
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  std::uint16_t port() const { return port_; }

 private:
  void AcceptLoop();

  Handler handler_;
  int listen_fd_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::vector<std::thread> connections_;  // GUARDED_BY(mutex_)
  std::thread acceptor_;
};

}  // namespace careops::testing
