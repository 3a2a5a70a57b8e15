#pragma once
// The write side of the message pipeline, used by every feature that sends something.
//
//   db::Transaction tx(conn);
//   ... change state ...
//   outbox.Enqueue(conn, message);   // same transaction: the message exists iff the change does
//   tx.Commit();
//   outbox.Wake();                   // the dispatcher sends it within milliseconds
//
// Nothing is ever sent inside a request handler.

#include <cstdint>
#include <functional>

#include "core/clock.hpp"
#include "messaging/model.hpp"

namespace careops {
class SecretKey;
}
namespace careops::db {
class Connection;
}

namespace careops::messaging {

// SecretKey purpose under which sensitive bodies are sealed.
inline constexpr const char* kSealedBodyPurpose = "message-body";

class Outbox {
 public:
  // `wake` is called by Wake(); the composition root points it at the dispatcher.
  Outbox(const Clock& clock, const SecretKey& key, std::function<void()> wake);

  // Inserts the message as queued, due now, inside the caller's open transaction (or on its
  // own when none is open). Returns the message id. Thread-safe (uses only `conn`).
  std::int64_t Enqueue(db::Connection& conn, const NewMessage& message) const;
  // Tells the dispatcher there is work. Call after the transaction committed. Thread-safe.
  void Wake() const;

 private:
  const Clock& clock_;
  const SecretKey& key_;
  std::function<void()> wake_;
};

}  // namespace careops::messaging
