// The real binary under SIGTERM: requests in flight complete, idle connections close, the
// process exits 0.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <poll.h>

#include <chrono>
#include <string>
#include <thread>

#include "support/http_client.hpp"
#include "support/temp_dir.hpp"

namespace careops::testing {
namespace {

using namespace std::chrono_literals;

// `careops serve` as a child process on a free port; the URL is read from its stdout.
class ServerProcess {
 public:
  explicit ServerProcess(const TempDir& dir) {
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      const std::string data_dir = "DATA_DIR=" + dir.File("data");
      char* const argv[] = {const_cast<char*>(CAREOPS_BINARY), const_cast<char*>("serve"), nullptr};
      char* const envp[] = {const_cast<char*>("PORT=0"), const_cast<char*>("HOST=127.0.0.1"),
                            const_cast<char*>(data_dir.c_str()),
                            const_cast<char*>("LOG_LEVEL=warn"), nullptr};
      execve(CAREOPS_BINARY, argv, envp);
      _exit(127);
    }
    close(out[1]);
    stdout_fd_ = out[0];
    port_ = ReadPort();
  }
  ~ServerProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (stdout_fd_ >= 0) close(stdout_fd_);
  }
  std::uint16_t port() const { return port_; }
  void Signal(int sig) { kill(pid_, sig); }
  // Waits for exit; returns the exit code, or -signal, or -1000 on timeout.
  int Wait(std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
      }
      std::this_thread::sleep_for(20ms);
    }
    return -1000;
  }

 private:
  std::uint16_t ReadPort() {
    std::string seen;
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    const std::string marker = "listening on http://127.0.0.1:";
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{stdout_fd_, POLLIN, 0};
      if (poll(&p, 1, 200) <= 0) continue;
      char buf[512];
      const ssize_t n = read(stdout_fd_, buf, sizeof buf);
      if (n <= 0) break;
      seen.append(buf, static_cast<std::size_t>(n));
      const auto at = seen.find(marker);
      const auto digits_at = at + marker.size();
      if (at != std::string::npos && seen.find('\n', digits_at) != std::string::npos) {
        return static_cast<std::uint16_t>(std::stoi(seen.substr(digits_at)));
      }
    }
    throw std::runtime_error("server did not print its URL; stdout: " + seen);
  }

  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::uint16_t port_ = 0;
};

TEST(ShutdownTest, SigtermLetsInFlightRequestsFinishAndExitsZero) {
  TempDir dir;
  ServerProcess server(dir);
  ASSERT_EQ(Get(server.port(), "/healthz").status, 200);

  RawConnection idle(server.port());
  RawConnection in_flight(server.port());
  ASSERT_TRUE(in_flight.Send("GET /api/status HTTP/1.1\r\nHost: x\r\n"));
  std::this_thread::sleep_for(200ms);  // the server is now reading this request

  server.Signal(SIGTERM);
  std::this_thread::sleep_for(300ms);
  ASSERT_TRUE(in_flight.Send("Accept: application/json\r\n\r\n"));
  ClientResponse r = in_flight.ReadResponse(10s);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Json()["name"], "CareOps");
  EXPECT_EQ(r.Header("connection"), "close");

  EXPECT_TRUE(idle.ClosedWithin(10s)) << "idle connection left open during shutdown";
  EXPECT_EQ(server.Wait(30s), 0);
  EXPECT_THROW(Get(server.port(), "/healthz"), std::runtime_error);
}

TEST(ShutdownTest, SigintAlsoExitsZero) {
  TempDir dir;
  ServerProcess server(dir);
  ASSERT_EQ(Get(server.port(), "/healthz").status, 200);
  server.Signal(SIGINT);
  EXPECT_EQ(server.Wait(30s), 0);
}

}  // namespace
}  // namespace careops::testing
