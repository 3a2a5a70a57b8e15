// Services and staff availability over HTTP (docs/API.md, Booking; PRODUCT.md B1, B2): CRUD
// with every refusal naming its field, owner-only writes, other workspaces' services unseen,
// the availability document round trip, and the onboarding "services" step.

#include <gtest/gtest.h>

#include <string>

#include "support/booking_fixture.hpp"

namespace careops::testing {
namespace {

class BookingServicesTest : public BookingHttpTest {
 protected:
  // The field of a 400 answer ("" when it is not a 400).
  static std::string Field400(const ClientResponse& r) {
    if (r.status != 400) return "status " + std::to_string(r.status) + ": " + r.body;
    return r.Json()["error"].value("field", "");
  }
  std::string AvailabilityPath(std::int64_t member) {
    return path_ + "/staff/" + std::to_string(member) + "/availability";
  }
};

TEST_F(BookingServicesTest, OwnersCreateReadChangeAndDeleteServices) {
  auto created = As(ann_, "POST", path_ + "/services",
                    Json{{"name", " Deep Tissue Massage "},
                         {"duration_minutes", 50},
                         {"price_cents", 6500},
                         {"currency", "gbp"},
                         {"member_ids", {bob_id_, ann_id_, bob_id_}}}
                        .dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const Json s = created.Json();
  EXPECT_EQ(s["name"], "Deep Tissue Massage");
  EXPECT_EQ(s["currency"], "GBP");
  EXPECT_EQ(s["member_ids"], (Json{std::min(ann_id_, bob_id_), std::max(ann_id_, bob_id_)}));
  EXPECT_EQ(s["reminder_offsets_minutes"], Json{1440});
  EXPECT_EQ(s["min_notice_minutes"], 60);
  EXPECT_EQ(s["location_kind"], "in_person");
  EXPECT_EQ(s["is_active"], true);
  const std::string one = path_ + "/services/" + std::to_string(s["id"].get<std::int64_t>());

  auto patched =
      As(ann_, "PATCH", one, Json{{"price_cents", nullptr}, {"buffer_after_minutes", 15}}.dump());
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_TRUE(patched.Json()["price_cents"].is_null());
  EXPECT_EQ(patched.Json()["buffer_after_minutes"], 15);
  EXPECT_EQ(patched.Json()["name"], "Deep Tissue Massage") << "absent fields stay";

  EXPECT_EQ(As(bob_, "GET", one).status, 200) << "every member reads services";
  auto list = As(bob_, "GET", path_ + "/services");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.Json()["services"].size(), 1u);

  EXPECT_EQ(As(ann_, "DELETE", one).status, 204);
  EXPECT_EQ(As(ann_, "GET", one).status, 404);
  EXPECT_EQ(As(ann_, "GET", path_ + "/services?include_archived=1").Json()["services"].size(), 0u)
      << "a service without bookings is deleted, not archived";
}

TEST_F(BookingServicesTest, EveryRefusalNamesItsField) {
  const std::string services = path_ + "/services";
  auto post = [&](const std::string& body) { return As(ann_, "POST", services, body); };
  EXPECT_EQ(Field400(post("{not json")), "body");
  EXPECT_EQ(Field400(post("[1]")), "body");
  EXPECT_EQ(Field400(post(Json{{"duration_minutes", 30}}.dump())), "name");
  EXPECT_EQ(Field400(post(Json{{"name", "X"}}.dump())), "duration_minutes");
  EXPECT_EQ(Field400(post(Json{{"name", 7}, {"duration_minutes", 30}}.dump())), "name");
  EXPECT_EQ(Field400(post(Json{{"name", "X"}, {"duration_minutes", "30"}}.dump())),
            "duration_minutes");
  EXPECT_EQ(Field400(post(R"({"name": "X", "duration_minutes": 1e300})")), "duration_minutes");
  EXPECT_EQ(Field400(post(R"({"name": "X", "duration_minutes": 99999999999999999999})")),
            "duration_minutes");
  EXPECT_EQ(Field400(post(Json{{"name", "X"}, {"duration_minutes", 4}}.dump())),
            "duration_minutes");
  EXPECT_EQ(
      Field400(post(Json{{"name", "X"}, {"duration_minutes", 30}, {"price_cents", 100}}.dump())),
      "currency");
  EXPECT_EQ(
      Field400(post(Json{{"name", "X"}, {"duration_minutes", 30}, {"horizon_days", 0}}.dump())),
      "horizon_days");
  EXPECT_EQ(Field400(post(Json{{"name", "X"},
                               {"duration_minutes", 30},
                               {"location_kind", "online"},
                               {"location", "http://insecure.example"}}
                              .dump())),
            "location");
  EXPECT_EQ(Field400(post(Json{
                {"name", "X"}, {"duration_minutes", 30}, {"reminder_offsets_minutes", {60, 60}}}
                              .dump())),
            "reminder_offsets_minutes");
  EXPECT_EQ(
      Field400(post(Json{{"name", "X"}, {"duration_minutes", 30}, {"member_ids", "1"}}.dump())),
      "member_ids");
  EXPECT_EQ(Field400(post(
                Json{{"name", "X"}, {"duration_minutes", 30}, {"member_ids", {999999}}}.dump())),
            "member_ids")
      << "not a member";
  EXPECT_EQ(
      Field400(post(Json{{"name", "X"}, {"duration_minutes", 30}, {"is_active", "yes"}}.dump())),
      "is_active");
  EXPECT_EQ(Field400(As(ann_, "GET", services + "?include_archived=maybe")), "include_archived");
  EXPECT_EQ(As(ann_, "GET", services).Json()["services"].size(), 0u) << "nothing was written";
}

TEST_F(BookingServicesTest, StaffReadButOnlyOwnersWriteAndOtherWorkspacesSeeNothing) {
  const std::int64_t id = CreateService({{"member_ids", {bob_id_}}});
  const std::string one = path_ + "/services/" + std::to_string(id);
  EXPECT_EQ(
      As(bob_, "POST", path_ + "/services", Json{{"name", "X"}, {"duration_minutes", 30}}.dump())
          .status,
      403);
  EXPECT_EQ(As(bob_, "PATCH", one, Json{{"name", "Mine"}}.dump()).status, 403);
  EXPECT_EQ(As(bob_, "DELETE", one).status, 403);

  const std::int64_t other = CreateWorkspace(ann_, "Ann's Other", "ann-other");
  const std::string elsewhere =
      "/api/workspaces/" + std::to_string(other) + "/services/" + std::to_string(id);
  EXPECT_EQ(As(ann_, "GET", elsewhere).status, 404);
  EXPECT_EQ(As(ann_, "PATCH", elsewhere, Json{{"name", "Taken"}}.dump()).status, 404);
  EXPECT_EQ(As(ann_, "DELETE", elsewhere).status, 404);
  EXPECT_EQ(As(ann_, "GET", one).Json()["name"], "Consultation") << "unchanged";
}

TEST_F(BookingServicesTest, ABookedServiceIsArchivedAndListedOnlyWhenAsked) {
  const std::int64_t id = CreateService({{"member_ids", {bob_id_}}});
  AddBooking(id, bob_id_, AddContact("Dana"), "cancelled", 1'800'000'000'000, 1'800'003'600'000,
             1'800'000'000'000, 1'800'003'600'000);
  ASSERT_EQ(As(ann_, "DELETE", path_ + "/services/" + std::to_string(id)).status, 204);
  EXPECT_EQ(As(ann_, "GET", path_ + "/services").Json()["services"].size(), 0u);
  const Json archived = As(ann_, "GET", path_ + "/services?include_archived=1").Json();
  ASSERT_EQ(archived["services"].size(), 1u);
  EXPECT_EQ(archived["services"][0]["is_active"], false);
}

TEST_F(BookingServicesTest, AvailabilityRoundTripsAndOnlyTheOwnerOrTheMemberChangesIt) {
  const Json doc = {{"weekly",
                     {{{"weekday", 0}, {"start", "13:00"}, {"end", "17:30"}},
                      {{"weekday", 0}, {"start", "09:00"}, {"end", "12:00"}},
                      {{"weekday", 6}, {"start", "20:00"}, {"end", "24:00"}}}},
                    {"overrides",
                     {{{"date", "2026-12-25"}, {"closed", true}, {"note", "Christmas"}},
                      {{"date", "2026-12-24"},
                       {"closed", false},
                       {"intervals", {{{"start", "09:00"}, {"end", "12:00"}}}}}}}};
  auto put = As(bob_, "PUT", AvailabilityPath(bob_id_), doc.dump());
  ASSERT_EQ(put.status, 200) << put.body;
  auto got = As(ann_, "GET", AvailabilityPath(bob_id_));
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.Json(), (Json{{"member_id", bob_id_},
                              {"timezone", "Europe/London"},
                              {"weekly",
                               {{{"weekday", 0}, {"start", "09:00"}, {"end", "12:00"}},
                                {{"weekday", 0}, {"start", "13:00"}, {"end", "17:30"}},
                                {{"weekday", 6}, {"start", "20:00"}, {"end", "24:00"}}}},
                              {"overrides",
                               {{{"date", "2026-12-24"},
                                 {"closed", false},
                                 {"intervals", {{{"start", "09:00"}, {"end", "12:00"}}}},
                                 {"note", ""}},
                                {{"date", "2026-12-25"},
                                 {"closed", true},
                                 {"intervals", Json::array()},
                                 {"note", "Christmas"}}}}}));
  EXPECT_EQ(put.Json(), got.Json());

  EXPECT_EQ(
      As(bob_, "PUT", AvailabilityPath(ann_id_), Json{{"weekly", Json::array()}}.dump()).status,
      403);
  EXPECT_EQ(As(bob_, "PUT", AvailabilityPath(ann_id_), "{broken").status, 403)
      << "who may comes before what was sent";
  EXPECT_EQ(As(ann_, "GET", AvailabilityPath(999999)).status, 404);
  EXPECT_EQ(As(ann_, "PUT", AvailabilityPath(999999), doc.dump()).status, 404);
  ASSERT_EQ(
      As(ann_, "PUT", AvailabilityPath(bob_id_), Json{{"weekly", Json::array()}}.dump()).status,
      200);
  EXPECT_EQ(As(bob_, "GET", AvailabilityPath(bob_id_)).Json()["weekly"].size(), 0u)
      << "the owner replaced Bob's week";
}

TEST_F(BookingServicesTest, MalformedAvailabilityIsRefusedNamingWeeklyOrOverrides) {
  auto put = [&](const Json& body) {
    return As(ann_, "PUT", AvailabilityPath(bob_id_), body.dump());
  };
  auto weekly = [](Json interval) { return Json{{"weekly", Json::array({interval})}}; };
  auto overrides = [](Json o) { return Json{{"overrides", Json::array({o})}}; };
  EXPECT_EQ(Field400(put(weekly({{"weekday", 7}, {"start", "09:00"}, {"end", "10:00"}}))),
            "weekly");
  EXPECT_EQ(Field400(put(weekly({{"weekday", 0}, {"start", "25:00"}, {"end", "26:00"}}))),
            "weekly");
  EXPECT_EQ(Field400(put(weekly({{"weekday", 0}, {"start", "10:00"}, {"end", "09:00"}}))),
            "weekly");
  EXPECT_EQ(Field400(put(weekly({{"weekday", 0}, {"start", "9:00"}, {"end", "10:00"}}))), "weekly");
  EXPECT_EQ(Field400(put(weekly({{"weekday", "monday"}, {"start", "09:00"}, {"end", "10:00"}}))),
            "weekly");
  EXPECT_EQ(Field400(put(Json{{"weekly", "all week"}})), "weekly");
  Json many = Json::array();
  for (int i = 0; i < 51; ++i)
    many.push_back({{"weekday", 0}, {"start", "09:00"}, {"end", "10:00"}});
  EXPECT_EQ(Field400(put(Json{{"weekly", many}})), "weekly");
  EXPECT_EQ(Field400(put(overrides({{"date", "2026-02-30"}, {"closed", true}}))), "overrides");
  EXPECT_EQ(Field400(put(overrides({{"date", "tomorrow"}, {"closed", true}}))), "overrides");
  EXPECT_EQ(Field400(put(overrides({{"date", "2026-03-01"}, {"closed", "yes"}}))), "overrides");
  EXPECT_EQ(Field400(put(Json{{"overrides",
                               {{{"date", "2026-03-01"}, {"closed", true}},
                                {{"date", "2026-03-01"}, {"closed", true}}}}})),
            "overrides");
  EXPECT_EQ(Field400(put(overrides({{"date", "2026-03-01"},
                                    {"intervals", {{{"start", "12:00"}, {"end", "11:00"}}}}}))),
            "overrides");
}

TEST_F(BookingServicesTest, TheServicesStepIsDoneOnceAStaffedServiceHasHours) {
  auto step = [&] { return As(ann_, "GET", path_ + "/onboarding").Json()["steps"][3]; };
  ASSERT_EQ(step()["key"], "services");
  EXPECT_EQ(step()["available"], true);
  EXPECT_EQ(step()["done"], false);
  EXPECT_EQ(step()["missing"], Json{"add a service customers can book"});
  CreateService({{"member_ids", {bob_id_}}});
  EXPECT_EQ(step()["missing"], Json{"set the weekly hours of someone who provides a service"});
  SetDailyHours(bob_id_, "09:00", "17:00");
  EXPECT_EQ(step()["done"], true);
  EXPECT_EQ(step()["missing"], Json::array());

  auto refused = As(ann_, "POST", path_ + "/activate");
  ASSERT_EQ(refused.status, 409);
  const Json problems = refused.Json()["error"]["problems"];
  ASSERT_FALSE(problems.empty());
  for (const Json& p : problems) EXPECT_NE(p["field"], "services");
}

}  // namespace
}  // namespace careops::testing
