#pragma once
// How an invitation's recipient is shown to the holder of its link: enough to recognise it,
// not enough to learn it. Pure functions; thread-safe.

#include <string>
#include <string_view>

#include "workspaces/model.hpp"

namespace careops::workspaces {

// "ann@example.com" -> "a•••@example.com": the first character of the local part, a fixed
// three bullets (the length stays hidden) and the domain. Without an '@': "•••".
std::string MaskEmail(std::string_view email);
// MaskEmail for email, auth::MaskPhone ("+1•••••••67") for SMS.
std::string MaskRecipient(InviteChannel channel, std::string_view recipient);

}  // namespace careops::workspaces
