#pragma once
// Security notices: the user is told of every change to how they sign in (password changed or
// reset, phone changed, two-factor sign-in on or off), by SMS to their verified phone, else by
// email. A notice carries no secret.

#include <optional>
#include <string>
#include <string_view>

#include "auth/model.hpp"

namespace careops::db {
class Connection;
}
namespace careops::messaging {
class Outbox;
}

namespace careops::auth {

// Enqueues the notice "CareOps: <what>. ..." in the caller's open transaction on `conn`; the
// caller calls outbox.Wake() after committing. `phone` overrides where the SMS goes (the old
// number after a phone change); by default it is the user's number when verified, and the
// notice goes by email when there is no verified number.
void EnqueueSecurityNotice(const messaging::Outbox& outbox, db::Connection& conn, const User& user,
                           std::string_view what, std::optional<std::string> phone = {});

}  // namespace careops::auth
