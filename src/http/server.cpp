#include "http/server.hpp"

#include <sys/resource.h>

#include <cerrno>
#include <csignal>
#include <stdexcept>
#include <thread>

#include <spdlog/spdlog.h>

#include "http/connection.hpp"

namespace careops::http {
namespace {

using namespace std::chrono_literals;

constexpr auto kAcceptBackoff = 50ms;  // after running out of file descriptors

// Lets the process hold as many sockets as the hard limit allows (the soft limit is often
// 1024, too few for a server with thousands of keep-alive clients).
void RaiseFileLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max) return;
  const rlim_t previous = limit.rlim_cur;
  limit.rlim_cur = limit.rlim_max;
  if (setrlimit(RLIMIT_NOFILE, &limit) == 0) {
    spdlog::debug("http: raised the open-file limit from {} to {}", previous, limit.rlim_max);
  }
}

bool IsResourceExhaustion(const beast::error_code& ec) {
  return ec == net::error::no_descriptors || ec == net::error::no_buffer_space ||
         ec == net::error::no_memory || ec.value() == ENFILE;
}

}  // namespace

ServerCore::ServerCore(ServerOptions options, RequestHandler& handler)
    : options_(std::move(options)),
      handler_(handler),
      work_(net::make_work_guard(io_context_)),
      control_(net::make_strand(io_context_)),
      acceptor_(control_),
      shutdown_timer_(control_) {}

ServerCore::~ServerCore() {
  // Connections destroyed from here on (with the io_context) must not stop it again.
  finished_.store(true);
}

void ServerCore::Listen() {
  RaiseFileLimit();
  const std::string address = options_.host + ":" + std::to_string(options_.port);
  beast::error_code ec;
  tcp::resolver resolver(io_context_);
  auto results = resolver.resolve(options_.host, std::to_string(options_.port),
                                  tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec || results.empty()) {
    throw std::runtime_error("cannot resolve listen address " + address + ": " + ec.message());
  }
  const tcp::endpoint endpoint = results.begin()->endpoint();
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec) throw std::runtime_error("cannot listen on " + address + ": " + ec.message());
  port_.store(acceptor_.local_endpoint().port());

  net::co_spawn(control_, AcceptLoop(), [](std::exception_ptr e) {
    if (!e) return;
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& error) {
      spdlog::error("http: accept loop failed: {}", error.what());
    }
  });
  if (options_.handle_signals) {
    signals_.emplace(control_, SIGTERM, SIGINT);
    WaitForSignal();
  }
  spdlog::debug("http: listening on {}:{}", options_.host, port_.load());
}

void ServerCore::WaitForSignal() {
  signals_->async_wait([this](const beast::error_code& ec, int signal) {
    if (ec) return;  // cancelled by Shutdown()
    spdlog::info("http: signal {} received, shutting down", signal);
    Shutdown();
  });
}

net::awaitable<void> ServerCore::AcceptLoop() {
  for (;;) {
    tcp::socket socket(net::make_strand(io_context_));
    beast::error_code ec;
    co_await acceptor_.async_accept(socket, net::redirect_error(net::use_awaitable, ec));
    if (stopping() || !acceptor_.is_open()) co_return;
    if (ec) {
      spdlog::warn("http: accept failed: {}", ec.message());
      if (IsResourceExhaustion(ec)) {
        net::steady_timer backoff(control_, kAcceptBackoff);
        co_await backoff.async_wait(net::redirect_error(net::use_awaitable, ec));
      }
      continue;
    }
    if (connections() >= options_.max_connections) {
      spdlog::debug("http: connection limit {} reached, refusing a connection",
                    options_.max_connections);
      socket.close(ec);
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    auto connection = std::make_shared<Connection>(*this, std::move(socket));
    {
      std::lock_guard lock(mutex_);
      live_.emplace(connection.get(), connection);
    }
    net::co_spawn(connection->executor(), connection->Serve(connection), [](std::exception_ptr e) {
      if (!e) return;
      try {
        std::rethrow_exception(e);
      } catch (const std::exception& error) {
        spdlog::error("http: connection failed: {}", error.what());
      }
    });
  }
}

void ServerCore::Run() {
  std::vector<std::thread> threads;
  for (int i = 1; i < options_.io_threads; ++i) threads.emplace_back([this] { RunThread(); });
  RunThread();
  for (auto& thread : threads) thread.join();
  // No io thread runs any more: cut what the shutdown timeout left behind (for example a
  // connection whose handler never answered). Their coroutines die with the io_context.
  for (const auto& connection : LiveConnections()) connection->CloseNow();
}

void ServerCore::RunThread() {
  for (;;) {
    try {
      io_context_.run();
      return;
    } catch (const std::exception& e) {
      spdlog::error("http: io thread caught: {}", e.what());
    }
  }
}

void ServerCore::Shutdown() {
  if (stopping_.exchange(true)) return;
  spdlog::debug("http: graceful shutdown started");
  net::post(control_, [this] {
    beast::error_code ec;
    acceptor_.close(ec);
    if (signals_) signals_->cancel(ec);
    shutdown_timer_.expires_after(options_.shutdown_timeout);
    shutdown_timer_.async_wait([this](const beast::error_code& ec) {
      if (ec) return;
      spdlog::warn("http: shutdown timeout, cutting {} connection(s)", connections());
      Finish();
    });
  });
  // A connection between requests closes now, an event stream ends now; one inside a request
  // sees stopping() when it answers (Connection: close) or before it waits for the next one.
  for (const auto& connection : LiveConnections()) {
    net::post(connection->executor(), [connection] { connection->OnShutdown(); });
  }
  FinishIfDrained();
}

std::size_t ServerCore::connections() const {
  std::lock_guard lock(mutex_);
  return live_.size();
}

void ServerCore::Unregister(const Connection* connection) {
  {
    std::lock_guard lock(mutex_);
    live_.erase(connection);
  }
  FinishIfDrained();
}

std::vector<std::shared_ptr<Connection>> ServerCore::LiveConnections() const {
  std::vector<std::shared_ptr<Connection>> result;
  std::lock_guard lock(mutex_);
  result.reserve(live_.size());
  for (const auto& [key, weak] : live_) {
    if (auto connection = weak.lock()) result.push_back(std::move(connection));
  }
  return result;
}

void ServerCore::FinishIfDrained() {
  if (stopping() && connections() == 0) Finish();
}

void ServerCore::Finish() {
  if (finished_.exchange(true)) return;
  spdlog::debug("http: stopped");
  io_context_.stop();
}

// --- Server: the public face; see server.hpp for the contracts. ---

struct Server::Impl {
  std::shared_ptr<ServerCore> core;
};

Server::Server(ServerOptions options, RequestHandler& handler)
    : impl_(
          std::make_unique<Impl>(Impl{std::make_shared<ServerCore>(std::move(options), handler)})) {
}

Server::~Server() = default;

void Server::Listen() { impl_->core->Listen(); }
std::uint16_t Server::port() const { return impl_->core->port(); }
void Server::Run() { impl_->core->Run(); }
void Server::Shutdown() { impl_->core->Shutdown(); }
std::size_t Server::connections() const { return impl_->core->connections(); }
std::size_t Server::event_streams() const { return impl_->core->event_streams(); }

}  // namespace careops::http
