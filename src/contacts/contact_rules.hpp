#pragma once
// What a contact's fields may hold and their normal forms (docs/API.md, Contacts). Shared by
// ContactService and the CSV import so that a contact typed in and an imported one obey the
// same rules. Pure functions; thread-safe. Errors are InvalidArgument naming the field.
// "Characters" are UTF-8 code points.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contacts/model.hpp"
#include "core/error.hpp"

namespace careops::contacts {

inline constexpr std::size_t kMaxNameChars = 200;
inline constexpr std::size_t kMaxNotesChars = 5000;
inline constexpr std::size_t kMaxTagChars = 40;
inline constexpr std::size_t kMaxTags = 20;

// Trimmed; UTF-8 text without control characters, at most 200 characters; may be empty.
Result<std::string> NormalizeName(std::string_view input);
// Trimmed; empty -> nullopt (no email); else an address, lower-cased.
Result<std::optional<std::string>> NormalizeContactEmail(std::string_view input);
// Trimmed; empty -> nullopt (no phone); else a number that can receive SMS, in E.164 (a
// national number is read in `region`, the workspace's default_region).
Result<std::optional<std::string>> NormalizeContactPhone(std::string_view input,
                                                         std::string_view region);
// Each tag trimmed and lower-cased, then 1-40 of a-z 0-9 - _; sorted, duplicates dropped, at
// most 20.
Result<std::vector<std::string>> NormalizeTags(const std::vector<std::string>& input);
// UTF-8 text, at most 5,000 characters; kept as written (line breaks included).
Result<std::string> NormalizeNotes(std::string_view input);
// A CSV cell's tags: "vip; new|x" -> {"vip", " new", "x"} (split on ';' and '|'; blank items
// dropped; NormalizeTags trims the rest).
std::vector<std::string> SplitTagList(std::string_view cell);
// A contact needs an email address or a phone number (field "email" when it has neither).
Status RequireEmailOrPhone(const Contact& c);

}  // namespace careops::contacts
