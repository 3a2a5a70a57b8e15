#include "support/http_client.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <optional>
#include <stdexcept>

namespace careops::testing {
namespace {

using Clock = std::chrono::steady_clock;

std::runtime_error Failure(const std::string& what) {
  return std::runtime_error("http_client: " + what);
}

std::runtime_error SystemFailure(const std::string& what) {
  return Failure(what + ": " + std::strerror(errno));
}

// Waits until `fd` is ready for `events` or the deadline passes; false on timeout.
bool WaitFor(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() < 0) return false;
    pollfd p{fd, events, 0};
    int ready = ::poll(&p, 1, static_cast<int>(left.count()) + 1);
    if (ready > 0) return true;
    if (ready == 0) {
      if (Clock::now() >= deadline) return false;
      continue;
    }
    if (errno != EINTR) throw SystemFailure("poll");
  }
}

int Connect(std::uint16_t port, Clock::time_point deadline) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) throw SystemFailure("socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    if (errno != EINPROGRESS) {
      auto error = SystemFailure("connect to port " + std::to_string(port));
      ::close(fd);
      throw error;
    }
    int so_error = 0;
    socklen_t length = sizeof so_error;
    if (!WaitFor(fd, POLLOUT, deadline) ||
        ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &length) != 0 || so_error != 0) {
      ::close(fd);
      throw Failure("connect to port " + std::to_string(port) + " failed or timed out");
    }
  }
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

// Sends everything; false when the peer has closed the connection.
bool SendAll(int fd, std::string_view bytes, Clock::time_point deadline) {
  while (!bytes.empty()) {
    ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n > 0) {
      bytes.remove_prefix(static_cast<std::size_t>(n));
    } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
      if (!WaitFor(fd, POLLOUT, deadline)) throw Failure("send timed out");
    } else if (errno == EPIPE || errno == ECONNRESET) {
      return false;
    } else if (errno != EINTR) {
      throw SystemFailure("send");
    }
  }
  return true;
}

enum class ReadResult { kData, kClosed, kTimeout };

// Appends what arrives to `out`. A reset counts as closed.
ReadResult ReadSome(int fd, std::string& out, Clock::time_point deadline) {
  char chunk[16384];
  for (;;) {
    ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n > 0) {
      out.append(chunk, static_cast<std::size_t>(n));
      return ReadResult::kData;
    }
    if (n == 0 || errno == ECONNRESET) return ReadResult::kClosed;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      if (!WaitFor(fd, POLLIN, deadline)) return ReadResult::kTimeout;
    } else if (errno != EINTR) {
      throw SystemFailure("recv");
    }
  }
}

std::string Lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

struct Parsed {
  ClientResponse response;
  std::size_t consumed = 0;
};

// One response from the front of `raw`; nullopt while incomplete. `head`: the request was
// HEAD, so no body follows whatever Content-Length says. `at_eof`: nothing more will arrive,
// which completes a body delimited by the end of the connection. Throws when malformed.
std::optional<Parsed> TryParse(std::string_view raw, bool head, bool at_eof) {
  const std::size_t header_end = raw.find("\r\n\r\n");
  if (header_end == raw.npos) return std::nullopt;
  std::string_view head_text = raw.substr(0, header_end);
  std::size_t line_end = head_text.find("\r\n");
  std::string_view status_line = head_text.substr(0, line_end);
  if (!status_line.starts_with("HTTP/1.") || status_line.size() < 12 || status_line[8] != ' ') {
    throw Failure("malformed status line");
  }
  Parsed parsed;
  ClientResponse& response = parsed.response;
  std::string status_text(status_line.substr(9, 3));
  if (!std::all_of(status_text.begin(), status_text.end(),
                   [](unsigned char c) { return std::isdigit(c) != 0; })) {
    throw Failure("malformed status code");
  }
  response.status = std::stoi(status_text);
  while (line_end != head_text.npos) {
    const std::size_t start = line_end + 2;
    line_end = head_text.find("\r\n", start);
    std::string_view line =
        head_text.substr(start, line_end == head_text.npos ? head_text.npos : line_end - start);
    const std::size_t colon = line.find(':');
    if (colon == line.npos || colon == 0) throw Failure("malformed header line");
    std::string name = Lower(line.substr(0, colon));
    std::string value(Trim(line.substr(colon + 1)));
    auto [it, inserted] = response.headers.emplace(name, value);
    if (!inserted) it->second += ", " + value;
  }

  const std::size_t body_start = header_end + 4;
  const bool bodiless =
      head || response.status < 200 || response.status == 204 || response.status == 304;
  if (bodiless) {
    parsed.consumed = body_start;
    return parsed;
  }
  if (response.headers.count("transfer-encoding")) {
    throw Failure("Transfer-Encoding responses are not supported by this test client");
  }
  if (auto it = response.headers.find("content-length"); it != response.headers.end()) {
    std::size_t length = 0;
    try {
      length = std::stoul(it->second);
    } catch (const std::exception&) {
      throw Failure("malformed Content-Length");
    }
    if (raw.size() - body_start < length) return std::nullopt;
    response.body = std::string(raw.substr(body_start, length));
    parsed.consumed = body_start + length;
    return parsed;
  }
  if (!at_eof) return std::nullopt;  // the body ends when the connection does
  response.body = std::string(raw.substr(body_start));
  parsed.consumed = raw.size();
  return parsed;
}

// Reads one response from `fd`, starting with the bytes already in `pending`; leaves bytes
// past it in `pending`.
ClientResponse ReadOne(int fd, std::string& pending, bool head, Clock::time_point deadline) {
  bool closed = false;
  for (;;) {
    if (auto parsed = TryParse(pending, head, closed)) {
      pending.erase(0, parsed->consumed);
      return std::move(parsed->response);
    }
    if (closed) throw Failure("connection closed before a complete response");
    switch (ReadSome(fd, pending, deadline)) {
      case ReadResult::kData:
        break;
      case ReadResult::kClosed:
        closed = true;
        break;
      case ReadResult::kTimeout:
        throw Failure("timed out waiting for a response");
    }
  }
}

}  // namespace

ClientResponse Request(std::uint16_t port, std::string_view method, std::string_view target,
                       std::string_view body, const std::map<std::string, std::string>& headers,
                       std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  std::string request;
  request.append(method).append(" ").append(target).append(" HTTP/1.1\r\n");
  request.append("Host: 127.0.0.1:").append(std::to_string(port)).append("\r\n");
  request.append("Connection: close\r\n");
  for (const auto& [name, value] : headers) request.append(name + ": " + value + "\r\n");
  const bool sends_body = !body.empty() || method == "POST" || method == "PUT" || method == "PATCH";
  if (sends_body) request.append("Content-Length: " + std::to_string(body.size()) + "\r\n");
  request.append("\r\n").append(body);

  const int fd = Connect(port, deadline);
  try {
    if (!SendAll(fd, request, deadline)) throw Failure("connection closed while sending");
    std::string pending;
    ClientResponse response = ReadOne(fd, pending, method == "HEAD", deadline);
    ::close(fd);
    return response;
  } catch (...) {
    ::close(fd);
    throw;
  }
}

RawConnection::RawConnection(std::uint16_t port)
    : fd_(Connect(port, Clock::now() + std::chrono::seconds(10))) {}

RawConnection::~RawConnection() {
  if (fd_ >= 0) ::close(fd_);
}

bool RawConnection::Send(std::string_view bytes) {
  return SendAll(fd_, bytes, Clock::now() + std::chrono::seconds(10));
}

std::string RawConnection::ReadUntilClose(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  std::string received = std::move(pending_);
  pending_.clear();
  while (ReadSome(fd_, received, deadline) == ReadResult::kData) {
  }
  return received;
}

ClientResponse RawConnection::ReadResponse(std::chrono::milliseconds timeout) {
  return ReadOne(fd_, pending_, /*head=*/false, Clock::now() + timeout);
}

bool RawConnection::ClosedWithin(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  pending_.clear();
  std::string discarded;
  for (;;) {
    switch (ReadSome(fd_, discarded, deadline)) {
      case ReadResult::kData:
        discarded.clear();
        break;
      case ReadResult::kClosed:
        return true;
      case ReadResult::kTimeout:
        return false;
    }
  }
}

RawConnection::ReadOutcome RawConnection::ReadNext(std::string& out,
                                                   std::chrono::milliseconds timeout) {
  if (!pending_.empty()) {
    out += pending_;
    pending_.clear();
    return ReadOutcome::kData;
  }
  switch (ReadSome(fd_, out, Clock::now() + timeout)) {
    case ReadResult::kData:
      return ReadOutcome::kData;
    case ReadResult::kClosed:
      return ReadOutcome::kClosed;
    case ReadResult::kTimeout:
      break;
  }
  return ReadOutcome::kTimeout;
}

void RawConnection::Close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

ClientResponse ParseResponseHead(std::string_view raw) {
  auto parsed = TryParse(raw, /*head=*/true, /*at_eof=*/true);
  if (!parsed) throw Failure("incomplete HTTP response head");
  return std::move(parsed->response);
}

ClientResponse ParseResponse(std::string_view raw) {
  auto parsed = TryParse(raw, /*head=*/false, /*at_eof=*/true);
  if (!parsed) throw Failure("incomplete HTTP response");
  return std::move(parsed->response);
}

}  // namespace careops::testing
