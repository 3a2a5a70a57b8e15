#include "http/worker_pool.hpp"

#include <exception>
#include <future>
#include <utility>

#include <spdlog/spdlog.h>

#include "db/database.hpp"

namespace careops::http {

WorkerPool::WorkerPool(std::size_t threads, std::size_t queue_capacity, ConnectionFactory connect)
    : capacity_(queue_capacity) {
  threads_.reserve(threads);
  try {
    for (std::size_t i = 0; i < threads; ++i) {
      // Each worker connects on its own thread; the constructor waits for the outcome so a
      // database that cannot be reached fails start-up instead of a later request.
      std::promise<void> connected;
      auto ready = connected.get_future();
      threads_.emplace_back([this, &connect, connected = std::move(connected)]() mutable {
        std::unique_ptr<db::Connection> conn;
        try {
          conn = connect();
          if (!conn) throw std::runtime_error("connection factory returned null");
        } catch (...) {
          connected.set_exception(std::current_exception());
          return;
        }
        connected.set_value();
        WorkerLoop(*conn);
      });
      ready.get();
    }
  } catch (...) {
    Stop();
    throw;
  }
}

WorkerPool::~WorkerPool() { Stop(); }

bool WorkerPool::TrySubmit(Job job) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= capacity_) return false;
    queue_.push_back(std::move(job));
  }
  wake_.notify_one();
  return true;
}

std::size_t WorkerPool::QueueDepth() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void WorkerPool::Stop() {
  std::lock_guard stop_lock(stop_mutex_);
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& thread : threads_) {
    if (thread.joinable() && thread.get_id() != std::this_thread::get_id()) thread.join();
  }
}

void WorkerPool::WorkerLoop(db::Connection& conn) {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and every queued job has run
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    try {
      job(conn);
    } catch (const std::exception& e) {
      spdlog::error("worker pool: job threw: {}", e.what());
    } catch (...) {
      spdlog::error("worker pool: job threw a non-exception");
    }
  }
}

}  // namespace careops::http
