#pragma once
// argon2id password hashing (libsodium crypto_pwhash_str) on its own small bounded pool, so a
// login flood costs at most `threads` cores and never holds every request worker: when the
// queue is full, Hash/Verify refuse at once with Unavailable (503 + Retry-After: 1).

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/error.hpp"

namespace careops::auth {

struct PasswordHasherOptions {
  int threads = 0;         // 0: one per two cores, at least one
  int queue_capacity = 0;  // jobs waiting for a thread; 0: 2 x threads
  // argon2id cost; 0: libsodium's INTERACTIVE limits (t=2, 64 MiB), the production setting.
  unsigned long long opslimit = 0;
  std::size_t memlimit = 0;
  // Tests only: runs on a pool thread before each job (lets a test hold the pool busy).
  std::function<void()> before_job;
};

class PasswordHasher {
 public:
  explicit PasswordHasher(PasswordHasherOptions options = {});
  ~PasswordHasher();  // Stop()
  PasswordHasher(const PasswordHasher&) = delete;
  PasswordHasher& operator=(const PasswordHasher&) = delete;

  // Each call blocks the calling thread until a pool thread has done the work. Thread-safe.
  // Unavailable("sign-in is busy, retry shortly", 1) at once when the queue is full or the
  // pool has stopped.
  Result<std::string> Hash(std::string_view password);
  // False for a wrong password or a malformed hash.
  Result<bool> Verify(std::string_view password, std::string_view hash);
  // Verifies against a fixed hash no password matches, at the same cost as Verify: used for
  // unknown emails so the answer's timing does not reveal which accounts exist.
  Status VerifyDummy(std::string_view password);

  // Runs the queued jobs, then joins the threads. Idempotent; thread-safe.
  void Stop();
  std::size_t threads() const { return threads_.size(); }
  // Jobs waiting for a thread. Thread-safe.
  std::size_t QueueDepth();

 private:
  // Queues `job`; false when the queue is full or the pool is stopping.
  bool TrySubmit(std::function<void()> job);
  void Loop();

  const unsigned long long opslimit_;
  const std::size_t memlimit_;
  std::size_t capacity_ = 0;
  std::string dummy_hash_;  // matches the cost settings above
  std::function<void()> before_job_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;  // GUARDED_BY(mutex_)
  bool stopping_ = false;                    // GUARDED_BY(mutex_)
  std::vector<std::thread> threads_;
  std::mutex stop_mutex_;  // serialises Stop()
};

}  // namespace careops::auth
