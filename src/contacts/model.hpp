#pragma once
// Contacts: the people a business talks to (PRODUCT.md C1). Times are UTC milliseconds.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"

namespace careops::contacts {

// Where a contact came from.
inline constexpr const char* kSourceManual = "manual";
inline constexpr const char* kSourceImport = "import";
inline constexpr const char* kSourceContactForm = "contact_form";
inline constexpr const char* kSourceInboundSms = "inbound_sms";
inline constexpr const char* kSourceBooking = "booking";  // the public booking page

struct Contact {
  std::int64_t id = 0;
  std::int64_t workspace_id = 0;
  std::string name;
  std::optional<std::string> email;  // trimmed, lower case
  std::optional<std::string> phone;  // E.164
  std::vector<std::string> tags;     // lower case, sorted, unique
  std::string notes;
  std::optional<Millis> sms_opted_out_at;
  std::optional<Millis> email_opted_out_at;
  std::string source = kSourceManual;
  Millis created_at = 0;
  Millis updated_at = 0;
  // Read only: the contact's conversation, when it has one (the inbox opens it).
  std::optional<std::int64_t> conversation_id;
};

// Whether `a` and `b` hold the same name, email, phone, tags and notes (what callers set).
bool SameFields(const Contact& a, const Contact& b);

// The stored form of tags: ",a,b," (sorted, unique, comma-framed so that looking for ",tag,"
// finds a whole tag — with instr(), not LIKE, in which '_' is a wildcard), and back. Decode
// ignores empty items.
std::string EncodeTags(std::vector<std::string> tags);
std::vector<std::string> DecodeTags(std::string_view stored);

}  // namespace careops::contacts
