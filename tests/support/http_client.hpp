#pragma once
// A small blocking HTTP/1.1 client and a raw socket for tests that talk to a real server on
// 127.0.0.1. Every call has a timeout so a broken server fails a test instead of hanging it.

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace careops::testing {

struct ClientResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;

  std::string Header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
  nlohmann::json Json() const { return nlohmann::json::parse(body); }  // throws on bad JSON
};

// One request on a fresh connection (Connection: close). Throws std::runtime_error on a
// connection failure or timeout.
ClientResponse Request(std::uint16_t port, std::string_view method, std::string_view target,
                       std::string_view body = {},
                       const std::map<std::string, std::string>& headers = {},
                       std::chrono::milliseconds timeout = std::chrono::seconds(10));
inline ClientResponse Get(std::uint16_t port, std::string_view target) {
  return Request(port, "GET", target);
}
inline ClientResponse PostJson(std::uint16_t port, std::string_view target, std::string_view json) {
  return Request(port, "POST", target, json, {{"Content-Type", "application/json"}});
}

// A plain TCP connection for sending hand-made bytes.
class RawConnection {
 public:
  explicit RawConnection(std::uint16_t port);  // connects or throws
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  // Writes bytes; false when the peer has closed the connection.
  bool Send(std::string_view bytes);
  // Reads until the peer closes or `timeout` passes; returns what arrived.
  std::string ReadUntilClose(std::chrono::milliseconds timeout);
  // Reads one complete HTTP response (headers + Content-Length body) or throws on timeout.
  ClientResponse ReadResponse(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // True when the peer closed the connection within `timeout` (reads and discards data).
  bool ClosedWithin(std::chrono::milliseconds timeout);

  enum class ReadOutcome { kData, kClosed, kTimeout };
  // Appends the next bytes to arrive (first any read past the last response) to `out`.
  ReadOutcome ReadNext(std::string& out, std::chrono::milliseconds timeout);
  // Closes this side now; later calls fail.
  void Close();

 private:
  int fd_ = -1;
  std::string pending_;  // bytes read past the last response
};

// Parses one HTTP response from `raw` (status line, headers, body by Content-Length).
// Throws std::runtime_error when incomplete or malformed.
ClientResponse ParseResponse(std::string_view raw);
// Parses the head (status line and headers, up to the blank line) of a response, whatever its
// framing; `body` stays empty. Throws std::runtime_error when incomplete or malformed.
ClientResponse ParseResponseHead(std::string_view raw);

}  // namespace careops::testing
