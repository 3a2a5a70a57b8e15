#include "inbox/templates.hpp"

#include "db/database.hpp"

namespace careops::inbox {
namespace {

std::optional<Template> Default(std::string_view key) {
  if (key == kWelcomeSms) {
    return Template{kWelcomeSms, "",
                    "Hi {name}, thanks for contacting {business}! We got your message and will "
                    "reply soon. Reply STOP to opt out.",
                    true, 0};
  }
  if (key == kWelcomeEmail) {
    return Template{kWelcomeEmail, "Thanks for contacting {business}",
                    "Hi {name},\n\nthanks for contacting {business}. We got your message and "
                    "will reply soon.\n\n{business}\n",
                    true, 0};
  }
  return std::nullopt;
}

void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace

Result<Template> GetTemplate(db::Connection& conn, std::int64_t workspace_id,
                             std::string_view key) {
  auto fallback = Default(key);
  if (!fallback) return Error::NotFound("no such template");
  auto row = conn.QueryOne(
      "SELECT subject, body, updated_at FROM message_templates WHERE workspace_id = ? AND key = ?",
      {workspace_id, std::string(key)});
  if (!row) return std::move(*fallback);
  return Template{std::string(key), row->Text(0), row->Text(1), false, row->Int(2)};
}

Result<Template> SaveTemplate(db::Connection& conn, std::int64_t workspace_id, std::string_view key,
                              const std::string& subject, const std::string& body, Millis now) {
  if (!Default(key)) return Error::NotFound("no such template");
  const std::size_t max_body = key == kWelcomeSms ? 1'000 : 10'000;
  if (body.empty() || body.size() > max_body) {
    return Error::InvalidArgument("body must be 1 to " + std::to_string(max_body) + " characters",
                                  "body");
  }
  if (subject.size() > 200 || (key == kWelcomeEmail && subject.empty())) {
    return Error::InvalidArgument("subject must be 1 to 200 characters", "subject");
  }
  conn.Execute(
      "INSERT INTO message_templates (workspace_id, key, subject, body, updated_at) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (workspace_id, key) DO UPDATE SET "
      "subject = excluded.subject, body = excluded.body, updated_at = excluded.updated_at",
      {workspace_id, std::string(key), key == kWelcomeSms ? std::string() : subject, body, now});
  return GetTemplate(conn, workspace_id, key);
}

std::string Render(std::string_view text, std::string_view business, std::string_view name) {
  std::string out(text);
  ReplaceAll(out, "{business}", business);
  ReplaceAll(out, "{name}", name.empty() ? std::string_view("there") : name);
  return out;
}

}  // namespace careops::inbox
