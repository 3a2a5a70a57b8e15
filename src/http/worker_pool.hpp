#pragma once
// A bounded pool of worker threads that run request handlers. Each worker owns one database
// connection for its whole life, so handlers never share a connection. When the queue is
// full, TrySubmit() refuses at once and the caller answers 503: overload sheds load instead
// of growing latency without bound.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace careops::db {
class Connection;
}

namespace careops::http {

class WorkerPool {
 public:
  using Job = std::function<void(db::Connection&)>;
  using ConnectionFactory = std::function<std::unique_ptr<db::Connection>()>;

  // Starts `threads` workers; each calls `connect` once on its own thread. Throws if a worker
  // cannot connect (start-up failure).
  WorkerPool(std::size_t threads, std::size_t queue_capacity, ConnectionFactory connect);
  ~WorkerPool();  // Stop()
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues a job; false when the queue is full or the pool is stopping. Thread-safe.
  bool TrySubmit(Job job);
  // Jobs waiting (not running). Thread-safe.
  std::size_t QueueDepth() const;
  std::size_t size() const { return threads_.size(); }
  // Runs every queued job, then joins the workers. Idempotent.
  void Stop();

 private:
  void WorkerLoop(db::Connection& conn);

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> queue_;  // GUARDED_BY(mutex_)
  bool stopping_ = false;  // GUARDED_BY(mutex_)
  std::vector<std::thread> threads_;
  std::mutex stop_mutex_;  // serializes Stop(): concurrent callers all return after the joins
};

}  // namespace careops::http
