#include "support/event_stream_client.hpp"

#include <algorithm>
#include <stdexcept>

namespace careops::testing {
namespace {

using Clock = std::chrono::steady_clock;

std::runtime_error Failure(const std::string& what) {
  return std::runtime_error("event_stream_client: " + what);
}

std::chrono::milliseconds Left(Clock::time_point deadline) {
  return std::max(std::chrono::milliseconds(0),
                  std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()));
}

}  // namespace

EventStreamClient::EventStreamClient(std::uint16_t port, std::string_view target, bool http10,
                                     const std::string& authorization)
    : connection_(port) {
  std::string request = "GET " + std::string(target) + (http10 ? " HTTP/1.0" : " HTTP/1.1") +
                        "\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n" +
                        (authorization.empty() ? "" : "Authorization: " + authorization + "\r\n") +
                        "\r\n";
  if (!connection_.Send(request)) throw Failure("connection closed while sending");
}

const ClientResponse& EventStreamClient::ReadHead(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  std::size_t end;
  while ((end = raw_.find("\r\n\r\n")) == std::string::npos) {
    if (ReadMore(deadline) != RawConnection::ReadOutcome::kData) {
      throw Failure("no response head: closed or timed out");
    }
  }
  head_ = ParseResponseHead(std::string_view(raw_).substr(0, end + 4));
  raw_.erase(0, end + 4);
  chunked_ = head_.Header("transfer-encoding") == "chunked";
  Decode();
  return head_;
}

std::vector<std::string> EventStreamClient::ReadMessages(std::size_t count,
                                                         std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  std::vector<std::string> messages;
  while (messages.size() < count) {
    const std::size_t end = body_.find("\n\n");
    if (end != std::string::npos) {
      messages.push_back(body_.substr(0, end + 2));
      body_.erase(0, end + 2);
      continue;
    }
    if (last_chunk_ || ReadMore(deadline) != RawConnection::ReadOutcome::kData) {
      throw Failure("the stream ended or timed out after " + std::to_string(messages.size()) +
                    " of " + std::to_string(count) + " messages");
    }
  }
  return messages;
}

bool EventStreamClient::EndsWithin(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  RawConnection::ReadOutcome outcome;
  while ((outcome = ReadMore(deadline)) == RawConnection::ReadOutcome::kData) {
  }
  return outcome == RawConnection::ReadOutcome::kClosed;
}

RawConnection::ReadOutcome EventStreamClient::ReadMore(Clock::time_point deadline) {
  if (closed_) return RawConnection::ReadOutcome::kClosed;
  const auto outcome = connection_.ReadNext(raw_, Left(deadline));
  if (outcome == RawConnection::ReadOutcome::kData && head_.status != 0) Decode();
  if (outcome == RawConnection::ReadOutcome::kClosed) closed_ = true;
  return outcome;
}

void EventStreamClient::Decode() {
  if (!chunked_) {
    body_ += raw_;
    raw_.clear();
    return;
  }
  for (;;) {
    if (last_chunk_) {
      if (!raw_.empty()) throw Failure("bytes after the last chunk");
      return;
    }
    const std::size_t line_end = raw_.find("\r\n");
    if (line_end == std::string::npos) return;
    std::size_t size = 0;
    try {
      std::size_t used = 0;
      size = std::stoul(raw_.substr(0, line_end), &used, 16);
      if (used != line_end) throw Failure("chunk size with extensions");
    } catch (const std::logic_error&) {
      throw Failure("malformed chunk size");
    }
    const std::size_t data_start = line_end + 2;
    if (raw_.size() < data_start + size + 2) return;
    if (raw_.compare(data_start + size, 2, "\r\n") != 0) throw Failure("chunk not ended by CRLF");
    if (size == 0) last_chunk_ = true;
    body_.append(raw_, data_start, size);
    raw_.erase(0, data_start + size + 2);
  }
}

}  // namespace careops::testing
