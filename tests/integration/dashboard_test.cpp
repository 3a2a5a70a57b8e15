// The dashboard over HTTP (docs/API.md, "Dashboard"; PRODUCT.md D1–D2) on a hand-built
// workspace in America/New_York on Sunday 8 March 2026, the day clocks spring forward (a
// 23-hour day): every number is checked exactly, with bookings at 23:59 yesterday, 00:00 and
// 23:59 today and 00:00 tomorrow (local), half-open windows at their edges, the views each
// permission allows, and the alerts' links.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "booking/time_format.hpp"
#include "support/booking_fixture.hpp"

namespace careops::testing {
namespace {

using nlohmann::json;

// "2026-03-08T19:00:00Z" as UTC milliseconds.
Millis T(const char* rfc3339) { return booking::ParseInstant(rfc3339).value(); }

const Millis kNow = T("2026-03-08T19:00:00Z");  // 15:00 EDT
constexpr Millis kDay = 24LL * 3'600'000;

class DashboardTest : public BookingHttpTest {
 protected:
  void SetUp() override {
    BookingHttpTest::SetUp();
    Sql("UPDATE workspaces SET timezone = 'America/New_York' WHERE id = " + W());
    clock().Set(kNow);
    ann_ = Token(kAnnEmail);  // fresh sessions at the new time
    bob_ = Token(kBobEmail);
    service_ = CreateService({{"name", "Haircut"}, {"member_ids", {ann_id_}}});
    pat_ = AddContact("Pat");
    BuildBookings();
    BuildInbox();
    BuildMessages();
    BuildForms();
    BuildInventory();
  }

  std::string W() const { return std::to_string(ws_); }
  std::int64_t Book(const char* start, const char* status) {
    const Millis s = T(start);
    return AddBooking(service_, ann_id_, pat_, status, s, s + 60'000, s, s + 60'000);
  }
  void BuildBookings() {
    b_["yesterday_2359"] = Book("2026-03-08T04:59:00Z", "completed");
    b_["today_0000"] = Book("2026-03-08T05:00:00Z", "no_show");
    b_["today_cancelled"] = Book("2026-03-08T14:00:00Z", "cancelled");
    b_["today_completed"] = Book("2026-03-08T17:00:00Z", "completed");
    b_["today_confirmed"] = Book("2026-03-08T20:00:00Z", "confirmed");
    b_["today_2359"] = Book("2026-03-09T03:59:00Z", "pending");
    b_["tomorrow_0000"] = Book("2026-03-09T04:00:00Z", "pending");
    b_["in_7_days_less_30m"] = Book("2026-03-15T18:30:00Z", "confirmed");
    b_["in_7_days"] = Book("2026-03-15T19:00:00Z", "confirmed");
    b_["april"] = Book("2026-04-01T15:00:00Z", "pending");
    b_["past_pending"] = Book("2026-03-01T15:00:00Z", "pending");
    b_["first_day_0000"] = Book("2026-02-07T05:00:00Z", "completed");
    b_["before_window"] = Book("2026-02-07T04:59:00Z", "completed");
    b_["future_cancelled"] = Book("2026-03-10T15:00:00Z", "cancelled");
  }

  std::int64_t Conversation(const std::string& name, const char* status, int waiting,
                            const char* last_activity) {
    const std::int64_t contact = AddContact(name);
    Sql("INSERT INTO conversations (workspace_id, contact_id, status, last_activity_at, "
        "waiting_for_reply, preview, created_at) VALUES (" +
        W() + ", " + std::to_string(contact) + ", '" + status + "', " +
        std::to_string(T(last_activity)) + ", " + std::to_string(waiting) + ", 'Hello?', 0)");
    return SqlInt("SELECT MAX(id) FROM conversations");
  }
  void BuildInbox() {
    c_open_ = Conversation("Olive", "open", 1, "2026-03-05T12:00:00Z");
    c_pending_ = Conversation("Perry", "pending", 1, "2026-03-01T12:00:00Z");
    Conversation("Cleo", "closed", 1, "2026-02-20T12:00:00Z");
    Conversation("Ann", "open", 0, "2026-02-21T12:00:00Z");
    // Contact-form messages: yesterday 23:59:59.999, today 00:00 and 14:00 local; an SMS.
    AddMessage("contact_form", "inbound", "received", T("2026-03-08T04:59:59.999Z"));
    AddMessage("contact_form", "inbound", "received", T("2026-03-08T05:00:00Z"));
    AddMessage("contact_form", "inbound", "received", T("2026-03-08T18:00:00Z"));
    AddMessage("inbound_sms", "inbound", "received", T("2026-03-08T18:00:00Z"));
  }

  std::int64_t AddMessage(const char* kind, const char* direction, const char* status,
                          Millis created, std::optional<std::int64_t> conversation = {},
                          std::optional<std::int64_t> workspace = {}) {
    Sql("INSERT INTO messages (channel, kind, priority, to_address, body, workspace_id, status, "
        "next_attempt_at, created_at, updated_at, direction, conversation_id) VALUES ('sms', '" +
        std::string(kind) + "', 1, '+14155550100', 'x', " +
        std::to_string(workspace.value_or(ws_)) + ", '" + status + "', " + std::to_string(created) +
        ", " + std::to_string(created) + ", " + std::to_string(created) + ", '" + direction +
        "', " + (conversation ? std::to_string(*conversation) : std::string("NULL")) + ")");
    return SqlInt("SELECT MAX(id) FROM messages");
  }
  void BuildMessages() {
    const Millis week_ago = kNow - 7 * kDay;  // 2026-03-01T19:00Z, 14:00 EST
    m_week_edge_ = AddMessage("reply", "outbound", "failed", week_ago);
    AddMessage("reply", "outbound", "failed", week_ago - 1);  // not in the last 7 days
    m_undelivered_ = AddMessage("booking_reminder", "outbound", "undelivered",
                                T("2026-03-05T12:00:00Z"), c_open_);
    AddMessage("reply", "outbound", "sent", T("2026-03-08T18:00:00Z"));
    AddMessage("welcome", "outbound", "delivered", T("2026-03-08T05:00:00Z"));
    m_failed_today_ = AddMessage("welcome", "outbound", "failed", T("2026-03-08T10:00:00Z"));
    AddMessage("welcome", "outbound", "refused", T("2026-03-08T10:00:00Z"));
    m_late_ = AddMessage("welcome", "outbound", "undelivered", T("2026-03-08T04:59:59.999Z"));
    // Another workspace's failure today counts nowhere here.
    const std::int64_t other = CreateWorkspace(bob_, "Bob's Own", "bob-own");
    AddMessage("reply", "outbound", "failed", T("2026-03-08T18:00:00Z"), std::nullopt, other);
  }

  std::int64_t Request(std::int64_t form, std::int64_t booking, const char* status, Millis due,
                       std::optional<Millis> completed = {}) {
    Sql("INSERT INTO form_requests (workspace_id, form_id, booking_id, contact_id, status, due_at, "
        "completed_at, created_at, updated_at) VALUES (" +
        W() + ", " + std::to_string(form) + ", " + std::to_string(booking) + ", " +
        std::to_string(pat_) + ", '" + status + "', " + std::to_string(due) + ", " +
        (completed ? std::to_string(*completed) : std::string("NULL")) + ", 0, 0)");
    return SqlInt("SELECT MAX(id) FROM form_requests");
  }
  void BuildForms() {
    Sql("INSERT INTO forms (workspace_id, name, fields, created_at, updated_at) VALUES (" + W() +
        ", 'Intake', '[]', 0, 0)");
    form_ = SqlInt("SELECT MAX(id) FROM forms");
    const Millis first_day = T("2026-02-07T05:00:00Z");
    Request(form_, b_["today_confirmed"], "pending", kNow + 1);  // pending, due later
    r_due_now_ = Request(form_, b_["today_2359"], "pending", kNow);
    r_oldest_ = Request(form_, b_["past_pending"], "pending", T("2026-03-05T12:00:00Z"));
    Request(form_, b_["today_completed"], "completed", kNow - kDay, first_day);
    Request(form_, b_["yesterday_2359"], "completed", kNow - kDay, first_day - 1);
    Request(form_, b_["today_cancelled"], "cancelled", kNow - kDay);
  }

  std::int64_t Item(const char* name, std::int64_t on_hand, std::int64_t reserved,
                    std::int64_t threshold, std::optional<Millis> low_since) {
    Sql("INSERT INTO inventory_items (workspace_id, name, unit, on_hand, reserved, "
        "low_stock_threshold, low_since, created_at, updated_at) VALUES (" +
        W() + ", '" + name + "', 'box', " + std::to_string(on_hand) + ", " +
        std::to_string(reserved) + ", " + std::to_string(threshold) + ", " +
        (low_since ? std::to_string(*low_since) : std::string("NULL")) + ", 0, 0)");
    return SqlInt("SELECT MAX(id) FROM inventory_items");
  }
  void BuildInventory() {
    i_gloves_ = Item("Gloves", 3, 1, 2, T("2026-03-01T12:00:00Z"));
    i_masks_ = Item("Masks", 0, 0, 5, T("2026-03-05T12:00:00Z"));
    Item("Towels", 50, 0, 5, std::nullopt);
  }

  json Dashboard(const std::string& token) {
    auto r = As(token, "GET", path_ + "/dashboard");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.Json() : json::object();
  }
  void SetBob(const char* role, int inbox, int bookings, int forms, int inventory) {
    Sql(std::string("UPDATE workspace_members SET role = '") + role + "', perm_inbox = " +
        std::to_string(inbox) + ", perm_bookings = " + std::to_string(bookings) +
        ", perm_forms = " + std::to_string(forms) +
        ", perm_inventory = " + std::to_string(inventory) + " WHERE workspace_id = " + W() +
        " AND user_id = " + std::to_string(bob_id_));
  }
  static std::vector<std::string> Kinds(const json& d) {
    std::vector<std::string> out;
    for (const json& a : d["alerts"]) out.push_back(a["kind"]);
    return out;
  }
  static std::vector<std::string> SectionsOf(const json& d) {
    std::vector<std::string> out;
    for (const char* s : {"bookings", "inbox", "forms", "inventory", "messages"}) {
      if (d.contains(s)) out.push_back(s);
    }
    return out;
  }
  std::string Link(const std::string& rest) const { return "/workspaces/" + W() + rest; }

  std::int64_t service_ = 0, pat_ = 0, form_ = 0;
  std::map<std::string, std::int64_t> b_;
  std::int64_t c_open_ = 0, c_pending_ = 0;
  std::int64_t m_week_edge_ = 0, m_undelivered_ = 0, m_failed_today_ = 0, m_late_ = 0;
  std::int64_t r_due_now_ = 0, r_oldest_ = 0;
  std::int64_t i_gloves_ = 0, i_masks_ = 0;
};

TEST_F(DashboardTest, TheOwnerSeesEveryNumberExactly) {
  const json d = Dashboard(ann_);
  EXPECT_EQ(d["timezone"], "America/New_York");
  EXPECT_EQ(d["today"], "2026-03-08");
  EXPECT_EQ(d["generated_at"], kNow);

  const json& b = d["bookings"];
  EXPECT_EQ(b["today"], json({{"total", 5},
                              {"pending", 1},
                              {"confirmed", 1},
                              {"completed", 1},
                              {"no_show", 1},
                              {"cancelled", 1}}));
  // [now, now + 7 days): 20:00 today, 23:59 today, 00:00 tomorrow, 7 days less 30 minutes.
  EXPECT_EQ(b["upcoming"]["next_7_days"], 4);
  EXPECT_EQ(b["unconfirmed"]["count"], 3);
  ASSERT_EQ(b["unconfirmed"]["items"].size(), 3u);
  EXPECT_EQ(b["unconfirmed"]["items"][0]["id"], b_["today_2359"]);
  EXPECT_EQ(b["unconfirmed"]["items"][1]["id"], b_["tomorrow_0000"]);
  EXPECT_EQ(b["unconfirmed"]["items"][2]["id"], b_["april"]);
  EXPECT_EQ(b["unconfirmed"]["items"][0]["status"], "pending");
  EXPECT_EQ(b["unconfirmed"]["items"][0]["start"], "2026-03-09T03:59:00Z");
  EXPECT_EQ(b["unconfirmed"]["items"][0]["contact"]["name"], "Pat");
  EXPECT_EQ(b["last_30_days"], json({{"completed", 3}, {"no_show", 1}}));
  ASSERT_EQ(b["per_day"].size(), 30u);
  EXPECT_EQ(b["per_day"][0], json({{"date", "2026-02-07"}, {"count", 1}}));
  EXPECT_EQ(b["per_day"][1], json({{"date", "2026-02-08"}, {"count", 0}}));
  EXPECT_EQ(b["per_day"][22], json({{"date", "2026-03-01"}, {"count", 1}}));
  EXPECT_EQ(b["per_day"][28], json({{"date", "2026-03-07"}, {"count", 1}}));
  EXPECT_EQ(b["per_day"][29], json({{"date", "2026-03-08"}, {"count", 4}}));
  int total = 0;
  for (const json& day : b["per_day"]) total += day["count"].get<int>();
  EXPECT_EQ(total, 7);

  const json& inbox = d["inbox"];
  EXPECT_EQ(inbox["new_inquiries_today"], 2);
  EXPECT_EQ(inbox["waiting_for_reply"]["count"], 2);
  ASSERT_EQ(inbox["waiting_for_reply"]["items"].size(), 2u);
  EXPECT_EQ(inbox["waiting_for_reply"]["items"][0]["id"], c_pending_);
  EXPECT_EQ(inbox["waiting_for_reply"]["items"][0]["contact"]["name"], "Perry");
  EXPECT_EQ(inbox["waiting_for_reply"]["items"][1]["id"], c_open_);
  EXPECT_EQ(inbox["waiting_for_reply"]["items"][1]["preview"], "Hello?");

  const json& forms = d["forms"];
  EXPECT_EQ(forms["pending"], 1);
  EXPECT_EQ(forms["overdue"], 2);
  EXPECT_EQ(forms["completed_last_30_days"], 1);
  ASSERT_EQ(forms["overdue_items"].size(), 2u);
  EXPECT_EQ(forms["overdue_items"][0]["id"], r_oldest_);
  EXPECT_EQ(forms["overdue_items"][0]["booking_id"], b_["past_pending"]);
  EXPECT_EQ(forms["overdue_items"][0]["form"]["name"], "Intake");
  EXPECT_EQ(forms["overdue_items"][1]["id"], r_due_now_);

  const json& low = d["inventory"]["low"];
  ASSERT_EQ(low.size(), 2u);
  EXPECT_EQ(low[0]["id"], i_gloves_);
  EXPECT_EQ(low[0]["available"], 2);
  EXPECT_EQ(low[0]["low_stock_threshold"], 2);
  EXPECT_TRUE(low[0]["forecast"]["runs_out_on"].is_null());
  EXPECT_EQ(low[1]["id"], i_masks_);

  const json& m = d["messages"];
  // Failed or undelivered since now − 7 days (14:00 EST on 1 March, included), newest first.
  EXPECT_EQ(m["failed"]["count"], 4);
  ASSERT_EQ(m["failed"]["items"].size(), 4u);
  EXPECT_EQ(m["failed"]["items"][0]["id"], m_failed_today_);
  EXPECT_EQ(m["failed"]["items"][1]["id"], m_late_);
  EXPECT_EQ(m["failed"]["items"][2]["id"], m_undelivered_);
  EXPECT_EQ(m["failed"]["items"][2]["status"], "undelivered");
  EXPECT_EQ(m["failed"]["items"][2]["conversation_id"], c_open_);
  EXPECT_EQ(m["failed"]["items"][3]["id"], m_week_edge_);
  EXPECT_TRUE(m["failed"]["items"][3]["conversation_id"].is_null());
  ASSERT_EQ(m["delivery"].size(), 30u);
  EXPECT_EQ(m["delivery"][29],
            json({{"date", "2026-03-08"}, {"sent", 2}, {"delivered", 1}, {"failed", 1}}));
  EXPECT_EQ(m["delivery"][28],
            json({{"date", "2026-03-07"}, {"sent", 1}, {"delivered", 0}, {"failed", 0}}));
  EXPECT_EQ(m["delivery"][26],
            json({{"date", "2026-03-05"}, {"sent", 1}, {"delivered", 0}, {"failed", 0}}));
  EXPECT_EQ(m["delivery"][22],
            json({{"date", "2026-03-01"}, {"sent", 0}, {"delivered", 0}, {"failed", 2}}));
  EXPECT_EQ(m["delivery"][0],
            json({{"date", "2026-02-07"}, {"sent", 0}, {"delivered", 0}, {"failed", 0}}));

  EXPECT_EQ(d["alerts"], json::array({{{"kind", "unconfirmed_bookings"},
                                       {"title", "3 bookings await approval"},
                                       {"count", 3},
                                       {"link", Link("/calendar?view=list&status=pending")}},
                                      {{"kind", "waiting_for_reply"},
                                       {"title", "2 conversations wait for a reply"},
                                       {"count", 2},
                                       {"link", Link("/inbox?waiting=1")}},
                                      {{"kind", "overdue_forms"},
                                       {"title", "2 forms are overdue"},
                                       {"count", 2},
                                       {"link", Link("/forms/requests?status=overdue")}},
                                      {{"kind", "low_stock"},
                                       {"title", "2 items are low on stock"},
                                       {"count", 2},
                                       {"link", Link("/inventory?low=1")}},
                                      {{"kind", "failed_messages"},
                                       {"title", "4 messages failed in the last 7 days"},
                                       {"count", 4},
                                       {"link", Link("/inbox/" + std::to_string(c_open_))}}}));
}

TEST_F(DashboardTest, AtLocalMidnightTodayMovesOn) {
  clock().Set(T("2026-03-09T04:00:00Z"));  // 00:00 EDT, Monday 9 March
  const json d = Dashboard(ann_);
  EXPECT_EQ(d["today"], "2026-03-09");
  EXPECT_EQ(d["bookings"]["today"]["total"], 1);
  EXPECT_EQ(d["bookings"]["today"]["pending"], 1);
  // 23:59 on the 8th has started: one pending booking less awaits approval.
  EXPECT_EQ(d["bookings"]["unconfirmed"]["count"], 2);
  EXPECT_EQ(d["bookings"]["per_day"][0]["date"], "2026-02-08");
  EXPECT_EQ(d["bookings"]["per_day"][29], json({{"date", "2026-03-09"}, {"count", 1}}));
  EXPECT_EQ(d["bookings"]["per_day"][28], json({{"date", "2026-03-08"}, {"count", 4}}));
  EXPECT_EQ(d["bookings"]["last_30_days"], json({{"completed", 2}, {"no_show", 1}}));
  EXPECT_EQ(d["inbox"]["new_inquiries_today"], 0);
  // One millisecond earlier it is still the 8th.
  clock().Set(T("2026-03-09T04:00:00Z") - 1);
  EXPECT_EQ(Dashboard(ann_)["today"], "2026-03-08");
}

TEST_F(DashboardTest, ASingleItemAlertLinksToItsOwnPage) {
  Sql("UPDATE bookings SET status = 'cancelled' WHERE id IN (" +
      std::to_string(b_["tomorrow_0000"]) + ", " + std::to_string(b_["april"]) + ")");
  Sql("UPDATE conversations SET status = 'closed' WHERE id = " + std::to_string(c_pending_));
  Sql("UPDATE form_requests SET status = 'completed', completed_at = 1 WHERE id = " +
      std::to_string(r_oldest_));
  Sql("UPDATE inventory_items SET low_since = NULL WHERE id = " + std::to_string(i_masks_));
  Sql("UPDATE messages SET status = 'delivered' WHERE id IN (" + std::to_string(m_undelivered_) +
      ", " + std::to_string(m_failed_today_) + ", " + std::to_string(m_late_) + ")");
  const json d = Dashboard(ann_);
  std::vector<std::string> links;
  for (const json& a : d["alerts"]) {
    EXPECT_EQ(a["count"], 1) << a;
    links.push_back(a["link"]);
  }
  EXPECT_EQ(links, (std::vector<std::string>{
                       Link("/bookings/" + std::to_string(b_["today_2359"])),
                       Link("/inbox/" + std::to_string(c_open_)),
                       Link("/bookings/" + std::to_string(b_["today_2359"])),  // its request
                       Link("/inventory/" + std::to_string(i_gloves_)),
                       Link("/inbox"),  // the failed message has no conversation
                   }));
  EXPECT_EQ(d["alerts"][0]["title"], "1 booking awaits approval");
  EXPECT_EQ(d["alerts"][4]["title"], "1 message failed in the last 7 days");

  // Nothing to act on: no alerts.
  Sql("DELETE FROM bookings WHERE status = 'pending'");
  Sql("UPDATE conversations SET waiting_for_reply = 0");
  Sql("UPDATE inventory_items SET low_since = NULL");
  Sql("UPDATE messages SET status = 'sent' WHERE status IN ('failed', 'undelivered')");
  const json quiet = Dashboard(ann_);
  EXPECT_TRUE(quiet["alerts"].empty()) << quiet["alerts"];
  EXPECT_EQ(quiet["bookings"]["unconfirmed"], json({{"count", 0}, {"items", json::array()}}));
}

TEST_F(DashboardTest, EachMemberSeesWhatTheirPermissionsAllow) {
  // Bob is a bare staff member: the frame, no section, no alert.
  json d = Dashboard(bob_);
  EXPECT_EQ(d["today"], "2026-03-08");
  EXPECT_TRUE(SectionsOf(d).empty()) << d.dump();
  EXPECT_TRUE(d["alerts"].empty());

  SetBob("staff", 0, 1, 0, 0);  // bookings only
  d = Dashboard(bob_);
  EXPECT_EQ(SectionsOf(d), std::vector<std::string>{"bookings"});
  EXPECT_EQ(Kinds(d), std::vector<std::string>{"unconfirmed_bookings"});

  SetBob("staff", 1, 0, 1, 0);  // inbox and forms: no bookings, no messages
  d = Dashboard(bob_);
  EXPECT_EQ(SectionsOf(d), (std::vector<std::string>{"inbox", "forms"}));
  EXPECT_EQ(Kinds(d), (std::vector<std::string>{"waiting_for_reply", "overdue_forms"}));

  SetBob("staff", 1, 1, 1, 1);  // every flag, but staff: no messages
  EXPECT_EQ(SectionsOf(Dashboard(bob_)),
            (std::vector<std::string>{"bookings", "inbox", "forms", "inventory"}));

  SetBob("manager", 0, 0, 0, 1);  // a manager sees messages, and the flags they hold
  d = Dashboard(bob_);
  EXPECT_EQ(SectionsOf(d), (std::vector<std::string>{"inventory", "messages"}));
  EXPECT_EQ(Kinds(d), (std::vector<std::string>{"low_stock", "failed_messages"}));
  EXPECT_EQ(d["messages"]["failed"]["count"], 4);

  Sql("UPDATE workspace_members SET status = 'suspended' WHERE user_id = " +
      std::to_string(bob_id_) + " AND workspace_id = " + W());
  EXPECT_EQ(As(bob_, "GET", path_ + "/dashboard").status, 404);
  EXPECT_EQ(Call("GET", path_ + "/dashboard").status, 401);
}

}  // namespace
}  // namespace careops::testing
