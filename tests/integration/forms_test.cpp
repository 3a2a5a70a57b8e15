// Intake forms over HTTP (PRODUCT.md F1–F3; docs/API.md, "Forms"): the owner builds a form
// linked to the haircut; a booking sends its link through the workspace's own channel (SMS at
// the fake Twilio, or email at the SMTP sink for a contact without a phone); a submission with
// bad fields is refused field by field and a good one completes it; an unanswered request turns
// overdue at its due time (fake clock) and is reminded exactly once, not while the
// conversation's automation is paused or the form_reminder rule is off; a cancellation cancels
// it and a move moves it; hostile input gets 400s; the onboarding step follows.

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "support/bookings_fixture.hpp"
#include "support/smtp_sink.hpp"

namespace careops::testing {
namespace {

using nlohmann::json;

constexpr const char* kCustomer = "+14155550142";
constexpr Millis kHour = kHourMs;

class FormsHttpTest : public BookingsHttpTest {
 protected:
  void SetUp() override {
    BookingsHttpTest::SetUp();
    Sql("UPDATE workspaces SET default_region = 'US' WHERE id = " + std::to_string(ws_));
    auto email = As(ann_, "PUT", Ws("/channels/email"),
                    json{{"mode", "own"},
                         {"host", "127.0.0.1"},
                         {"port", smtp_.port()},
                         {"starttls", "never"},
                         {"from", "clinic@example.com"}}
                        .dump());
    ASSERT_EQ(email.status, 200) << email.body;
  }

  static json IntakeFields() {
    return json::array({
        {{"key", "full_name"}, {"label", "Full name"}, {"type", "text"}, {"required", true}},
        {{"key", "email"}, {"label", "Email"}, {"type", "email"}},
        {{"key", "phone"}, {"label", "Phone"}, {"type", "phone"}},
        {{"key", "age"}, {"label", "Age"}, {"type", "number"}},
        {{"key", "dob"}, {"label", "Date of birth"}, {"type", "date"}},
        {{"key", "colour"},
         {"label", "Hair colour"},
         {"type", "select"},
         {"options", {"Dark", "Fair"}}},
        {{"key", "gdpr"}, {"label", "I agree"}, {"type", "consent"}, {"required", true}},
    });
  }

  // The intake form, linked to the haircut; returns its id.
  std::int64_t CreateIntake(json extra = json::object()) {
    extra["name"] = "Intake";
    extra["fields"] = IntakeFields();
    extra["service_ids"] = {haircut_};
    auto r = As(ann_, "POST", Ws("/forms"), extra.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json()["id"].get<std::int64_t>() : 0;
  }

  std::int64_t Book(Millis start, const std::string& phone = kCustomer) {
    return BookPublic(start, phone)["booking"]["id"].get<std::int64_t>();
  }

  // The booking's requests as staff list them.
  json RequestsOf(std::int64_t booking_id) {
    auto r = As(ann_, "GET", Ws("/form-requests?booking_id=" + std::to_string(booking_id)));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.Json()["requests"] : json::array();
  }
  json Request(std::int64_t id) {
    auto r = As(ann_, "GET", Ws("/form-requests/" + std::to_string(id)));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json();
  }

  // The form SMS (link or reminder) the fake Twilio got for `to`, once there are `n`.
  std::vector<std::string> FormSms(const std::string& to, std::size_t n) {
    std::vector<std::string> out;
    for (int i = 0; i < 400; ++i) {
      out.clear();
      for (const auto& m : twilio_.messages()) {
        if (m.to == to && m.body.find("/f#token=") != std::string::npos) out.push_back(m.body);
      }
      if (out.size() >= n) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return out;
  }
  static std::string TokenIn(const std::string& text) {
    const std::size_t at = text.find("#token=");
    if (at == std::string::npos) return "";
    const std::size_t from = at + 7;
    std::size_t end = from;
    while (end < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '.')) {
      ++end;
    }
    return text.substr(from, end - from);
  }
  static void LetTheSchedulerRun() { std::this_thread::sleep_for(std::chrono::milliseconds(800)); }

  std::int64_t Jobs(const std::string& status) {
    return SqlInt("SELECT COUNT(*) FROM jobs WHERE kind = 'form_reminder' AND status = '" + status +
                  "'");
  }

  SmtpSink smtp_;
};

TEST_F(FormsHttpTest, ABookingSendsTheLinkAndTheAnswersAreCheckedFieldByField) {
  const std::int64_t form = CreateIntake();
  const std::int64_t booking = Book(At(2, 10));
  const auto sms = FormSms(kCustomer, 1);
  ASSERT_EQ(sms.size(), 1u);
  EXPECT_NE(sms[0].find("Ann's Clinic: please fill in \"Intake\" for your Haircut"),
            std::string::npos)
      << sms[0];
  EXPECT_NE(sms[0].find(PublicUrl() + "/f#token="), std::string::npos) << sms[0];
  const std::string token = TokenIn(sms[0]);
  ASSERT_FALSE(token.empty());

  const json requests = RequestsOf(booking);
  ASSERT_EQ(requests.size(), 1u);
  const json& request = requests[0];
  EXPECT_EQ(request["form"]["id"], form);
  EXPECT_EQ(request["form"]["name"], "Intake");
  EXPECT_EQ(request["booking_id"], booking);
  EXPECT_EQ(request["contact"]["name"], "Pat Public");
  EXPECT_EQ(request["status"], "pending");
  EXPECT_EQ(request["due_at"], At(2, 10));
  EXPECT_EQ(request["sent_at"], clock().NowMillis());
  EXPECT_TRUE(request["answers"].is_null());

  auto opened = Post("/api/public/forms/open", {{"token", token}});
  ASSERT_EQ(opened.status, 200) << opened.body;
  EXPECT_EQ(opened.Json()["form"]["name"], "Intake");
  EXPECT_EQ(opened.Json()["form"]["fields"].size(), 7u);
  EXPECT_EQ(opened.Json()["form"]["fields"][5]["options"], json({"Dark", "Fair"}));
  EXPECT_EQ(opened.Json()["workspace"]["slug"], kBookingSlug);
  EXPECT_EQ(opened.Json()["booking"]["start"], Rfc3339(At(2, 10)));
  EXPECT_EQ(opened.Json()["booking"]["service"], "Haircut");
  EXPECT_EQ(opened.Json()["request"]["status"], "pending");

  auto bad = Post("/api/public/forms/submit", {{"token", token},
                                               {"answers",
                                                {{"full_name", ""},
                                                 {"email", "not-an-email"},
                                                 {"phone", "12"},
                                                 {"age", "twelve"},
                                                 {"dob", "1990-02-30"},
                                                 {"colour", "Green"},
                                                 {"gdpr", false},
                                                 {"shoe_size", 42}}}});
  ASSERT_EQ(bad.status, 400) << bad.body;
  const json error = bad.Json()["error"];
  EXPECT_EQ(error["code"], "invalid_argument");
  EXPECT_EQ(error["field"], "full_name");
  std::vector<std::string> named;
  for (const json& p : error["problems"]) {
    named.push_back(p["field"]);
    EXPECT_FALSE(p["message"].get<std::string>().empty());
  }
  EXPECT_EQ(named, (std::vector<std::string>{"full_name", "email", "phone", "age", "dob", "colour",
                                             "gdpr", "shoe_size"}));
  EXPECT_EQ(Request(request["id"])["status"], "pending");

  auto good = Post("/api/public/forms/submit", {{"token", token},
                                                {"answers",
                                                 {{"full_name", "Pat Public"},
                                                  {"email", "Pat@Example.com"},
                                                  {"phone", "(415) 555-0142"},
                                                  {"age", "34"},
                                                  {"dob", "1991-05-17"},
                                                  {"colour", "Fair"},
                                                  {"gdpr", true}}}});
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_EQ(good.Json()["status"], "completed");
  EXPECT_EQ(good.Json()["completed_at"], clock().NowMillis());

  const json done = Request(request["id"]);
  EXPECT_EQ(done["status"], "completed");
  ASSERT_EQ(done["answers"].size(), 7u);
  EXPECT_EQ(done["answers"][0], json({{"key", "full_name"},
                                      {"label", "Full name"},
                                      {"type", "text"},
                                      {"value", "Pat Public"}}));
  EXPECT_EQ(done["answers"][1]["value"], "pat@example.com");
  EXPECT_EQ(done["answers"][2]["value"], "+14155550142");
  EXPECT_EQ(done["answers"][3]["value"], 34);
  EXPECT_EQ(done["answers"][6]["value"], true);
  // Staff see it in the contact's conversation.
  EXPECT_EQ(SqlInt("SELECT COUNT(*) FROM conversation_events WHERE kind = 'form_completed' AND "
                   "booking_id = " +
                   std::to_string(booking)),
            1);

  auto again = Post("/api/public/forms/submit",
                    {{"token", token}, {"answers", {{"full_name", "X"}, {"gdpr", true}}}});
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.Json()["error"]["field"], "status");
  auto reopened = Post("/api/public/forms/open", {{"token", token}});
  ASSERT_EQ(reopened.status, 200);
  EXPECT_EQ(reopened.Json()["request"]["status"], "completed");

  // A request with the whole snapshot is listed by contact too, newest first, with a cursor.
  const std::int64_t contact = done["contact"]["id"];
  auto by_contact =
      As(ann_, "GET", Ws("/form-requests?status=completed&contact_id=" + std::to_string(contact)));
  ASSERT_EQ(by_contact.status, 200);
  EXPECT_EQ(by_contact.Json()["requests"].size(), 1u);
  EXPECT_TRUE(by_contact.Json()["next_cursor"].is_null());
}

TEST_F(FormsHttpTest, AContactWithoutAPhoneGetsTheLinkByEmail) {
  CreateIntake();
  auto r = As(ann_, "POST", Ws("/bookings"),
              json{{"service_id", haircut_},
                   {"start", Rfc3339(At(2, 11))},
                   {"contact", {{"name", "Eve Email"}, {"email", "eve@example.com"}}}}
                  .dump());
  ASSERT_EQ(r.status, 201) << r.body;
  // The booking's confirmation and the form's link, both by email.
  bool found = false;
  for (const auto& mail : smtp_.WaitForMails(2)) {
    if (mail.data.find("please fill in") == std::string::npos) continue;
    found = true;
    EXPECT_EQ(mail.to, std::vector<std::string>{"eve@example.com"});
    EXPECT_NE(mail.data.find("/f#token="), std::string::npos) << mail.data;
  }
  EXPECT_TRUE(found) << "the form's link never reached the SMTP sink";
}

TEST_F(FormsHttpTest, AnUnansweredRequestTurnsOverdueAtItsDueTimeAndIsRemindedOnce) {
  CreateIntake({{"reminder_minutes_before_due", 120}});
  const std::int64_t booking = Book(At(2, 10));
  ASSERT_EQ(FormSms(kCustomer, 1).size(), 1u);
  const std::int64_t id = RequestsOf(booking)[0]["id"];
  EXPECT_EQ(Jobs("pending"), 1);

  clock().Set(At(2, 8) - 1'000);
  LetTheSchedulerRun();
  EXPECT_EQ(FormSms(kCustomer, 1).size(), 1u);

  clock().Set(At(2, 8));
  const auto sms = FormSms(kCustomer, 2);
  ASSERT_EQ(sms.size(), 2u);
  EXPECT_NE(sms[1].find("a reminder to fill in \"Intake\""), std::string::npos) << sms[1];
  EXPECT_EQ(TokenIn(sms[1]), TokenIn(sms[0]));  // the same link
  clock().Advance(kHour);
  LetTheSchedulerRun();
  EXPECT_EQ(FormSms(kCustomer, 1).size(), 2u);  // exactly once
  EXPECT_EQ(Jobs("done"), 1);
  EXPECT_FALSE(Request(id)["reminded_at"].is_null());

  clock().Set(At(2, 10) - 1);
  EXPECT_EQ(Request(id)["status"], "pending");
  clock().Set(At(2, 10));
  EXPECT_EQ(Request(id)["status"], "overdue");
  auto overdue = As(ann_, "GET", Ws("/form-requests?status=overdue"));
  ASSERT_EQ(overdue.status, 200);
  ASSERT_EQ(overdue.Json()["requests"].size(), 1u);
  EXPECT_EQ(overdue.Json()["requests"][0]["id"], id);
  EXPECT_EQ(As(ann_, "GET", Ws("/form-requests?status=pending")).Json()["requests"].size(), 0u);

  // A late answer is still taken.
  auto late = Post(
      "/api/public/forms/submit",
      {{"token", TokenIn(sms[0])}, {"answers", {{"full_name", "Pat Public"}, {"gdpr", true}}}});
  EXPECT_EQ(late.status, 200) << late.body;
}

TEST_F(FormsHttpTest, TheReminderIsSkippedWhileAutomationIsPausedOrTheRuleIsOff) {
  CreateIntake({{"reminder_minutes_before_due", 120}});
  Book(At(2, 10));
  Book(At(2, 12), "+14155550143");
  ASSERT_EQ(FormSms(kCustomer, 1).size(), 1u);
  ASSERT_EQ(FormSms("+14155550143", 1).size(), 1u);
  // Staff replied to the first customer; the workspace then turns form reminders off.
  Sql("UPDATE conversations SET automation_paused = 1 WHERE contact_id = (SELECT id FROM "
      "contacts WHERE phone = '" +
      std::string(kCustomer) + "')");
  clock().Set(At(2, 8));
  for (int i = 0; i < 40 && Jobs("skipped") < 1; ++i) LetTheSchedulerRun();
  EXPECT_EQ(Jobs("skipped"), 1);
  Sql("INSERT INTO automation_settings (workspace_id, rule, enabled, updated_at) VALUES (" +
      std::to_string(ws_) + ", 'form_reminder', 0, 0)");
  clock().Set(At(2, 10));
  for (int i = 0; i < 40 && Jobs("skipped") < 2; ++i) LetTheSchedulerRun();
  EXPECT_EQ(Jobs("skipped"), 2);
  EXPECT_EQ(FormSms(kCustomer, 1).size(), 1u);
  EXPECT_EQ(FormSms("+14155550143", 1).size(), 1u);
  EXPECT_EQ(SqlInt("SELECT COUNT(*) FROM form_requests WHERE reminded_at IS NOT NULL"), 0);
}

TEST_F(FormsHttpTest, ACancellationCancelsAndAMoveMovesTheDueTime) {
  CreateIntake({{"due_offset_minutes", -60}});
  const std::int64_t moved = Book(At(2, 10));
  const std::int64_t cancelled = Book(At(2, 13), "+14155550143");
  const auto cancelled_sms = FormSms("+14155550143", 1);
  ASSERT_EQ(cancelled_sms.size(), 1u);
  EXPECT_EQ(RequestsOf(moved)[0]["due_at"], At(2, 9));

  auto m = As(ann_, "PATCH", Ws("/bookings/" + std::to_string(moved)),
              json{{"start", Rfc3339(At(5, 14))}}.dump());
  ASSERT_EQ(m.status, 200) << m.body;
  EXPECT_EQ(RequestsOf(moved)[0]["due_at"], At(5, 13));
  EXPECT_EQ(SqlInt("SELECT due_at FROM jobs WHERE kind = 'form_reminder' AND status = "
                   "'pending' AND subject_id = " +
                   std::to_string(RequestsOf(moved)[0]["id"].get<std::int64_t>())),
            At(4, 13));

  auto c = As(ann_, "PATCH", Ws("/bookings/" + std::to_string(cancelled)),
              json{{"status", "cancelled"}}.dump());
  ASSERT_EQ(c.status, 200) << c.body;
  const json request = RequestsOf(cancelled)[0];
  EXPECT_EQ(request["status"], "cancelled");
  EXPECT_EQ(SqlInt("SELECT COUNT(*) FROM jobs WHERE kind = 'form_reminder' AND status = "
                   "'cancelled' AND subject_id = " +
                   std::to_string(request["id"].get<std::int64_t>())),
            1);
  const std::string token = TokenIn(cancelled_sms[0]);
  EXPECT_EQ(Post("/api/public/forms/open", {{"token", token}}).status, 410);
  auto submitted = Post("/api/public/forms/submit",
                        {{"token", token}, {"answers", {{"full_name", "X"}, {"gdpr", true}}}});
  EXPECT_EQ(submitted.status, 410) << submitted.body;
}

TEST_F(FormsHttpTest, TheBuilderChecksEveryFieldAndOnlyTheOwnerWrites) {
  auto field_of = [this](const std::string& method, const std::string& path, const json& body) {
    auto r = As(ann_, method, Ws(path), body.dump());
    EXPECT_EQ(r.status, 400) << r.body;
    return r.Json()["error"]["field"].get<std::string>();
  };
  json fields = IntakeFields();
  fields[2]["key"] = "Phone Number";
  EXPECT_EQ(field_of("POST", "/forms", {{"name", "X"}, {"fields", fields}}), "fields[2].key");
  fields = IntakeFields();
  fields[5].erase("options");
  EXPECT_EQ(field_of("POST", "/forms", {{"name", "X"}, {"fields", fields}}), "fields[5].options");
  EXPECT_EQ(field_of("POST", "/forms", {{"fields", IntakeFields()}}), "name");
  EXPECT_EQ(field_of("POST", "/forms", {{"name", "X"}}), "fields");
  EXPECT_EQ(field_of("POST", "/forms", {{"name", "X"}, {"fields", "text"}}), "fields");
  EXPECT_EQ(field_of("POST", "/forms", {{"name", 5}, {"fields", IntakeFields()}}), "name");
  EXPECT_EQ(field_of("POST", "/forms",
                     {{"name", "X"}, {"fields", IntakeFields()}, {"service_ids", {999999}}}),
            "service_ids");
  EXPECT_EQ(field_of("POST", "/forms",
                     {{"name", "X"}, {"fields", IntakeFields()}, {"service_ids", {"a"}}}),
            "service_ids");
  EXPECT_EQ(field_of("POST", "/forms",
                     {{"name", "X"}, {"fields", IntakeFields()}, {"due_offset_minutes", 1.5}}),
            "due_offset_minutes");
  EXPECT_EQ(
      field_of("POST", "/forms",
               {{"name", "X"}, {"fields", IntakeFields()}, {"reminder_minutes_before_due", 1}}),
      "reminder_minutes_before_due");

  // Another workspace's service cannot be linked.
  const std::int64_t bob_ws = CreateWorkspace(bob_, "Bob's Own", "bob-own");
  auto bobs = As(bob_, "POST", "/api/workspaces/" + std::to_string(bob_ws) + "/services",
                 json{{"name", "Bob's cut"}, {"duration_minutes", 30}}.dump());
  ASSERT_EQ(bobs.status, 201) << bobs.body;
  EXPECT_EQ(field_of("POST", "/forms",
                     {{"name", "X"},
                      {"fields", IntakeFields()},
                      {"service_ids", {haircut_, bobs.Json()["id"]}}}),
            "service_ids");

  const std::int64_t id = CreateIntake({{"description", "Before your first visit"}});
  const std::string path = "/forms/" + std::to_string(id);
  auto got = As(ann_, "GET", Ws(path));
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.Json()["service_ids"], json({haircut_}));
  EXPECT_EQ(got.Json()["reminder_minutes_before_due"], 1440);
  EXPECT_EQ(got.Json()["due_offset_minutes"], 0);
  EXPECT_EQ(got.Json()["is_active"], true);
  EXPECT_EQ(got.Json()["fields"][0], json({{"key", "full_name"},
                                           {"label", "Full name"},
                                           {"type", "text"},
                                           {"required", true},
                                           {"options", json::array()},
                                           {"help", ""}}));

  auto patched = As(ann_, "PATCH", Ws(path),
                    json{{"name", "Intake v2"}, {"reminder_minutes_before_due", nullptr}}.dump());
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.Json()["name"], "Intake v2");
  EXPECT_TRUE(patched.Json()["reminder_minutes_before_due"].is_null());
  EXPECT_EQ(patched.Json()["fields"].size(), 7u);
  EXPECT_EQ(field_of("PATCH", path, {{"fields", json::array()}}), "fields");

  // Bob (no forms permission) reads nothing; even with it, only the owner writes.
  EXPECT_EQ(As(bob_, "GET", Ws("/forms")).status, 403);
  Sql("UPDATE workspace_members SET perm_forms = 1 WHERE user_id = " + std::to_string(bob_id_));
  EXPECT_EQ(As(bob_, "GET", Ws("/forms")).status, 200);
  EXPECT_EQ(As(bob_, "GET", Ws("/form-requests")).status, 200);
  EXPECT_EQ(
      As(bob_, "POST", Ws("/forms"), json{{"name", "Mine"}, {"fields", IntakeFields()}}.dump())
          .status,
      403);
  EXPECT_EQ(As(bob_, "DELETE", Ws(path)).status, 403);

  // Never sent: deleted. Sent once: archived, its requests kept.
  EXPECT_EQ(As(ann_, "DELETE", Ws(path)).status, 204);
  EXPECT_EQ(As(ann_, "GET", Ws(path)).status, 404);
  const std::int64_t used = CreateIntake();
  const std::int64_t booking = Book(At(2, 10));
  EXPECT_EQ(As(ann_, "DELETE", Ws("/forms/" + std::to_string(used))).status, 204);
  auto archived = As(ann_, "GET", Ws("/forms/" + std::to_string(used)));
  ASSERT_EQ(archived.status, 200);
  EXPECT_EQ(archived.Json()["is_active"], false);
  EXPECT_EQ(As(ann_, "GET", Ws("/forms")).Json()["forms"].size(), 0u);
  EXPECT_EQ(As(ann_, "GET", Ws("/forms?include_archived=1")).Json()["forms"].size(), 1u);
  EXPECT_EQ(RequestsOf(booking).size(), 1u);
  // An archived form is no longer sent.
  const std::int64_t next = Book(At(2, 14), "+14155550143");
  EXPECT_EQ(RequestsOf(next).size(), 0u);
}

TEST_F(FormsHttpTest, HostileInputGets400sAndForgedTokens404) {
  CreateIntake();
  Book(At(2, 10));
  const std::string token = TokenIn(FormSms(kCustomer, 1).at(0));
  const auto status_of = [this](const std::string& path, const std::string& body) {
    return Call("POST", path, body).status;
  };
  EXPECT_EQ(status_of("/api/public/forms/open", "{}"), 400);
  EXPECT_EQ(status_of("/api/public/forms/open", "not json"), 400);
  EXPECT_EQ(status_of("/api/public/forms/open", "[]"), 400);
  EXPECT_EQ(status_of("/api/public/forms/open", json{{"token", 12}}.dump()), 400);
  EXPECT_EQ(status_of("/api/public/forms/open", json{{"token", std::string(5000, 'a')}}.dump()),
            400);
  EXPECT_EQ(status_of("/api/public/forms/open", json{{"token", "1.abc"}}.dump()), 404);
  std::string forged = token;
  forged.back() = forged.back() == '0' ? '1' : '0';
  EXPECT_EQ(status_of("/api/public/forms/open", json{{"token", forged}}.dump()), 404);
  EXPECT_EQ(status_of("/api/public/forms/submit",
                      json{{"token", forged}, {"answers", json::object()}}.dump()),
            404);
  EXPECT_EQ(status_of("/api/public/forms/submit", json{{"token", token}}.dump()), 400);
  auto array = Post("/api/public/forms/submit", {{"token", token}, {"answers", {1, 2}}});
  EXPECT_EQ(array.status, 400);
  EXPECT_EQ(array.Json()["error"]["field"], "answers");
  json nested_answers = {{"full_name", {{"a", 1}}}, {"gdpr", "yes"}};
  auto nested =
      Post("/api/public/forms/submit", json{{"token", token}, {"answers", nested_answers}});
  EXPECT_EQ(nested.status, 400);
  EXPECT_EQ(nested.Json()["error"]["problems"].size(), 2u);
  auto huge = Post(
      "/api/public/forms/submit",
      {{"token", token}, {"answers", {{"full_name", std::string(2001, 'x')}, {"gdpr", true}}}});
  EXPECT_EQ(huge.status, 400);
  EXPECT_EQ(huge.Json()["error"]["field"], "full_name");

  for (const char* query : {"status=bogus", "cursor=abc", "cursor=-1", "limit=0", "limit=x",
                            "booking_id=0", "contact_id=abc", "include%=%zz"}) {
    SCOPED_TRACE(query);
    EXPECT_EQ(As(ann_, "GET", Ws(std::string("/form-requests?") + query)).status, 400);
  }
  EXPECT_EQ(As(ann_, "GET", Ws("/forms?include_archived=maybe")).status, 400);
  EXPECT_EQ(As(ann_, "GET", Ws("/form-requests/999999")).status, 404);
  EXPECT_EQ(As(ann_, "POST", Ws("/forms"), "{\"name\": ").status, 400);
}

TEST_F(FormsHttpTest, ListsPageNewestFirstWithACursor) {
  CreateIntake();
  Book(At(2, 10));
  Book(At(2, 12), "+14155550143");
  Book(At(2, 14), "+14155550144");
  auto first = As(ann_, "GET", Ws("/form-requests?limit=2"));
  ASSERT_EQ(first.status, 200);
  const json page = first.Json();
  ASSERT_EQ(page["requests"].size(), 2u);
  EXPECT_GT(page["requests"][0]["id"], page["requests"][1]["id"]);
  ASSERT_TRUE(page["next_cursor"].is_string());
  auto second = As(ann_, "GET",
                   Ws("/form-requests?limit=2&cursor=" + page["next_cursor"].get<std::string>()));
  ASSERT_EQ(second.status, 200);
  ASSERT_EQ(second.Json()["requests"].size(), 1u);
  EXPECT_LT(second.Json()["requests"][0]["id"], page["requests"][1]["id"]);
  EXPECT_TRUE(second.Json()["next_cursor"].is_null());
}

TEST_F(FormsHttpTest, TheOnboardingStepIsDoneWithAnActiveFormOnAnActiveService) {
  const auto step = [this] {
    const json report = As(ann_, "GET", Ws("/onboarding")).Json();
    for (const json& s : report["steps"]) {
      if (s["key"] == "forms") return s;
    }
    return json();
  };
  EXPECT_EQ(step()["available"], true);
  EXPECT_EQ(step()["done"], false);
  EXPECT_EQ(step()["missing"], json({"create an intake form"}));
  auto r =
      As(ann_, "POST", Ws("/forms"), json{{"name", "Loose"}, {"fields", IntakeFields()}}.dump());
  ASSERT_EQ(r.status, 201);
  EXPECT_EQ(step()["missing"], json({"link a form to a service customers can book"}));
  CreateIntake();
  EXPECT_EQ(step()["done"], true);
}

}  // namespace
}  // namespace careops::testing
