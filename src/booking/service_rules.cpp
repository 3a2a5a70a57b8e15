#include "booking/service_rules.hpp"

#include <algorithm>
#include <functional>
#include <string_view>

#include "core/text.hpp"

namespace careops::booking {
namespace {

Result<std::string> Text(std::string_view input, const char* field, std::size_t min_chars,
                         std::size_t max_chars, bool multiline) {
  std::string text = multiline ? std::string(input) : Trim(input);
  if (HasControlChars(text, multiline)) {
    return Error::InvalidArgument(std::string(field) + " must not contain control characters",
                                  field);
  }
  const std::size_t n = CodePoints(text);
  if (n < min_chars) return Error::InvalidArgument(std::string(field) + " is required", field);
  if (n > max_chars) {
    return Error::InvalidArgument(
        std::string(field) + " must be at most " + std::to_string(max_chars) + " characters",
        field);
  }
  return text;
}

Status Range(std::int64_t value, std::int64_t lo, std::int64_t hi, const char* field) {
  if (value < lo || value > hi) {
    return Error::InvalidArgument(std::string(field) + " must be between " + std::to_string(lo) +
                                      " and " + std::to_string(hi),
                                  field);
  }
  return Ok();
}

// Writes an optional integer field checked against [lo, hi].
Status SetInt(const std::optional<std::int64_t>& value, int& out, std::int64_t lo, std::int64_t hi,
              const char* field) {
  if (!value) return Ok();
  if (Status s = Range(*value, lo, hi, field); !s.ok()) return s;
  out = static_cast<int>(*value);
  return Ok();
}

Result<std::vector<int>> Offsets(const std::vector<std::int64_t>& input) {
  constexpr const char* kField = "reminder_offsets_minutes";
  if (input.size() > kMaxReminderOffsets) {
    return Error::InvalidArgument("at most 5 reminder offsets", kField);
  }
  std::vector<int> out;
  for (std::int64_t v : input) {
    if (Status s = Range(v, 5, 20'160, kField); !s.ok()) return std::move(s).error();
    out.push_back(static_cast<int>(v));
  }
  std::sort(out.begin(), out.end(), std::greater<>());
  if (std::adjacent_find(out.begin(), out.end()) != out.end()) {
    return Error::InvalidArgument("reminder offsets must be distinct", kField);
  }
  return out;
}

bool IsCurrency(std::string_view c) {
  return c.size() == 3 &&
         std::all_of(c.begin(), c.end(), [](char x) { return x >= 'A' && x <= 'Z'; });
}

}  // namespace

Status ApplyServiceFields(Service& s, const ServiceFields& f) {
  if (f.name) {
    auto name = Text(*f.name, "name", 1, kMaxServiceNameChars, false);
    if (!name.ok()) return std::move(name).error();
    s.name = std::move(name).value();
  }
  if (f.description) {
    auto d = Text(*f.description, "description", 0, kMaxServiceDescriptionChars, true);
    if (!d.ok()) return std::move(d).error();
    s.description = std::move(d).value();
  }
  const struct {
    const std::optional<std::int64_t>& value;
    int& out;
    std::int64_t lo;
    std::int64_t hi;
    const char* field;
  } ints[] = {
      {f.duration_minutes, s.duration_minutes, 5, 1440, "duration_minutes"},
      {f.buffer_before_minutes, s.buffer_before_minutes, 0, 240, "buffer_before_minutes"},
      {f.buffer_after_minutes, s.buffer_after_minutes, 0, 240, "buffer_after_minutes"},
      {f.min_notice_minutes, s.min_notice_minutes, 0, 43'200, "min_notice_minutes"},
      {f.horizon_days, s.horizon_days, 1, 365, "horizon_days"},
      {f.slot_interval_minutes, s.slot_interval_minutes, 5, 240, "slot_interval_minutes"},
  };
  for (const auto& i : ints) {
    if (Status st = SetInt(i.value, i.out, i.lo, i.hi, i.field); !st.ok()) return st;
  }
  if (f.price_cents) {
    if (*f.price_cents) {
      if (Status st = Range(**f.price_cents, 0, kMaxPriceCents, "price_cents"); !st.ok()) return st;
    }
    s.price_cents = *f.price_cents;
  }
  if (f.currency) {
    s.currency = Trim(*f.currency);
    for (char& c : s.currency) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  }
  if (f.location_kind) {
    if (*f.location_kind != "in_person" && *f.location_kind != "online") {
      return Error::InvalidArgument("location_kind must be \"in_person\" or \"online\"",
                                    "location_kind");
    }
    s.location_kind = *f.location_kind;
  }
  if (f.location) {
    auto l = Text(*f.location, "location", 0, kMaxServiceLocationChars, false);
    if (!l.ok()) return std::move(l).error();
    s.location = std::move(l).value();
  }
  if (f.requires_approval) s.requires_approval = *f.requires_approval;
  if (f.is_active) s.is_active = *f.is_active;
  if (f.reminder_offsets_minutes) {
    auto offsets = Offsets(*f.reminder_offsets_minutes);
    if (!offsets.ok()) return std::move(offsets).error();
    s.reminder_offsets_minutes = std::move(offsets).value();
  }
  if (f.member_ids) {
    std::vector<std::int64_t> ids = *f.member_ids;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.size() > kMaxServiceStaff) {
      return Error::InvalidArgument("at most 100 members per service", "member_ids");
    }
    if (!ids.empty() && ids.front() <= 0) {
      return Error::InvalidArgument("member_ids must be member ids", "member_ids");
    }
    s.staff_ids = std::move(ids);
  }

  // The whole.
  if (s.name.empty()) return Error::InvalidArgument("name is required", "name");
  if (s.duration_minutes == 0) {
    return Error::InvalidArgument("duration_minutes is required", "duration_minutes");
  }
  if (s.price_cents && !IsCurrency(s.currency)) {
    return Error::InvalidArgument("currency must be three letters (ISO 4217) with a price",
                                  "currency");
  }
  if (!s.price_cents && !s.currency.empty() && !IsCurrency(s.currency)) {
    return Error::InvalidArgument("currency must be three letters (ISO 4217)", "currency");
  }
  if (s.location_kind == "online" && !s.location.empty() && !s.location.starts_with("https://")) {
    return Error::InvalidArgument("an online location must be an https:// link", "location");
  }
  return Ok();
}

}  // namespace careops::booking
