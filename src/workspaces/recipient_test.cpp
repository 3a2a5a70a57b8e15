// Masking of invitation recipients: recognisable, not readable.

#include "workspaces/recipient.hpp"

#include <gtest/gtest.h>

namespace careops::workspaces {
namespace {

TEST(RecipientMaskTest, EmailKeepsTheFirstCharacterAndTheDomain) {
  EXPECT_EQ(MaskEmail("ann@example.com"), "a•••@example.com");
  EXPECT_EQ(MaskEmail("a@example.com"), "a•••@example.com") << "the length stays hidden";
  EXPECT_EQ(MaskEmail("a-very-long-name@example.com"), "a•••@example.com");
  EXPECT_EQ(MaskEmail("@example.com"), "•••@example.com");
  EXPECT_EQ(MaskEmail("\xC3\xA9lise@example.com"), "\xC3\xA9•••@example.com")
      << "a character of several bytes stays whole";
  EXPECT_EQ(MaskEmail("no-at-sign"), "•••");
}

TEST(RecipientMaskTest, ByChannel) {
  EXPECT_EQ(MaskRecipient(InviteChannel::kEmail, "bob@example.com"), "b•••@example.com");
  EXPECT_EQ(MaskRecipient(InviteChannel::kSms, "+14155552671"), "+1•••••••71");
  EXPECT_EQ(MaskRecipient(InviteChannel::kSms, "+447911123456"), "+44•••••••56");
}

}  // namespace
}  // namespace careops::workspaces
