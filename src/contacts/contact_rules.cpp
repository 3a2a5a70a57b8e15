#include "contacts/contact_rules.hpp"

#include <algorithm>

#include "auth/credentials.hpp"
#include "auth/phone.hpp"

namespace careops::contacts {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// The number of code points of well-formed UTF-8 (no overlong forms, surrogates or values
// past U+10FFFF); nullopt for anything else.
std::optional<std::size_t> Utf8Chars(std::string_view s) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++chars) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    char32_t cp = 0;
    if (b < 0x80) {
      ++i;
      continue;
    } else if (b >= 0xC2 && b <= 0xDF) {
      n = 1, cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      n = 2, cp = b & 0x0F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      n = 3, cp = b & 0x07;
    } else {
      return std::nullopt;
    }
    for (std::size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return std::nullopt;
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (c & 0x3F);
    }
    const char32_t min = n == 1 ? 0x80 : n == 2 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    i += n + 1;
  }
  return chars;
}

bool HasControl(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F;
  });
}

bool IsTagChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

}  // namespace

Result<std::string> NormalizeName(std::string_view input) {
  const std::string_view name = Trim(input);
  const auto chars = Utf8Chars(name);
  if (!chars || HasControl(name)) {
    return Error::InvalidArgument("name must be text without control characters", "name");
  }
  if (*chars > kMaxNameChars) {
    return Error::InvalidArgument("name must be at most 200 characters", "name");
  }
  return std::string(name);
}

Result<std::optional<std::string>> NormalizeContactEmail(std::string_view input) {
  const std::string_view trimmed = Trim(input);
  if (trimmed.empty()) return std::optional<std::string>();
  auto email = auth::NormalizeEmail(trimmed);
  if (!email.ok()) return std::move(email).error();
  if (!Utf8Chars(*email)) {
    return Error::InvalidArgument("email is not a valid email address", "email");
  }
  return std::optional<std::string>(std::move(email).value());
}

Result<std::optional<std::string>> NormalizeContactPhone(std::string_view input,
                                                         std::string_view region) {
  const std::string_view trimmed = Trim(input);
  if (trimmed.empty()) return std::optional<std::string>();
  auto phone = auth::NormalizePhone(trimmed, region);
  if (!phone.ok()) {
    return Error::InvalidArgument(
        "phone must be a mobile number such as +14155552671 (national "
        "numbers are read as " +
            std::string(region) + ")",
        "phone");
  }
  return std::optional<std::string>(std::move(phone).value());
}

Result<std::vector<std::string>> NormalizeTags(const std::vector<std::string>& input) {
  std::vector<std::string> tags;
  tags.reserve(input.size());
  for (const std::string& raw : input) {
    std::string tag(Trim(raw));
    for (char& c : tag) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (tag.empty() || tag.size() > kMaxTagChars ||
        !std::all_of(tag.begin(), tag.end(), IsTagChar)) {
      return Error::InvalidArgument("each tag must be 1 to 40 of a-z, 0-9, - and _", "tags");
    }
    tags.push_back(std::move(tag));
  }
  std::sort(tags.begin(), tags.end());
  tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
  if (tags.size() > kMaxTags) {
    return Error::InvalidArgument("a contact has at most 20 tags", "tags");
  }
  return tags;
}

Result<std::string> NormalizeNotes(std::string_view input) {
  const auto chars = Utf8Chars(input);
  if (!chars) return Error::InvalidArgument("notes must be UTF-8 text", "notes");
  if (*chars > kMaxNotesChars) {
    return Error::InvalidArgument("notes must be at most 5,000 characters", "notes");
  }
  return std::string(input);
}

std::vector<std::string> SplitTagList(std::string_view cell) {
  std::vector<std::string> items;
  while (!cell.empty()) {
    const std::size_t end = cell.find_first_of(";|");
    const std::string_view item = cell.substr(0, end);
    if (!Trim(item).empty()) items.emplace_back(item);
    if (end == std::string_view::npos) break;
    cell.remove_prefix(end + 1);
  }
  return items;
}

Status RequireEmailOrPhone(const Contact& c) {
  if (!c.email && !c.phone) {
    return Error::InvalidArgument("a contact needs an email address or a phone number", "email");
  }
  return Ok();
}

}  // namespace careops::contacts
