#include "auth/security_notice.hpp"

#include <fmt/format.h>

#include "messaging/outbox.hpp"

namespace careops::auth {

void EnqueueSecurityNotice(const messaging::Outbox& outbox, db::Connection& conn, const User& user,
                           std::string_view what, std::optional<std::string> phone) {
  if (!phone && user.is_phone_verified && user.phone_number) phone = user.phone_number;
  messaging::NewMessage notice;
  notice.kind = "security_notice";
  notice.priority = messaging::Priority::kNormal;
  notice.user_id = user.id;
  notice.body = fmt::format(
      "CareOps: {}. If this was not you, reset your password now and sign out other sessions.",
      what);
  if (phone) {
    notice.channel = messaging::Channel::kSms;
    notice.to = *phone;
  } else {
    notice.channel = messaging::Channel::kEmail;
    notice.to = user.email;
    notice.subject = "CareOps security notice";
  }
  outbox.Enqueue(conn, notice);
}

}  // namespace careops::auth
