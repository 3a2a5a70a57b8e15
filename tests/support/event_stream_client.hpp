#pragma once
// A raw client for server-sent event streams: sends the GET, reads the response head, then
// undoes the chunked framing (strictly: a malformed chunk throws) and hands back the SSE
// messages verbatim, so tests can assert the exact bytes a browser's EventSource would parse.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "support/http_client.hpp"

namespace careops::testing {

class EventStreamClient {
 public:
  // Connects and sends `GET target` with `Accept: text/event-stream` in HTTP/1.1 (or 1.0).
  // Throws std::runtime_error when the connection fails.
  // `authorization`, when not empty, is sent as the Authorization header.
  EventStreamClient(std::uint16_t port, std::string_view target, bool http10 = false,
                    const std::string& authorization = "");

  // Reads the response head. Throws on timeout or when the connection ends first.
  const ClientResponse& ReadHead(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // Reads until `count` whole messages (each ending with a blank line) arrived and returns
  // them verbatim, oldest first. Throws on timeout, on the stream's end first, or on bad framing.
  std::vector<std::string> ReadMessages(
      std::size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // Reads (keeping any messages) until the server closes the connection; false on timeout.
  bool EndsWithin(std::chrono::milliseconds timeout);
  // True once the last chunk (the server's deliberate end of the body) has arrived.
  bool ended_cleanly() const { return last_chunk_; }
  // Closes the client's side at once: a reader going away.
  void Disconnect() { connection_.Close(); }

 private:
  // Reads once more and decodes what arrived.
  RawConnection::ReadOutcome ReadMore(std::chrono::steady_clock::time_point deadline);
  void Decode();

  RawConnection connection_;
  ClientResponse head_;  // status 0 until the head has arrived
  bool chunked_ = false;
  bool last_chunk_ = false;
  bool closed_ = false;
  std::string raw_;   // received, not yet decoded
  std::string body_;  // decoded, not yet handed out
};

}  // namespace careops::testing
