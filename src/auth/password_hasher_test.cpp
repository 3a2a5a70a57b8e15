#include "auth/password_hasher.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <atomic>
#include <future>
#include <thread>

namespace careops::auth {
namespace {

PasswordHasherOptions Cheap() {
  PasswordHasherOptions options;
  options.opslimit = 1;
  options.memlimit = 8192;
  return options;
}

TEST(PasswordHasherTest, HashesWithArgon2idAndVerifies) {
  PasswordHasher hasher(Cheap());
  auto hash = hasher.Hash("correct horse battery");
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(hash->starts_with("$argon2id$"));
  EXPECT_EQ(hash->find("correct horse"), std::string::npos);
  EXPECT_TRUE(hasher.Verify("correct horse battery", *hash).value());
  EXPECT_FALSE(hasher.Verify("correct horse battery!", *hash).value());
  EXPECT_FALSE(hasher.Verify("anything", "not a hash").value());
  EXPECT_TRUE(hasher.VerifyDummy("anything").ok());
}

TEST(PasswordHasherTest, ProductionCostIsInteractiveAndTheDummyHashMatchesIt) {
  PasswordHasher hasher;  // the default: OPSLIMIT/MEMLIMIT_INTERACTIVE
  auto hash = hasher.Hash("correct horse battery");
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(hash->starts_with("$argon2id$v=19$m=65536,t=2,p=1$")) << *hash;
  EXPECT_EQ(crypto_pwhash_str_needs_rehash(hash->c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                           crypto_pwhash_MEMLIMIT_INTERACTIVE),
            0);
  // The dummy must cost what a real verify costs, so it must carry the same parameters.
  EXPECT_TRUE(hasher.VerifyDummy("correct horse battery").ok());
  EXPECT_GE(hasher.threads(), 1u);
}

TEST(PasswordHasherTest, FullQueueRefusesAtOnceInsteadOfWaiting) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<int> started{0};
  PasswordHasherOptions options = Cheap();
  options.threads = 1;
  options.queue_capacity = 1;
  options.before_job = [&] {
    ++started;
    released.wait();
  };
  PasswordHasher hasher(options);

  auto running = std::async(std::launch::async, [&] { return hasher.Hash("first password"); });
  while (started.load() == 0) std::this_thread::yield();
  auto queued = std::async(std::launch::async, [&] { return hasher.Hash("second password"); });
  while (hasher.QueueDepth() == 0) std::this_thread::yield();

  // One running, one queued: the third caller is refused without waiting.
  auto refused = hasher.Verify("third password", "$argon2id$whatever");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(refused.error().retry_after_seconds, 1);
  EXPECT_EQ(refused.error().message, "sign-in is busy, retry shortly");

  release.set_value();
  EXPECT_TRUE(running.get().ok());
  EXPECT_TRUE(queued.get().ok());
}

TEST(PasswordHasherTest, StopFinishesQueuedWorkThenRefuses) {
  PasswordHasher hasher(Cheap());
  hasher.Stop();
  hasher.Stop();  // idempotent
  auto after = hasher.Hash("too late");
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace careops::auth
