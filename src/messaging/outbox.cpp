#include "messaging/outbox.hpp"

#include "core/crypto.hpp"
#include "db/database.hpp"

namespace careops::messaging {

Outbox::Outbox(const Clock& clock, const SecretKey& key, std::function<void()> wake)
    : clock_(clock), key_(key), wake_(std::move(wake)) {}

std::int64_t Outbox::Enqueue(db::Connection& conn, const NewMessage& m) const {
  const Millis now = clock_.NowMillis();
  const std::string body = m.sensitive ? key_.Seal(kSealedBodyPurpose, m.body) : m.body;
  const auto opt = [](const std::optional<std::int64_t>& v) -> db::Value {
    return v ? db::Value(*v) : db::Value();
  };
  return conn.Insert(
      "INSERT INTO messages (channel, kind, priority, to_address, subject, body, sensitive, "
      "user_id, workspace_id, conversation_id, author_id, status, next_attempt_at, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?)",
      {std::string(m.channel == Channel::kSms ? "sms" : "email"), m.kind,
       static_cast<std::int64_t>(m.priority), m.to, m.subject, body,
       static_cast<std::int64_t>(m.sensitive ? 1 : 0), opt(m.user_id), opt(m.workspace_id),
       opt(m.conversation_id), opt(m.author_id), now, now, now});
}

void Outbox::Wake() const {
  if (wake_) wake_();
}

}  // namespace careops::messaging
