#include "inbox/keywords.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace careops::inbox {

Keyword ClassifyKeyword(std::string_view body) {
  const auto first = body.find_first_not_of(" \t\r\n.!");
  if (first == std::string_view::npos) return Keyword::kNone;
  const auto last = body.find_last_not_of(" \t\r\n.!");
  std::string word(body.substr(first, last - first + 1));
  if (word.size() > 12) return Keyword::kNone;
  std::transform(word.begin(), word.end(), word.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
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

}  // namespace careops::inbox
