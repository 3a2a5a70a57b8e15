#include "workspaces/recipient.hpp"

#include "auth/phone.hpp"

namespace careops::workspaces {
namespace {

constexpr std::string_view kBullets = "•••";

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string MaskEmail(std::string_view email) {
  const auto at = email.rfind('@');
  if (at == std::string_view::npos) return std::string(kBullets);
  // The first character whole, also when it is several UTF-8 bytes.
  std::size_t first = at == 0 ? 0 : 1;
  while (first < at && IsContinuationByte(email[first])) ++first;
  return std::string(email.substr(0, first)) + std::string(kBullets) +
         std::string(email.substr(at));
}

std::string MaskRecipient(InviteChannel channel, std::string_view recipient) {
  return channel == InviteChannel::kSms ? auth::MaskPhone(recipient) : MaskEmail(recipient);
}

}  // namespace careops::workspaces
