// Inventory over HTTP (PRODUCT.md I1–I3; docs/API.md, Inventory): concurrent bookings moving
// one item's stock (the ledger's sums, the columns and the API agree), the one low-stock alert
// at the SMTP sink and what clears it, cancel / complete / no-show, adjustments and their bad
// input, the rule switched off, another workspace's items, and the onboarding step.

#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "http/event_hub.hpp"
#include "support/bookings_fixture.hpp"
#include "support/smtp_sink.hpp"

namespace careops::testing {
namespace {

using json = nlohmann::json;

class InventoryTest : public BookingsHttpTest {
 protected:
  InventoryTest() {
    configure_more_ = [this](app::Config& c) {
      c.email_provider = "smtp";
      c.smtp_host = "127.0.0.1";
      c.smtp_port = smtp_.port();
      c.smtp_starttls = "never";
      c.smtp_from = "careops@example.com";
    };
  }
  void TearDown() override { server_.reset(); }  // before the sink goes

  std::string Inv(const std::string& rest = "") const { return Ws("/inventory" + rest); }
  std::string ItemPath(std::int64_t id, const std::string& rest = "") const {
    return Inv("/" + std::to_string(id) + rest);
  }

  std::int64_t CreateItem(const std::string& name, std::int64_t on_hand, std::int64_t threshold) {
    auto r =
        As(ann_, "POST", Inv(),
           json{{"name", name}, {"on_hand", on_hand}, {"low_stock_threshold", threshold}}.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json()["id"].get<std::int64_t>() : 0;
  }
  void Uses(std::int64_t service_id, std::int64_t item_id, std::int64_t quantity) {
    auto r = As(ann_, "PUT", Ws("/services/" + std::to_string(service_id) + "/usage"),
                json{{"usage", {{{"item_id", item_id}, {"quantity", quantity}}}}}.dump());
    ASSERT_EQ(r.status, 200) << r.body;
  }
  json Item(std::int64_t id) {
    auto r = As(ann_, "GET", ItemPath(id));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.Json() : json::object();
  }
  ClientResponse Adjust(std::int64_t id, const json& body) {
    return As(ann_, "POST", ItemPath(id, "/adjustments"), body.dump());
  }

  // The ledger's sums and the item's columns, read from the database.
  void ExpectLedgerEqualsColumns(std::int64_t id) {
    const std::string item = std::to_string(id);
    EXPECT_EQ(SqlInt("SELECT IFNULL(SUM(on_hand_delta), 0) FROM inventory_ledger WHERE item_id = " +
                     item),
              SqlInt("SELECT on_hand FROM inventory_items WHERE id = " + item));
    EXPECT_EQ(SqlInt("SELECT IFNULL(SUM(reserved_delta), 0) FROM inventory_ledger WHERE "
                     "item_id = " +
                     item),
              SqlInt("SELECT reserved FROM inventory_items WHERE id = " + item));
  }
  std::int64_t Alerts() {
    return SqlInt("SELECT COUNT(*) FROM messages WHERE kind = 'low_stock_alert'");
  }
  // Mails at the sink whose text names `what`, once at least `n` arrived (or 10 s).
  std::vector<SmtpSink::Mail> AlertMails(std::size_t n) {
    std::vector<SmtpSink::Mail> out;
    for (int i = 0; i < 400; ++i) {
      out.clear();
      for (const auto& m : smtp_.mails()) {
        if (m.data.find("Low stock at") != std::string::npos) out.push_back(m);
      }
      if (out.size() >= n) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return out;
  }
  void MakeBobManager() {
    Sql("UPDATE workspace_members SET role = 'manager', perm_inventory = 1, perm_bookings = 1 "
        "WHERE user_id = " +
        std::to_string(bob_id_));
  }

  // Runs `calls` all at once, one thread each; returns their statuses.
  std::vector<int> AllAtOnce(const std::vector<std::function<ClientResponse()>>& calls) {
    std::vector<int> statuses(calls.size(), 0);
    std::latch start(static_cast<std::ptrdiff_t>(calls.size()));
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < calls.size(); ++i) {
      threads.emplace_back([&, i] {
        start.arrive_and_wait();
        try {
          auto r = calls[i]();
          statuses[i] = r.status;
          if (r.status >= 300) ADD_FAILURE() << r.status << " " << r.body;
        } catch (const std::exception& e) {
          ADD_FAILURE() << e.what();
        }
      });
    }
    for (auto& t : threads) t.join();
    return statuses;
  }
  ClientResponse SetStatus(std::int64_t booking_id, const std::string& status) {
    return Request(port(), "PATCH", Ws("/bookings/" + std::to_string(booking_id)),
                   json{{"status", status}, {"notify", false}}.dump(),
                   {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + ann_}},
                   std::chrono::seconds(60));
  }

  SmtpSink smtp_;
};

// The done-when: 20 bookings at once on one item, then 10 completed, 5 cancelled and 5
// no-shows at once; the ledger, the columns and the API agree throughout; the fall to the
// threshold sends exactly one alert (to Ann and to Bob, a manager); a restock clears it.
TEST_F(InventoryTest, TwentyConcurrentBookingsKeepStockConsistentAndAlertOnce) {
  MakeBobManager();
  const std::int64_t gloves = CreateItem("Gloves", 25, 5);
  Uses(haircut_, gloves, 1);

  std::vector<std::function<ClientResponse()>> bookings;
  for (int i = 0; i < 20; ++i) {
    const Millis start = At(2 + i / 7, 9 + i % 7);  // 2–4 January, 09:00–15:00
    const bool by_staff = i % 2 == 0;
    const std::string phone = "+1415555" + std::to_string(2000 + i);
    bookings.push_back([this, start, by_staff, phone] {
      const json body = by_staff ? json{{"service_id", haircut_},
                                        {"start", Rfc3339(start)},
                                        {"contact", {{"name", "Staff Booked"}, {"phone", phone}}},
                                        {"notify", false}}
                                 : json{{"service_id", haircut_},
                                        {"start", Rfc3339(start)},
                                        {"name", "Pat Public"},
                                        {"phone", phone}};
      std::map<std::string, std::string> headers{{"Content-Type", "application/json"}};
      if (by_staff) headers["Authorization"] = "Bearer " + ann_;
      return Request(
          port(), "POST",
          by_staff ? Ws("/bookings") : "/api/public/" + std::string(kBookingSlug) + "/bookings",
          body.dump(), headers, std::chrono::seconds(60));
    });
  }
  for (int status : AllAtOnce(bookings)) ASSERT_EQ(status, 201);

  json item = Item(gloves);
  EXPECT_EQ(item["on_hand"], 25);
  EXPECT_EQ(item["reserved"], 20);
  EXPECT_EQ(item["available"], 5);
  EXPECT_EQ(item["consumed"], 0);
  EXPECT_EQ(item["low"], true);
  ExpectLedgerEqualsColumns(gloves);
  EXPECT_EQ(SqlInt("SELECT COUNT(*) FROM inventory_ledger WHERE kind = 'reserve' AND item_id = " +
                   std::to_string(gloves)),
            20);
  EXPECT_EQ(SqlInt("SELECT COUNT(DISTINCT booking_id) FROM inventory_ledger WHERE kind = "
                   "'reserve'"),
            20);
  EXPECT_EQ(Alerts(), 2) << "one alert: one message each to the owner and the manager";
  const auto mails = AlertMails(2);
  ASSERT_EQ(mails.size(), 2u);
  std::vector<std::string> to{mails[0].to.at(0), mails[1].to.at(0)};
  std::sort(to.begin(), to.end());
  EXPECT_EQ(to, (std::vector<std::string>{kAnnEmail, kBobEmail}));
  EXPECT_NE(mails[0].data.find("Gloves"), std::string::npos);

  // After the days: 10 completed, 5 cancelled, 5 no-shows, all at once.
  clock().Set(At(5, 0));
  std::vector<std::int64_t> ids;
  const json listed = As(ann_, "GET", Ws("/bookings?limit=100")).Json();
  for (const auto& row : listed["bookings"]) {
    ids.push_back(row["id"].get<std::int64_t>());
  }
  ASSERT_EQ(ids.size(), 20u);
  std::vector<std::function<ClientResponse()>> changes;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string status = i < 10 ? "completed" : i < 15 ? "cancelled" : "no_show";
    changes.push_back([this, id = ids[i], status] { return SetStatus(id, status); });
  }
  for (int status : AllAtOnce(changes)) ASSERT_EQ(status, 200);

  item = Item(gloves);
  EXPECT_EQ(item["reserved"], 0);
  EXPECT_EQ(item["on_hand"], 15);
  EXPECT_EQ(item["consumed"], 10);
  EXPECT_EQ(item["available"], 15);
  EXPECT_EQ(item["low"], false) << "the released stock rose above the threshold";
  ExpectLedgerEqualsColumns(gloves);
  EXPECT_EQ(SqlInt("SELECT COUNT(*) FROM inventory_ledger WHERE kind = 'release'"), 10);
  EXPECT_EQ(SqlInt("SELECT COUNT(*) FROM inventory_ledger WHERE kind = 'consume'"), 10);
  EXPECT_EQ(Alerts(), 2);

  // Down again by hand (a new alert), then a restock clears it.
  ASSERT_EQ(
      Adjust(gloves, {{"kind", "adjustment"}, {"quantity", -12}, {"reason", "expired"}}).status,
      201);
  EXPECT_EQ(Item(gloves)["low"], true);
  EXPECT_EQ(Alerts(), 4);
  auto restocked = Adjust(gloves, {{"kind", "restock"}, {"quantity", 30}});
  ASSERT_EQ(restocked.status, 201) << restocked.body;
  EXPECT_EQ(restocked.Json()["low"], false);
  EXPECT_TRUE(restocked.Json()["low_since"].is_null());
  EXPECT_EQ(restocked.Json()["on_hand"], 33);
  ExpectLedgerEqualsColumns(gloves);
  EXPECT_EQ(AlertMails(4).size(), 4u);
  EXPECT_EQ(Alerts(), 4);
}

TEST_F(InventoryTest, CancelReturnsCompleteConsumesNoShowReleasesWithTheirLedgerRows) {
  const std::int64_t wax = CreateItem("Wax", 10, 0);
  Uses(haircut_, wax, 3);
  const json a = StaffBook(At(2, 10), "+14155550111", {{"notify", false}});
  const json b = BookPublic(At(2, 12), "+14155550112");
  const json c = StaffBook(At(2, 14), "+14155550113", {{"notify", false}});
  EXPECT_EQ(Item(wax)["reserved"], 9);

  // The customer cancels by link: returned.
  auto cancelled = Post("/api/public/bookings/cancel", {{"token", b["manage_token"]}});
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(Item(wax)["reserved"], 6);

  clock().Set(At(3, 0));
  ASSERT_EQ(SetStatus(a["id"].get<std::int64_t>(), "completed").status, 200);
  ASSERT_EQ(SetStatus(c["id"].get<std::int64_t>(), "no_show").status, 200);
  json item = Item(wax);
  EXPECT_EQ(item["on_hand"], 7);
  EXPECT_EQ(item["reserved"], 0);
  EXPECT_EQ(item["consumed"], 3);
  ExpectLedgerEqualsColumns(wax);

  auto ledger = As(ann_, "GET", ItemPath(wax, "/ledger"));
  ASSERT_EQ(ledger.status, 200) << ledger.body;
  const json entries = ledger.Json()["entries"];
  ASSERT_EQ(entries.size(), 7u);  // newest first
  EXPECT_EQ(entries[0]["kind"], "release");
  EXPECT_EQ(entries[0]["booking_id"], c["id"]);
  EXPECT_EQ(entries[0]["reason"], "booking no-show");
  EXPECT_EQ(entries[0]["author"]["name"], "Ann Owner");
  EXPECT_EQ(entries[1]["kind"], "consume");
  EXPECT_EQ(entries[1]["on_hand_delta"], -3);
  EXPECT_EQ(entries[1]["reserved_delta"], -3);
  EXPECT_EQ(entries[2]["kind"], "release");
  EXPECT_EQ(entries[2]["booking_id"], b["booking"]["id"]);
  EXPECT_TRUE(entries[2]["author"].is_null()) << "the customer";
  EXPECT_EQ(entries[6]["kind"], "initial");
  EXPECT_EQ(entries[6]["on_hand_delta"], 10);
  EXPECT_TRUE(ledger.Json()["next_cursor"].is_null());

  auto page = As(ann_, "GET", ItemPath(wax, "/ledger?limit=4"));
  ASSERT_EQ(page.status, 200);
  ASSERT_EQ(page.Json()["entries"].size(), 4u);
  const std::string cursor = page.Json()["next_cursor"];
  auto rest = As(ann_, "GET", ItemPath(wax, "/ledger?limit=4&cursor=" + cursor));
  ASSERT_EQ(rest.status, 200);
  ASSERT_EQ(rest.Json()["entries"].size(), 3u);
  EXPECT_EQ(rest.Json()["entries"][0]["id"].get<std::int64_t>(),
            page.Json()["entries"][3]["id"].get<std::int64_t>() - 1);
}

TEST_F(InventoryTest, RuleOffSendsNothingButTheLowStateIsRecordedAndPublished) {
  Sql("INSERT INTO automation_settings (workspace_id, rule, enabled, updated_at) VALUES (" +
      std::to_string(ws_) + ", 'low_stock_alert', 0, 0)");
  auto events = server_->app().events().Subscribe("workspace:" + std::to_string(ws_)).value();
  const std::int64_t pads = CreateItem("Pads", 4, 2);
  ASSERT_EQ(Adjust(pads, {{"kind", "adjustment"}, {"quantity", -2}, {"reason", "count"}}).status,
            201);
  const json item = Item(pads);
  EXPECT_EQ(item["low"], true);
  EXPECT_TRUE(item["low_since"].is_number_integer());
  EXPECT_EQ(Alerts(), 0);
  int inventory_events = 0;
  for (const auto& e : events->Take()) {
    if (e->name == "inventory" && e->data == json{{"id", pads}}.dump()) ++inventory_events;
  }
  EXPECT_EQ(inventory_events, 2);  // created, adjusted
}

TEST_F(InventoryTest, BadInputIsRefusedNamingTheField) {
  const std::int64_t gloves = CreateItem("Gloves", 5, 1);
  const auto field = [](const ClientResponse& r) {
    return r.status == 400 ? r.Json()["error"]["field"].get<std::string>()
                           : std::to_string(r.status);
  };
  EXPECT_EQ(field(As(ann_, "POST", Inv(), json{{"unit", "ml"}}.dump())), "name");
  EXPECT_EQ(field(As(ann_, "POST", Inv(), json{{"name", std::string(201, 'x')}}.dump())), "name");
  EXPECT_EQ(field(As(ann_, "POST", Inv(), json{{"name", "A"}, {"unit", ""}}.dump())), "unit");
  EXPECT_EQ(field(As(ann_, "POST", Inv(), json{{"name", "A"}, {"on_hand", -1}}.dump())), "on_hand");
  EXPECT_EQ(field(As(ann_, "POST", Inv(), json{{"name", "A"}, {"on_hand", "5"}}.dump())),
            "on_hand");
  EXPECT_EQ(
      field(As(ann_, "POST", Inv(), json{{"name", "A"}, {"low_stock_threshold", 1.5}}.dump())),
      "low_stock_threshold");
  EXPECT_EQ(As(ann_, "POST", Inv(), "[1]").status, 400);
  EXPECT_EQ(field(As(ann_, "PATCH", ItemPath(gloves), json{{"on_hand", 9}}.dump())), "on_hand");
  EXPECT_EQ(field(As(ann_, "PATCH", ItemPath(gloves), json{{"is_active", "no"}}.dump())),
            "is_active");

  EXPECT_EQ(field(Adjust(gloves, {{"quantity", 1}})), "kind");
  EXPECT_EQ(field(Adjust(gloves, {{"kind", "steal"}, {"quantity", 1}})), "kind");
  EXPECT_EQ(field(Adjust(gloves, {{"kind", "restock"}})), "quantity");
  EXPECT_EQ(field(Adjust(gloves, {{"kind", "restock"}, {"quantity", 0}})), "quantity");
  EXPECT_EQ(field(Adjust(gloves, {{"kind", "restock"}, {"quantity", "3"}})), "quantity");
  EXPECT_EQ(field(Adjust(gloves, {{"kind", "adjustment"}, {"quantity", 0}, {"reason", "x"}})),
            "quantity");
  EXPECT_EQ(field(Adjust(gloves, {{"kind", "adjustment"}, {"quantity", -1}})), "reason");
  EXPECT_EQ(field(Adjust(gloves, {{"kind", "adjustment"}, {"quantity", -1}, {"reason", 7}})),
            "reason");
  auto below = Adjust(gloves, {{"kind", "adjustment"}, {"quantity", -6}, {"reason", "lost"}});
  EXPECT_EQ(below.status, 409) << below.body;
  EXPECT_EQ(below.Json()["error"]["field"], "quantity");
  EXPECT_EQ(Item(gloves)["on_hand"], 5) << "refused changes write nothing";
  ExpectLedgerEqualsColumns(gloves);

  EXPECT_EQ(field(As(ann_, "GET", ItemPath(gloves, "/ledger?cursor=abc"))), "cursor");
  EXPECT_EQ(field(As(ann_, "GET", ItemPath(gloves, "/ledger?limit=0"))), "limit");
  EXPECT_EQ(field(As(ann_, "GET", ItemPath(gloves, "/ledger?limit=201"))), "limit");
  EXPECT_EQ(field(As(ann_, "GET", Inv("?include_archived=maybe"))), "include_archived");
  EXPECT_EQ(As(ann_, "GET", ItemPath(gloves + 1000)).status, 404);
  EXPECT_EQ(Adjust(gloves + 1000, {{"kind", "restock"}, {"quantity", 1}}).status, 404);

  const std::string usage = Ws("/services/" + std::to_string(haircut_) + "/usage");
  EXPECT_EQ(field(As(ann_, "PUT", usage, json{{"usage", "gloves"}}.dump())), "usage");
  EXPECT_EQ(field(As(ann_, "PUT", usage, json::object().dump())), "usage");
  EXPECT_EQ(field(As(ann_, "PUT", usage,
                     json{{"usage", {{{"item_id", gloves}, {"quantity", 0}}}}}.dump())),
            "usage");
  EXPECT_EQ(field(As(ann_, "PUT", usage,
                     json{{"usage", {{{"item_id", gloves}, {"quantity", 100001}}}}}.dump())),
            "usage");
  EXPECT_EQ(field(As(ann_, "PUT", usage,
                     json{{"usage", {{{"item_id", gloves + 1000}, {"quantity", 1}}}}}.dump())),
            "usage");
  json many = json::array();
  for (int i = 0; i < 51; ++i) many.push_back({{"item_id", gloves}, {"quantity", 1}});
  EXPECT_EQ(field(As(ann_, "PUT", usage, json{{"usage", many}}.dump())), "usage");
  EXPECT_EQ(
      As(ann_, "PUT", Ws("/services/999999/usage"), json{{"usage", json::array()}}.dump()).status,
      404);
  auto put =
      As(ann_, "PUT", usage, json{{"usage", {{{"item_id", gloves}, {"quantity", 2}}}}}.dump());
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.Json()["usage"][0]["name"], "Gloves");
  EXPECT_EQ(As(ann_, "GET", usage).Json(), put.Json());
  EXPECT_EQ(Item(gloves)["usage"][0]["service_name"], "Haircut");
}

// Another workspace's items: tests/integration/isolation_test.cpp (the Inventory block).
TEST_F(InventoryTest, StaffWithoutTheInventoryPermissionGet403) {
  CreateItem("Gloves", 5, 1);
  EXPECT_EQ(As(bob_, "GET", Inv()).status, 403) << "Bob is Ann's staff without inventory";
  Sql("UPDATE workspace_members SET perm_inventory = 1 WHERE user_id = " + std::to_string(bob_id_));
  auto listed = As(bob_, "GET", Inv());
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.Json()["items"].size(), 1u);
}

TEST_F(InventoryTest, OnboardingStepDoneWhenAnActiveServiceUsesAnActiveItem) {
  const auto step = [this] {
    const json steps = As(ann_, "GET", Ws("/onboarding")).Json()["steps"];
    for (const json& s : steps) {
      if (s["key"] == "inventory") return s;
    }
    return json();
  };
  EXPECT_EQ(step()["available"], true);
  EXPECT_EQ(step()["required"], false);
  EXPECT_EQ(step()["done"], false);
  const std::int64_t gloves = CreateItem("Gloves", 5, 1);
  EXPECT_EQ(step()["done"], false);
  Uses(haircut_, gloves, 1);
  EXPECT_EQ(step()["done"], true);
  ASSERT_EQ(As(ann_, "PATCH", ItemPath(gloves), json{{"is_active", false}}.dump()).status, 200);
  EXPECT_EQ(step()["done"], false);
}

}  // namespace
}  // namespace careops::testing
