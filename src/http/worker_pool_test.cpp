#include "http/worker_pool.hpp"

#include <atomic>
#include <chrono>
#include <future>
#include <map>
#include <set>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

#include "db/database.hpp"

namespace careops::http {
namespace {

using namespace std::chrono_literals;

// A connection that does nothing; tests only look at its identity.
class FakeConnection : public db::Connection {
 public:
  using db::Connection::Execute;
  using db::Connection::Insert;
  using db::Connection::Query;
  std::int64_t Execute(std::string_view, std::span<const db::Value>) override { return 0; }
  db::Rows Query(std::string_view, std::span<const db::Value>) override { return {}; }
  std::int64_t Insert(std::string_view, std::span<const db::Value>) override { return 0; }
  void ExecuteScript(std::string_view) override {}
  void Begin() override {}
  void Commit() override {}
  void Rollback() override {}
  std::string_view Dialect() const override { return "fake"; }
};

WorkerPool::ConnectionFactory FakeFactory(std::atomic<int>* calls = nullptr) {
  return [calls]() -> std::unique_ptr<db::Connection> {
    if (calls) ++*calls;
    return std::make_unique<FakeConnection>();
  };
}

// Blocks the worker that runs it until Release(); Started() tells when a worker took it.
class Gate {
 public:
  WorkerPool::Job Job() {
    return [this](db::Connection&) {
      started_.set_value();
      released_future_.wait();
    };
  }
  void WaitStarted() { ASSERT_EQ(started_.get_future().wait_for(10s), std::future_status::ready); }
  void Release() { released_.set_value(); }

 private:
  std::promise<void> started_;
  std::promise<void> released_;
  std::shared_future<void> released_future_ = released_.get_future().share();
};

TEST(WorkerPoolTest, RunsSubmittedJobs) {
  WorkerPool pool(2, 64, FakeFactory());
  EXPECT_EQ(pool.size(), 2u);
  std::atomic<int> done{0};
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(pool.TrySubmit([&done](db::Connection&) { ++done; }));
  }
  pool.Stop();
  EXPECT_EQ(done.load(), 20);
}

TEST(WorkerPoolTest, EachWorkerKeepsItsOwnConnection) {
  std::atomic<int> connects{0};
  std::mutex mutex;
  std::map<std::thread::id, std::set<db::Connection*>> seen;  // GUARDED_BY(mutex)
  {
    WorkerPool pool(3, 256, FakeFactory(&connects));
    EXPECT_EQ(connects.load(), 3);
    for (int i = 0; i < 200; ++i) {
      ASSERT_TRUE(pool.TrySubmit([&](db::Connection& conn) {
        std::this_thread::sleep_for(100us);
        std::lock_guard lock(mutex);
        seen[std::this_thread::get_id()].insert(&conn);
      }));
    }
  }
  EXPECT_EQ(connects.load(), 3);  // reused, never reconnected
  std::set<db::Connection*> all;
  for (const auto& [thread, connections] : seen) {
    EXPECT_EQ(connections.size(), 1u) << "a worker used more than one connection";
    all.insert(connections.begin(), connections.end());
  }
  EXPECT_EQ(all.size(), seen.size()) << "two workers shared a connection";
}

TEST(WorkerPoolTest, RefusesWhenQueueIsFull) {
  WorkerPool pool(1, 2, FakeFactory());
  Gate gate;
  ASSERT_TRUE(pool.TrySubmit(gate.Job()));
  gate.WaitStarted();  // the worker is busy, the queue is empty
  EXPECT_TRUE(pool.TrySubmit([](db::Connection&) {}));
  EXPECT_TRUE(pool.TrySubmit([](db::Connection&) {}));
  EXPECT_EQ(pool.QueueDepth(), 2u);
  EXPECT_FALSE(pool.TrySubmit([](db::Connection&) {}));
  gate.Release();
  pool.Stop();
  EXPECT_EQ(pool.QueueDepth(), 0u);
}

TEST(WorkerPoolTest, StopRunsQueuedJobsThenJoins) {
  WorkerPool pool(1, 10'000, FakeFactory());  // large: only stopping refuses here
  Gate gate;
  std::atomic<int> done{0};
  ASSERT_TRUE(pool.TrySubmit(gate.Job()));
  gate.WaitStarted();
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(pool.TrySubmit([&done](db::Connection&) { ++done; }));

  std::thread stopper([&pool] { pool.Stop(); });
  // Once Stop() has begun, new work is refused, yet the five queued jobs still run.
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (pool.TrySubmit([&done](db::Connection&) { done += 100; })) {
    ASSERT_LT(std::chrono::steady_clock::now(), deadline);
    std::this_thread::sleep_for(1ms);
  }
  gate.Release();
  stopper.join();
  // Jobs accepted before Stop() began ran too (at most a few, each adding 100).
  EXPECT_EQ(done.load() % 100, 5);
  pool.Stop();  // idempotent
  EXPECT_FALSE(pool.TrySubmit([](db::Connection&) {}));
}

TEST(WorkerPoolTest, ThrowingJobDoesNotKillTheWorker) {
  WorkerPool pool(1, 16, FakeFactory());
  std::promise<void> after;
  ASSERT_TRUE(pool.TrySubmit([](db::Connection&) { throw std::runtime_error("boom"); }));
  ASSERT_TRUE(pool.TrySubmit([](db::Connection&) { throw 42; }));
  ASSERT_TRUE(pool.TrySubmit([&after](db::Connection&) { after.set_value(); }));
  EXPECT_EQ(after.get_future().wait_for(10s), std::future_status::ready);
}

TEST(WorkerPoolTest, ConnectFailureFailsConstruction) {
  std::atomic<int> calls{0};
  auto factory = [&calls]() -> std::unique_ptr<db::Connection> {
    if (++calls == 2) throw db::DbError(db::DbError::Kind::kOther, "unreachable");
    return std::make_unique<FakeConnection>();
  };
  EXPECT_THROW(WorkerPool(3, 4, factory), db::DbError);
}

}  // namespace
}  // namespace careops::http
