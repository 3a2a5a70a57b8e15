#include "support/loopback_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace careops::testing {
namespace {

using SteadyClock = std::chrono::steady_clock;

// Stop checks happen at least this often while blocked.
constexpr int kPollSliceMs = 50;

}  // namespace

Socket::~Socket() { ::close(fd_); }

bool Socket::Fill(SteadyClock::time_point deadline) {
  for (;;) {
    if (stopping_.load()) return false;
    if (SteadyClock::now() >= deadline) return false;
    pollfd p{fd_, POLLIN, 0};
    const int ready = ::poll(&p, 1, kPollSliceMs);
    if (ready < 0 && errno != EINTR) return false;
    if (ready <= 0) continue;
    char chunk[8192];
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n > 0) {
      buffer_.append(chunk, static_cast<std::size_t>(n));
      return true;
    }
    if (n == 0) return false;
    if (errno != EINTR && errno != EAGAIN) return false;
  }
}

bool Socket::ReadLine(std::string& line, std::chrono::milliseconds timeout, std::size_t max_bytes) {
  const auto deadline = SteadyClock::now() + timeout;
  for (;;) {
    const auto eol = buffer_.find('\n');
    if (eol != std::string::npos) {
      line.assign(buffer_, 0, eol);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      buffer_.erase(0, eol + 1);
      return true;
    }
    if (buffer_.size() > max_bytes || !Fill(deadline)) return false;
  }
}

bool Socket::ReadExactly(std::size_t n, std::string& out, std::chrono::milliseconds timeout) {
  const auto deadline = SteadyClock::now() + timeout;
  while (buffer_.size() < n) {
    if (!Fill(deadline)) return false;
  }
  out.assign(buffer_, 0, n);
  buffer_.erase(0, n);
  return true;
}

bool Socket::Write(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n > 0) {
      bytes.remove_prefix(static_cast<std::size_t>(n));
    } else if (n < 0 && errno != EINTR && errno != EAGAIN) {
      return false;
    }
  }
  return true;
}

void Socket::WaitForPeerClose() {
  while (Fill(SteadyClock::time_point::max())) buffer_.clear();
}

LoopbackServer::LoopbackServer(Handler handler) : handler_(std::move(handler)) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listen_fd_ < 0) throw std::runtime_error("loopback_server: socket failed");
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = 0;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listen_fd_, 64) != 0 ||
      ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(listen_fd_);
    throw std::runtime_error(std::string("loopback_server: bind/listen failed: ") +
                             std::strerror(errno));
  }
  port_ = ntohs(address.sin_port);
  acceptor_ = std::thread([this] { AcceptLoop(); });
}

LoopbackServer::~LoopbackServer() {
  stopping_.store(true);
  acceptor_.join();
  ::close(listen_fd_);
  std::vector<std::thread> connections;
  {
    std::lock_guard lock(mutex_);
    connections.swap(connections_);
  }
  for (auto& t : connections) t.join();
}

void LoopbackServer::AcceptLoop() {
  while (!stopping_.load()) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, kPollSliceMs) <= 0) continue;
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    std::lock_guard lock(mutex_);
    connections_.emplace_back([this, fd] {
      Socket socket(fd, stopping_);
      handler_(socket);
    });
  }
}

}  // namespace careops::testing
