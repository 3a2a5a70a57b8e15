#include "contacts/contact_service.hpp"

#include <algorithm>
#include <charconv>
#include <utility>

#include "auth/phone.hpp"
#include "contacts/contact_repository.hpp"
#include "contacts/contact_rules.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"
#include "db/database.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::contacts {
namespace {

constexpr std::string_view kHexDigits = "0123456789abcdef";

Error NoSuchContact() { return Error::NotFound("no such contact"); }

// A page position as the client carries it: "<id>.<the name in hex>". Opaque to clients;
// the name is in it so that a page boundary survives renaming or deleting that contact.
std::string EncodeCursor(const Contact& last) {
  std::string out = std::to_string(last.id) + ".";
  for (unsigned char c : last.name) {
    out += kHexDigits[c >> 4];
    out += kHexDigits[c & 0xF];
  }
  return out;
}

Result<std::pair<std::string, std::int64_t>> DecodeCursor(std::string_view cursor) {
  const Error bad = Error::InvalidArgument("cursor is not one this server gave", "cursor");
  const std::size_t dot = cursor.find('.');
  if (dot == std::string_view::npos) return bad;
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(cursor.data(), cursor.data() + dot, id);
  if (ec != std::errc() || end != cursor.data() + dot || id < 1) return bad;
  const std::string_view hex = cursor.substr(dot + 1);
  if (hex.size() % 2 != 0) return bad;
  std::string name;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const auto hi = kHexDigits.find(hex[i]), lo = kHexDigits.find(hex[i + 1]);
    if (hi == std::string_view::npos || lo == std::string_view::npos) return bad;
    name += static_cast<char>((hi << 4) | lo);
  }
  return std::pair{std::move(name), id};
}

// The E.164 starts `q` may be, when it looks like the start of a phone number: as typed
// internationally ("+1 415" -> "+1415", "1415" -> "+1415") and nationally in `region`
// ("(415) 5" -> "+14155", "0791" in GB -> "+44791").
std::vector<std::string> PhonePrefixes(std::string_view q, std::string_view region) {
  std::string digits;
  bool plus = false;
  for (char c : q) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == '+' && digits.empty() && !plus) {
      plus = true;
    } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
      return {};
    }
  }
  if (digits.empty()) return {};
  std::vector<std::string> prefixes = {"+" + digits};
  if (!plus) {
    auto national = auth::NationalDigitsToE164Prefix(digits, region);
    if (national && *national != prefixes[0]) prefixes.push_back(std::move(*national));
  }
  return prefixes;
}

// `c` with the present `fields` applied, normalised; `region` reads national numbers.
Status Apply(const ContactFields& fields, std::string_view region, Contact& c) {
  if (fields.name) {
    auto name = NormalizeName(*fields.name);
    if (!name.ok()) return std::move(name).error();
    c.name = std::move(name).value();
  }
  if (fields.email) {
    auto email = NormalizeContactEmail(*fields.email);
    if (!email.ok()) return std::move(email).error();
    c.email = std::move(email).value();
  }
  if (fields.phone) {
    auto phone = NormalizeContactPhone(*fields.phone, region);
    if (!phone.ok()) return std::move(phone).error();
    c.phone = std::move(phone).value();
  }
  if (fields.tags) {
    auto tags = NormalizeTags(*fields.tags);
    if (!tags.ok()) return std::move(tags).error();
    c.tags = std::move(tags).value();
  }
  if (fields.notes) {
    auto notes = NormalizeNotes(*fields.notes);
    if (!notes.ok()) return std::move(notes).error();
    c.notes = std::move(notes).value();
  }
  return RequireEmailOrPhone(c);
}

// "+" then 8 to 15 digits, the first not 0.
bool IsE164(std::string_view s) {
  return s.size() >= 9 && s.size() <= 16 && s[0] == '+' && s[1] != '0' &&
         std::all_of(s.begin() + 1, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Status CheckUnique(ContactRepository& repo, const Contact& c) {
  if (c.phone) {
    if (auto other = repo.FindByPhone(c.workspace_id, *c.phone); other && other->id != c.id) {
      return Error::Conflict(
          "a contact with this phone number exists (contact " + std::to_string(other->id) + ")",
          "phone");
    }
  }
  if (c.email) {
    if (auto other = repo.FindByEmail(c.workspace_id, *c.email); other && other->id != c.id) {
      return Error::Conflict(
          "a contact with this email address exists (contact " + std::to_string(other->id) + ")",
          "email");
    }
  }
  return Ok();
}

Result<std::string> WorkspaceRegion(db::Connection& conn, std::int64_t workspace_id) {
  auto workspace = workspaces::WorkspaceRepository(conn).FindById(workspace_id);
  if (!workspace) return Error::NotFound("no such workspace");
  return std::move(workspace->default_region);
}

Result<ContactPage> ContactService::List(db::Connection& conn, std::int64_t workspace_id,
                                         const ContactQuery& query) const {
  if (query.limit < 1 || query.limit > kMaxContactPage) {
    return Error::InvalidArgument("limit must be from 1 to 200", "limit");
  }
  const std::string_view q = TrimView(query.q);
  if (q.size() > kMaxQueryBytes) return Error::InvalidArgument("q must be at most 200 bytes", "q");
  ContactFilter filter;
  filter.limit = static_cast<int>(query.limit) + 1;  // one more tells whether a page follows
  if (!query.tag.empty()) {
    auto tags = NormalizeTags({query.tag});
    if (!tags.ok()) return Error::InvalidArgument("tag is not a tag", "tag");
    filter.tag = tags->front();
  }
  if (query.opted_out) {
    filter.sms_opted_out = *query.opted_out == "sms";
    filter.email_opted_out = *query.opted_out == "email";
    if (!filter.sms_opted_out && !filter.email_opted_out) {
      return Error::InvalidArgument("opted_out must be sms or email", "opted_out");
    }
  }
  if (!query.cursor.empty()) {
    auto position = DecodeCursor(query.cursor);
    if (!position.ok()) return std::move(position).error();
    filter.after_name = std::move(position->first);
    filter.after_id = position->second;
  }
  if (!q.empty()) {
    filter.search = true;
    filter.name_prefix = std::string(q);
    filter.email_prefix = AsciiLower(q);
    auto region = WorkspaceRegion(conn, workspace_id);
    if (!region.ok()) return std::move(region).error();
    filter.phone_prefixes = PhonePrefixes(q, *region);
  }
  ContactPage page;
  page.contacts = ContactRepository(conn).List(workspace_id, filter);
  if (page.contacts.size() > static_cast<std::size_t>(query.limit)) {
    page.contacts.pop_back();
    page.next_cursor = EncodeCursor(page.contacts.back());
  }
  return page;
}

Result<Contact> ContactService::Create(db::Connection& conn, std::int64_t workspace_id,
                                       const ContactFields& fields) const {
  auto region = WorkspaceRegion(conn, workspace_id);
  if (!region.ok()) return std::move(region).error();
  Contact c;
  c.workspace_id = workspace_id;
  c.source = kSourceManual;
  if (Status valid = Apply(fields, *region, c); !valid.ok()) return std::move(valid).error();
  c.created_at = c.updated_at = clock_.NowMillis();

  db::Transaction tx(conn);
  ContactRepository repo(conn);
  if (Status unique = CheckUnique(repo, c); !unique.ok()) return std::move(unique).error();
  auto id = repo.Insert(c);
  if (!id.ok()) return std::move(id).error();
  tx.Commit();
  return repo.Find(workspace_id, *id).value();
}

Result<Contact> ContactService::Get(db::Connection& conn, std::int64_t workspace_id,
                                    std::int64_t id) const {
  auto c = ContactRepository(conn).Find(workspace_id, id);
  if (!c) return NoSuchContact();
  return std::move(*c);
}

Result<Contact> ContactService::Update(db::Connection& conn, std::int64_t workspace_id,
                                       std::int64_t id, const ContactFields& fields) const {
  std::string region;
  if (fields.phone) {
    auto found = WorkspaceRegion(conn, workspace_id);
    if (!found.ok()) return std::move(found).error();
    region = std::move(found).value();
  }
  db::Transaction tx(conn);
  ContactRepository repo(conn);
  auto before = repo.Find(workspace_id, id);
  if (!before) return NoSuchContact();
  Contact after = *before;
  if (Status valid = Apply(fields, region, after); !valid.ok()) return std::move(valid).error();
  if (SameFields(*before, after)) return std::move(*before);
  if (Status unique = CheckUnique(repo, after); !unique.ok()) return std::move(unique).error();
  after.updated_at = clock_.NowMillis();
  if (Status saved = repo.Update(after); !saved.ok()) return std::move(saved).error();
  tx.Commit();
  return repo.Find(workspace_id, id).value();
}

Status ContactService::Delete(db::Connection& conn, std::int64_t workspace_id,
                              std::int64_t id) const {
  if (!ContactRepository(conn).Delete(workspace_id, id)) return NoSuchContact();
  return Ok();
}

Result<Contact> ContactService::FindOrCreate(db::Connection& conn, std::int64_t workspace_id,
                                             std::string_view name,
                                             std::optional<std::string_view> email,
                                             std::optional<std::string_view> phone,
                                             std::string_view source) const {
  auto region = WorkspaceRegion(conn, workspace_id);
  if (!region.ok()) return std::move(region).error();
  auto clean_name = NormalizeName(name);
  if (!clean_name.ok()) return std::move(clean_name).error();
  auto clean_email = NormalizeContactEmail(email.value_or(""));
  if (!clean_email.ok()) return std::move(clean_email).error();
  auto clean_phone = NormalizeContactPhone(phone.value_or(""), *region);
  if (!clean_phone.ok()) {
    if (source != kSourceInboundSms || !phone || !IsE164(*phone)) {
      return std::move(clean_phone).error();
    }
    clean_phone = std::optional<std::string>(std::string(*phone));
  }

  Contact wanted;
  wanted.workspace_id = workspace_id;
  wanted.name = std::move(clean_name).value();
  wanted.email = std::move(clean_email).value();
  wanted.phone = std::move(clean_phone).value();
  wanted.source = std::string(source);
  if (Status any = RequireEmailOrPhone(wanted); !any.ok()) return std::move(any).error();

  ContactRepository repo(conn);
  std::optional<Contact> found;
  if (wanted.phone) found = repo.FindByPhone(workspace_id, *wanted.phone);
  if (!found && wanted.email) found = repo.FindByEmail(workspace_id, *wanted.email);
  const Millis now = clock_.NowMillis();
  if (!found) {
    wanted.created_at = wanted.updated_at = now;
    auto id = repo.Insert(wanted);
    if (!id.ok()) return std::move(id).error();
    return repo.Find(workspace_id, *id).value();
  }

  Contact filled = *found;
  if (filled.name.empty()) filled.name = wanted.name;
  if (!filled.email && wanted.email && !repo.FindByEmail(workspace_id, *wanted.email)) {
    filled.email = wanted.email;
  }
  // Found by email, so no contact has the phone: the lookup by phone came first.
  if (!filled.phone && wanted.phone) filled.phone = wanted.phone;
  if (SameFields(filled, *found)) return std::move(*found);
  filled.updated_at = now;
  if (Status saved = repo.Update(filled); !saved.ok()) return std::move(saved).error();
  return filled;
}

}  // namespace careops::contacts
