#pragma once
// What a bookable service may hold (docs/API.md, Booking: the service rules). Pure functions;
// thread-safe. Errors are InvalidArgument naming the API field ("duration_minutes",
// "member_ids", …). "Characters" are UTF-8 code points (JSON bodies are valid UTF-8).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "booking/model.hpp"
#include "core/error.hpp"

namespace careops::booking {

inline constexpr std::size_t kMaxServiceNameChars = 200;
inline constexpr std::size_t kMaxServiceDescriptionChars = 2000;
inline constexpr std::size_t kMaxServiceLocationChars = 500;
inline constexpr std::size_t kMaxReminderOffsets = 5;
inline constexpr std::size_t kMaxServiceStaff = 100;
inline constexpr std::int64_t kMaxPriceCents = 100'000'000'000;  // a billion in any currency

// What a caller may set (API names in comments where they differ). Absent fields take the
// defaults of Service on create and stay as they are on update.
struct ServiceFields {
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<std::int64_t> duration_minutes;
  std::optional<std::optional<std::int64_t>> price_cents;  // present null: no price
  std::optional<std::string> currency;
  std::optional<std::string> location_kind;
  std::optional<std::string> location;
  std::optional<std::int64_t> buffer_before_minutes;
  std::optional<std::int64_t> buffer_after_minutes;
  std::optional<std::int64_t> min_notice_minutes;
  std::optional<std::int64_t> horizon_days;
  std::optional<std::int64_t> slot_interval_minutes;
  std::optional<bool> requires_approval;
  std::optional<std::vector<std::int64_t>> reminder_offsets_minutes;
  std::optional<std::vector<std::int64_t>> member_ids;  // staff_ids
  std::optional<bool> is_active;
};

// Writes the present `fields` into `s`, each checked and normalised (name trimmed, currency
// upper-cased, reminder offsets sorted descending, member ids ascending without duplicates),
// then checks the whole (currency needs a price's three letters, an online location is an
// https:// link). Whether the member ids are active members is the caller's check (it needs
// the database). On error `s` may be partly written.
Status ApplyServiceFields(Service& s, const ServiceFields& fields);

}  // namespace careops::booking
