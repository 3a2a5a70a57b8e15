#pragma once
// Texts a workspace's owner may edit (docs/API.md, templates): the welcome message sent after
// the contact form, by SMS and by email. `{business}` and `{name}` are replaced when sent.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace careops::db {
class Connection;
}

namespace careops::inbox {

inline constexpr const char* kWelcomeSms = "welcome_sms";
inline constexpr const char* kWelcomeEmail = "welcome_email";

struct Template {
  std::string key;
  std::string subject;  // email only
  std::string body;
  bool is_default = true;  // no edit stored
  Millis updated_at = 0;
};

// The workspace's template `key` (its edit, else the default). NotFound for an unknown key.
Result<Template> GetTemplate(db::Connection& conn, std::int64_t workspace_id, std::string_view key);
// Stores an edit. InvalidArgument (field body / subject): empty, or longer than 1,000
// characters for SMS / 10,000 for email (subject <= 200).
Result<Template> SaveTemplate(db::Connection& conn, std::int64_t workspace_id, std::string_view key,
                              const std::string& subject, const std::string& body, Millis now);
// `text` with {business} and {name} replaced.
std::string Render(std::string_view text, std::string_view business, std::string_view name);

}  // namespace careops::inbox
