// The service rules: each field's range, normal forms, and the checks of the whole; every
// refusal names the API field.

#include "booking/service_rules.hpp"

#include <gtest/gtest.h>

#include <string>

namespace careops::booking {
namespace {

ServiceFields Minimal() {
  ServiceFields f;
  f.name = "  Consultation ";
  f.duration_minutes = 45;
  return f;
}

// The field named by the refusal of `f` applied to a new service ("" when accepted).
std::string RefusedField(const ServiceFields& f) {
  Service s;
  Status st = ApplyServiceFields(s, f);
  if (st.ok()) return "";
  EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
  return st.error().field.value_or("(none)");
}

TEST(ServiceRulesTest, AMinimalServiceTakesTheDefaults) {
  Service s;
  ASSERT_TRUE(ApplyServiceFields(s, Minimal()).ok());
  EXPECT_EQ(s.name, "Consultation");
  EXPECT_EQ(s.duration_minutes, 45);
  EXPECT_EQ(s.min_notice_minutes, 60);
  EXPECT_EQ(s.horizon_days, 60);
  EXPECT_EQ(s.slot_interval_minutes, 30);
  EXPECT_EQ(s.reminder_offsets_minutes, std::vector<int>{1440});
  EXPECT_FALSE(s.price_cents.has_value());
  EXPECT_EQ(s.location_kind, "in_person");
}

TEST(ServiceRulesTest, NameAndDurationAreRequired) {
  ServiceFields f = Minimal();
  f.name = "   ";
  EXPECT_EQ(RefusedField(f), "name");
  f = Minimal();
  f.duration_minutes.reset();
  EXPECT_EQ(RefusedField(f), "duration_minutes");
  f = Minimal();
  f.name = std::string(201, 'x');
  EXPECT_EQ(RefusedField(f), "name");
  f.name = std::string(200, 'x');
  EXPECT_EQ(RefusedField(f), "");
  f.name = "Tab\tName";
  EXPECT_EQ(RefusedField(f), "name");
}

TEST(ServiceRulesTest, NumbersMustBeInTheirRanges) {
  const struct {
    std::optional<std::int64_t> ServiceFields::*field;
    const char* name;
    std::int64_t lowest;
    std::int64_t highest;
  } cases[] = {
      {&ServiceFields::duration_minutes, "duration_minutes", 5, 1440},
      {&ServiceFields::buffer_before_minutes, "buffer_before_minutes", 0, 240},
      {&ServiceFields::buffer_after_minutes, "buffer_after_minutes", 0, 240},
      {&ServiceFields::min_notice_minutes, "min_notice_minutes", 0, 43'200},
      {&ServiceFields::horizon_days, "horizon_days", 1, 365},
      {&ServiceFields::slot_interval_minutes, "slot_interval_minutes", 5, 240},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    ServiceFields f = Minimal();
    f.*c.field = c.lowest;
    EXPECT_EQ(RefusedField(f), "");
    f.*c.field = c.highest;
    EXPECT_EQ(RefusedField(f), "");
    f.*c.field = c.lowest - 1;
    EXPECT_EQ(RefusedField(f), c.name);
    f.*c.field = c.highest + 1;
    EXPECT_EQ(RefusedField(f), c.name);
    f.*c.field = INT64_MAX;
    EXPECT_EQ(RefusedField(f), c.name);
  }
}

TEST(ServiceRulesTest, APriceNeedsACurrency) {
  ServiceFields f = Minimal();
  f.price_cents = std::optional<std::int64_t>(4500);
  EXPECT_EQ(RefusedField(f), "currency");
  f.currency = "eur";
  Service s;
  ASSERT_TRUE(ApplyServiceFields(s, f).ok());
  EXPECT_EQ(s.currency, "EUR");
  EXPECT_EQ(s.price_cents, 4500);
  f.currency = "EURO";
  EXPECT_EQ(RefusedField(f), "currency");
  f.currency = "EUR";
  f.price_cents = std::optional<std::int64_t>(-1);
  EXPECT_EQ(RefusedField(f), "price_cents");

  ServiceFields clear;  // a present null clears the price
  clear.price_cents = std::optional<std::int64_t>();
  ASSERT_TRUE(ApplyServiceFields(s, clear).ok());
  EXPECT_FALSE(s.price_cents.has_value());
}

TEST(ServiceRulesTest, LocationKindAndOnlineLinks) {
  ServiceFields f = Minimal();
  f.location_kind = "phone";
  EXPECT_EQ(RefusedField(f), "location_kind");
  f.location_kind = "online";
  f.location = "http://meet.example.com/x";
  EXPECT_EQ(RefusedField(f), "location");
  f.location = "https://meet.example.com/x";
  EXPECT_EQ(RefusedField(f), "");
  f.location = std::string(501, 'a');
  EXPECT_EQ(RefusedField(f), "location");
}

TEST(ServiceRulesTest, ReminderOffsetsAreFewDistinctAndInRange) {
  ServiceFields f = Minimal();
  f.reminder_offsets_minutes = std::vector<std::int64_t>{60, 1440};
  Service s;
  ASSERT_TRUE(ApplyServiceFields(s, f).ok());
  EXPECT_EQ(s.reminder_offsets_minutes, (std::vector<int>{1440, 60}));
  f.reminder_offsets_minutes = std::vector<std::int64_t>{60, 60};
  EXPECT_EQ(RefusedField(f), "reminder_offsets_minutes");
  f.reminder_offsets_minutes = std::vector<std::int64_t>{4};
  EXPECT_EQ(RefusedField(f), "reminder_offsets_minutes");
  f.reminder_offsets_minutes = std::vector<std::int64_t>{20'161};
  EXPECT_EQ(RefusedField(f), "reminder_offsets_minutes");
  f.reminder_offsets_minutes = std::vector<std::int64_t>{10, 20, 30, 40, 50, 60};
  EXPECT_EQ(RefusedField(f), "reminder_offsets_minutes");
  f.reminder_offsets_minutes = std::vector<std::int64_t>{};
  EXPECT_EQ(RefusedField(f), "") << "no reminders at all is allowed";
}

TEST(ServiceRulesTest, MemberIdsAreSortedWithoutDuplicates) {
  ServiceFields f = Minimal();
  f.member_ids = std::vector<std::int64_t>{9, 3, 9};
  Service s;
  ASSERT_TRUE(ApplyServiceFields(s, f).ok());
  EXPECT_EQ(s.staff_ids, (std::vector<std::int64_t>{3, 9}));
  f.member_ids = std::vector<std::int64_t>{0};
  EXPECT_EQ(RefusedField(f), "member_ids");
}

}  // namespace
}  // namespace careops::booking
