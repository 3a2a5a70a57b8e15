// Availability and the catalog over a real database: who may change whose hours, what a
// week and its overrides may hold, members on services, archiving booked services, and the
// onboarding "services" step.

#include "booking/availability_service.hpp"

#include <gtest/gtest.h>

#include "booking/booking_test_fixture.hpp"
#include "booking/service_catalog.hpp"
#include "booking/services_step.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::booking {
namespace {

Availability NineToFive(int weekday) {
  Availability a;
  a.weekly.push_back({weekday, 540, 1020});
  return a;
}

class AvailabilityServiceTest : public BookingFixture {
 protected:
  std::string StepMissing() {
    const auto w = workspaces::WorkspaceRepository(*conn_).FindById(ws_);
    const auto state = ServicesStep(*conn_, *w);
    return state.done ? "done" : state.missing.at(0);
  }

  AvailabilityService availability_;
  ServiceCatalog catalog_{clock_};
};

TEST_F(AvailabilityServiceTest, OwnersAndTheMemberThemselfMayChangeHours) {
  ASSERT_TRUE(availability_.Replace(*conn_, ws_, bob_, bob_, NineToFive(0)).ok());
  ASSERT_TRUE(availability_.Replace(*conn_, ws_, ann_, bob_, NineToFive(1)).ok());
  auto refused = availability_.Replace(*conn_, ws_, bob_, ann_, NineToFive(0));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(availability_.Replace(*conn_, ws_, ann_, carl_, NineToFive(0)).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(availability_.Get(*conn_, ws_, carl_).error().code, ErrorCode::kNotFound);

  const auto bob = availability_.Get(*conn_, ws_, bob_);
  ASSERT_TRUE(bob.ok());
  EXPECT_EQ(bob->timezone, "Europe/London");
  ASSERT_EQ(bob->availability.weekly.size(), 1u);
  EXPECT_EQ(bob->availability.weekly[0].weekday, 1) << "replaced, not added";
}

TEST_F(AvailabilityServiceTest, WeeksAndOverridesAreCheckedAndSorted) {
  Availability a;
  a.weekly = {{2, 780, 1020}, {0, 540, 720}, {2, 540, 720}};
  a.overrides.push_back({{2026, 12, 25}, true, {{540, 600}}, "Christmas"});
  a.overrides.push_back({{2026, 12, 24}, false, {{600, 660}, {540, 570}}, ""});
  ASSERT_TRUE(NormalizeAvailability(a).ok());
  EXPECT_EQ(a.weekly[0].weekday, 0);
  EXPECT_EQ(a.weekly[1].start_minute, 540);
  EXPECT_EQ(a.overrides[0].date.day, 24u);
  EXPECT_EQ(a.overrides[0].intervals[0].start_minute, 540);
  EXPECT_TRUE(a.overrides[1].intervals.empty()) << "a closed day keeps no hours";

  Availability twice;
  twice.overrides.push_back({{2026, 12, 24}, true, {}, ""});
  twice.overrides.push_back({{2026, 12, 24}, false, {{540, 600}}, ""});
  EXPECT_EQ(NormalizeAvailability(twice).error().field, "overrides");

  Availability bad_day = NineToFive(7);
  EXPECT_EQ(NormalizeAvailability(bad_day).error().field, "weekly");
  Availability inverted;
  inverted.weekly.push_back({0, 600, 600});
  EXPECT_EQ(NormalizeAvailability(inverted).error().field, "weekly");
  Availability too_many;
  too_many.weekly.assign(51, {0, 540, 600});
  EXPECT_EQ(NormalizeAvailability(too_many).error().field, "weekly");
  Availability long_note;
  long_note.overrides.push_back({{2026, 1, 2}, true, {}, std::string(501, 'n')});
  EXPECT_EQ(NormalizeAvailability(long_note).error().field, "overrides");
}

TEST_F(AvailabilityServiceTest, ServicesNameActiveMembersOnly) {
  ServiceFields f;
  f.name = "Massage";
  f.duration_minutes = 60;
  f.member_ids = std::vector<std::int64_t>{bob_, carl_};
  auto refused = catalog_.Create(*conn_, ws_, f);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "member_ids");
  EXPECT_EQ(ServiceRepository(*conn_).List(ws_, true).size(), 0u) << "nothing written";

  f.member_ids = std::vector<std::int64_t>{bob_};
  auto created = catalog_.Create(*conn_, ws_, f);
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(catalog_.Get(*conn_, ws_, created->id)->staff_ids, std::vector<std::int64_t>{bob_});
}

TEST_F(AvailabilityServiceTest, ABookedServiceIsArchivedNotDeleted) {
  const Service booked = AddService({bob_});
  AddBooking(booked, bob_, Utc(date::year{2026} / 3 / 2, 10));
  const Service free = AddService({bob_});
  ASSERT_TRUE(catalog_.Delete(*conn_, ws_, booked.id).ok());
  ASSERT_TRUE(catalog_.Delete(*conn_, ws_, free.id).ok());
  const auto archived = catalog_.Get(*conn_, ws_, booked.id);
  ASSERT_TRUE(archived.ok());
  EXPECT_FALSE(archived->is_active);
  EXPECT_EQ(catalog_.Get(*conn_, ws_, free.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(catalog_.List(*conn_, ws_, false).size(), 0u);
  EXPECT_EQ(catalog_.List(*conn_, ws_, true).size(), 1u);
}

TEST_F(AvailabilityServiceTest, TheServicesStepSaysWhatIsMissingUntilSomeoneCanBeBooked) {
  EXPECT_EQ(StepMissing(), "add a service customers can book");
  const Service s = AddService({carl_});  // no member
  EXPECT_EQ(StepMissing(), "choose who on your team provides a service");
  ServiceRepository repo(*conn_);
  Service with_bob = s;
  with_bob.staff_ids = {bob_};
  repo.Update(with_bob);
  EXPECT_EQ(StepMissing(), "set the weekly hours of someone who provides a service");
  ASSERT_TRUE(availability_.Replace(*conn_, ws_, bob_, bob_, NineToFive(0)).ok());
  EXPECT_EQ(StepMissing(), "done");
  conn_->Execute("UPDATE workspace_members SET status = 'suspended' WHERE user_id = ?", {bob_});
  EXPECT_NE(StepMissing(), "done") << "a suspended member serves nobody";
}

}  // namespace
}  // namespace careops::booking
