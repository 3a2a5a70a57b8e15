#include "auth/password_hasher.hpp"

#include <sodium.h>

#include <algorithm>
#include <future>
#include <memory>
#include <stdexcept>

namespace careops::auth {
namespace {

// argon2id of a random password under the INTERACTIVE limits. It matches no password; it is
// fixed so that start-up does not pay a hash (a unit test checks it fits the limits).
constexpr const char* kInteractiveDummyHash =
    "$argon2id$v=19$m=65536,t=2,p=1$xYTn8PYiP3bIGT96X+NT1Q$"
    "y6CdmFlU/DFzGkIEhEm1hokPG9BjDpMsLNYHpGfi8xU";

Error Busy() { return Error::Unavailable("sign-in is busy, retry shortly", 1); }

// Holds a copy of a password for a pool job and wipes it afterwards.
struct Secret {
  explicit Secret(std::string_view s) : text(s) {}
  ~Secret() { sodium_memzero(text.data(), text.size()); }
  std::string text;
};

std::string HashNow(const std::string& password, unsigned long long ops, std::size_t mem) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), ops, mem) != 0) {
    return {};  // out of memory
  }
  return out;
}

std::string RandomDummy() {
  unsigned char bytes[24];
  randombytes_buf(bytes, sizeof bytes);
  return std::string(reinterpret_cast<const char*>(bytes), sizeof bytes);
}

}  // namespace

PasswordHasher::PasswordHasher(PasswordHasherOptions options)
    : opslimit_(options.opslimit != 0 ? options.opslimit : crypto_pwhash_OPSLIMIT_INTERACTIVE),
      memlimit_(options.memlimit != 0 ? options.memlimit : crypto_pwhash_MEMLIMIT_INTERACTIVE),
      before_job_(std::move(options.before_job)) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int threads = options.threads > 0 ? options.threads : std::max(1, cores / 2);
  capacity_ =
      static_cast<std::size_t>(options.queue_capacity > 0 ? options.queue_capacity : 2 * threads);
  const bool interactive = opslimit_ == crypto_pwhash_OPSLIMIT_INTERACTIVE &&
                           memlimit_ == crypto_pwhash_MEMLIMIT_INTERACTIVE;
  dummy_hash_ = interactive ? kInteractiveDummyHash : HashNow(RandomDummy(), opslimit_, memlimit_);
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Loop(); });
}

PasswordHasher::~PasswordHasher() { Stop(); }

Result<std::string> PasswordHasher::Hash(std::string_view password) {
  auto secret = std::make_shared<Secret>(password);
  auto task = std::make_shared<std::packaged_task<std::string()>>(
      [this, secret] { return HashNow(secret->text, opslimit_, memlimit_); });
  auto done = task->get_future();
  if (!TrySubmit([task] { (*task)(); })) return Busy();
  std::string hash = done.get();
  if (hash.empty()) return Error::Internal("crypto_pwhash_str failed (out of memory?)");
  return hash;
}

Result<bool> PasswordHasher::Verify(std::string_view password, std::string_view hash) {
  auto secret = std::make_shared<Secret>(password);
  auto task = std::make_shared<std::packaged_task<bool()>>([secret, h = std::string(hash)] {
    return crypto_pwhash_str_verify(h.c_str(), secret->text.data(), secret->text.size()) == 0;
  });
  auto done = task->get_future();
  if (!TrySubmit([task] { (*task)(); })) return Busy();
  return done.get();
}

Status PasswordHasher::VerifyDummy(std::string_view password) {
  auto verified = Verify(password, dummy_hash_);
  if (!verified.ok()) return std::move(verified).error();
  return Ok();
}

std::size_t PasswordHasher::QueueDepth() {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

bool PasswordHasher::TrySubmit(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= capacity_) return false;
    queue_.push_back(std::move(job));
  }
  wake_.notify_one();
  return true;
}

void PasswordHasher::Loop() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and drained
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    if (before_job_) before_job_();
    job();
  }
}

void PasswordHasher::Stop() {
  std::lock_guard stop_lock(stop_mutex_);
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
}

}  // namespace careops::auth
