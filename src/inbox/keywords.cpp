#include "inbox/keywords.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace careops::inbox {

namespace {

// The body as one upper-case word without surrounding blanks and . !; "" when it is longer
// than any keyword.
std::string KeywordOf(std::string_view body) {
  const auto first = body.find_first_not_of(" \t\r\n.!");
  if (first == std::string_view::npos) return "";
  const auto last = body.find_last_not_of(" \t\r\n.!");
  std::string word(body.substr(first, last - first + 1));
  if (word.size() > 12) return "";
  std::transform(word.begin(), word.end(), word.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return word;
}

}  // namespace

Keyword ClassifyKeyword(std::string_view body) {
  const std::string word = KeywordOf(body);
  if (word.empty()) return Keyword::kNone;
  constexpr std::array<std::string_view, 8> kOptOut = {"STOP", "STOPALL", "UNSUBSCRIBE", "END",
                                                       "QUIT", "CANCEL",  "OPTOUT",      "REVOKE"};
  constexpr std::array<std::string_view, 3> kOptIn = {"START", "UNSTOP", "YES"};
  constexpr std::array<std::string_view, 2> kHelp = {"HELP", "INFO"};
  const auto in = [&word](const auto& list) {
    return std::find(list.begin(), list.end(), word) != list.end();
  };
  if (in(kOptOut)) return Keyword::kOptOut;
  if (in(kOptIn)) return Keyword::kOptIn;
  if (in(kHelp)) return Keyword::kHelp;
  return Keyword::kNone;
}

std::optional<BookingReply> ClassifyBookingReply(std::string_view body) {
  const std::string word = KeywordOf(body);
  if (word == "C" || word == "CONFIRM" || word == "Y" || word == "YES" || word == "1") {
    return BookingReply::kConfirm;
  }
  if (word == "X" || word == "N" || word == "2") return BookingReply::kCancel;
  return std::nullopt;
}

}  // namespace careops::inbox
