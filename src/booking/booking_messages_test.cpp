// Booking texts: local times, the manage link, the C / X prompt, and never a carrier keyword.

#include "booking/booking_messages.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <string>
#include <vector>

namespace careops::booking {
namespace {

constexpr Millis kTue3Mar0900Utc = 1'772'528'400'000;  // 2026-03-03T09:00:00Z = 10:00 Berlin

const BookingMessage kAll[] = {BookingMessage::kConfirmation,   BookingMessage::kPending,
                               BookingMessage::kMoved,          BookingMessage::kCancelled,
                               BookingMessage::kReminder,       BookingMessage::kConfirmedAnswer,
                               BookingMessage::kCancelledAnswer};

BookingFacts Facts() {
  BookingFacts f;
  f.business = "Sunny Clinic";
  f.service = "Haircut";
  f.time_zone = "Europe/Berlin";
  f.start_at = kTue3Mar0900Utc;
  f.location = "1 Main St";
  f.manage_link = "https://ops.example.com/b#token=7.123.abc";
  f.book_again_link = "https://ops.example.com/w/sunny/book";
  return f;
}

TEST(BookingMessagesTest, ConfirmationSmsReadsAsDocumented) {
  EXPECT_EQ(SmsText(BookingMessage::kConfirmation, Facts()).body,
            "Sunny Clinic: your Haircut is booked for Tue 3 Mar at 10:00. Change or cancel: "
            "https://ops.example.com/b#token=7.123.abc Reply C to confirm or X to cancel.");
  EXPECT_EQ(SmsText(BookingMessage::kConfirmation, Facts()).subject, "");
}

TEST(BookingMessagesTest, LocalTimesFollowTheZoneAcrossDst) {
  EXPECT_EQ(LocalTimeText(kTue3Mar0900Utc, "Europe/Berlin"), "Tue 3 Mar at 10:00");
  EXPECT_EQ(LocalTimeText(kTue3Mar0900Utc, "America/New_York"), "Tue 3 Mar at 04:00");
  // 2026-07-01T08:30:00Z: Berlin is on summer time (UTC+2).
  EXPECT_EQ(LocalTimeText(1'782'894'600'000, "Europe/Berlin"), "Wed 1 Jul at 10:30");
  EXPECT_EQ(LocalTimeText(kTue3Mar0900Utc, "Not/AZone"), "Tue 3 Mar at 09:00");
}

// The words of `text`, lower case (letters only; anything else separates words).
std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words(1);
  for (char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      words.back() += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

TEST(BookingMessagesTest, NeverAsksForACarrierKeyword) {
  // Twilio's opt-out, opt-in and help words (TWILIO.md).
  const std::set<std::string> keywords = {"cancel", "stop",   "stopall", "unsubscribe", "end",
                                          "quit",   "optout", "revoke",  "start",       "unstop",
                                          "yes",    "help",   "info"};
  for (bool pending : {false, true}) {
    BookingFacts f = Facts();
    f.pending = pending;
    for (BookingMessage m : kAll) {
      for (const BookingText& text : {SmsText(m, f), EmailText(m, f)}) {
        EXPECT_EQ(text.body.find("CANCEL"), std::string::npos) << text.body;
        EXPECT_EQ(text.body.find("STOP"), std::string::npos) << text.body;
        const std::vector<std::string> words = Words(text.body + " " + text.subject);
        for (std::size_t i = 0; i < words.size(); ++i) {
          // "cancel" as a plain word ("Change or cancel", "X to cancel") is fine; no other
          // keyword appears at all, and whatever follows "reply" is C or X.
          if (words[i] != "cancel") {
            EXPECT_FALSE(keywords.contains(words[i])) << text.body;
          }
          if (words[i] == "reply") {
            ASSERT_LT(i + 1, words.size()) << text.body;
            EXPECT_TRUE(words[i + 1] == "c" || words[i + 1] == "x") << text.body;
          }
        }
      }
    }
  }
}

TEST(BookingMessagesTest, InvitationsToChangeCarryTheLinkAndTheReplyPrompt) {
  for (BookingMessage m : {BookingMessage::kConfirmation, BookingMessage::kPending,
                           BookingMessage::kMoved, BookingMessage::kReminder}) {
    const std::string sms = SmsText(m, Facts()).body;
    EXPECT_NE(sms.find(Facts().manage_link), std::string::npos) << sms;
    EXPECT_TRUE(sms.ends_with("Reply C to confirm or X to cancel.")) << sms;
    EXPECT_TRUE(sms.starts_with("Sunny Clinic: ")) << sms;
    EXPECT_NE(sms.find("Tue 3 Mar at 10:00"), std::string::npos) << sms;
    const BookingText email = EmailText(m, Facts());
    EXPECT_NE(email.body.find(Facts().manage_link), std::string::npos) << email.body;
    EXPECT_NE(email.body.find("1 Main St"), std::string::npos) << email.body;
    EXPECT_TRUE(email.subject.starts_with("Sunny Clinic: ")) << email.subject;
  }
}

TEST(BookingMessagesTest, CancellationsOfferToBookAgainNotToReply) {
  for (BookingMessage m : {BookingMessage::kCancelled, BookingMessage::kCancelledAnswer}) {
    const std::string sms = SmsText(m, Facts()).body;
    EXPECT_NE(sms.find("is cancelled"), std::string::npos) << sms;
    EXPECT_NE(sms.find(Facts().book_again_link), std::string::npos) << sms;
    EXPECT_EQ(sms.find("Reply"), std::string::npos) << sms;
    EXPECT_EQ(sms.find(Facts().manage_link), std::string::npos) << sms;
  }
}

TEST(BookingMessagesTest, TheConfirmedAnswerSaysWhetherApprovalIsStillDue) {
  BookingFacts f = Facts();
  EXPECT_NE(SmsText(BookingMessage::kConfirmedAnswer, f).body.find("is confirmed"),
            std::string::npos);
  f.pending = true;
  const std::string pending = SmsText(BookingMessage::kConfirmedAnswer, f).body;
  EXPECT_EQ(pending.find("is confirmed"), std::string::npos) << pending;
  EXPECT_NE(pending.find("approved"), std::string::npos) << pending;
}

TEST(BookingMessagesTest, KindsNameTheOutboxRows) {
  EXPECT_STREQ(MessageKindName(BookingMessage::kConfirmation), "booking_confirmation");
  EXPECT_STREQ(MessageKindName(BookingMessage::kReminder), "booking_reminder");
  EXPECT_STREQ(MessageKindName(BookingMessage::kCancelledAnswer), "booking_reply_answer");
}

}  // namespace
}  // namespace careops::booking
