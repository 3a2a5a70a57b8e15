// Form requests follow bookings through the real BookingService and its observers: one request
// per linked active form, the link through the outbox, one reminder job; moves and
// cancellations; the reminder's run; the customer's submission.

#include "forms/form_requests.hpp"

#include <gtest/gtest.h>

#include <string>

#include "automation/rules.hpp"
#include "booking/booking_notifier.hpp"
#include "booking/booking_service.hpp"
#include "booking/bookings_test_fixture.hpp"
#include "booking/reminders.hpp"
#include "contacts/contact_service.hpp"
#include "core/crypto.hpp"
#include "core/random.hpp"
#include "forms/request_repository.hpp"
#include "forms/request_service.hpp"
#include "http/event_hub.hpp"
#include "inbox/conversation_repository.hpp"
#include "jobs/job_repository.hpp"
#include "messaging/outbox.hpp"

namespace careops::forms {
namespace {

using booking::kDayMs;
using booking::kHour;
using booking::kMonday0800Utc;

// Tuesday 3 March 2026, 10:00 Berlin (09:00 UTC): 25 hours after the fixture's now.
constexpr Millis kTue10 = kMonday0800Utc + kDayMs + kHour;
constexpr Millis kMinute = 60'000;

class FormRequestsTest : public booking::BookingsFixture {
 protected:
  FormRequestsTest()
      : key_((InitCrypto(), std::string(64, 'k'))),
        outbox_(clock_, key_, [] {}),
        contacts_(clock_),
        notifier_(key_, outbox_, base_url_),
        reminders_(clock_, notifier_),
        requests_(clock_, key_, outbox_, base_url_, events_),
        request_service_(clock_, requests_.tokens(), events_),
        service_(clock_, outbox_, contacts_, notifier_, reminders_, observers_, events_,
                 [this] { ++job_wakes_; }) {
    observers_.Add(requests_.Observer());
    subscription_ = events_.Subscribe("workspace:" + std::to_string(ws_)).value();
    intake_ = AddForm("Intake", haircut_, 0, "1440");
  }

  std::int64_t AddForm(const std::string& name, std::optional<std::int64_t> service, int due_offset,
                       const std::string& reminder, bool active = true) {
    const std::int64_t id = conn_->Insert(
        "INSERT INTO forms (workspace_id, name, fields, due_offset_minutes, "
        "reminder_minutes_before_due, is_active, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, 0, 0)",
        {ws_, name,
         std::string(R"([{"key":"allergies","label":"Allergies","type":"text","required":true,)"
                     R"("options":[],"help":""}])"),
         std::int64_t{due_offset},
         reminder.empty() ? db::Value() : db::Value(std::int64_t{std::stoi(reminder)}),
         std::int64_t{active ? 1 : 0}});
    if (service) {
      conn_->Execute("INSERT INTO form_services (form_id, service_id) VALUES (?, ?)",
                     {id, *service});
    }
    return id;
  }

  booking::BookingDetails Book(Millis start, std::int64_t contact) {
    booking::StaffBookingRequest r;
    r.service_id = haircut_;
    r.start = start;
    r.member_id = ann_;
    r.contact_id = contact;
    auto made = service_.Create(*conn_, ws_, ann_, r);
    EXPECT_TRUE(made.ok()) << made.error().message;
    return *made;
  }

  std::vector<FormRequest> RequestsOf(std::int64_t booking_id) {
    RequestFilter f;
    f.booking_id = booking_id;
    return RequestRepository(*conn_).List(ws_, f);
  }

  std::vector<jobs::Job> ReminderJobs(std::int64_t request_id) {
    return jobs::JobRepository(*conn_).ListBySubject(kFormReminderJob, request_id);
  }

  struct Sent {
    std::string channel, to, body;
  };
  std::vector<Sent> Messages(const std::string& kind) {
    std::vector<Sent> out;
    for (const auto& r : conn_->Query(
             "SELECT channel, to_address, body FROM messages WHERE kind = ? ORDER BY id", {kind})) {
      out.push_back({r.Text(0), r.Text(1), r.Text(2)});
    }
    return out;
  }

  std::string base_url_ = "https://ops.example.com";
  SecretKey key_;
  messaging::Outbox outbox_;
  contacts::ContactService contacts_;
  http::EventHub events_;
  booking::BookingNotifier notifier_;
  booking::Reminders reminders_;
  FormRequests requests_;
  RequestService request_service_;
  booking::BookingObservers observers_;
  booking::BookingService service_;
  std::shared_ptr<http::EventSubscription> subscription_;
  std::int64_t intake_ = 0;
  int job_wakes_ = 0;
};

TEST_F(FormRequestsTest, ABookingGetsOneRequestPerLinkedActiveFormWithItsLinkAndReminder) {
  AddForm("Archived", haircut_, 0, "1440", /*active=*/false);
  AddForm("Unlinked", std::nullopt, 0, "1440");
  const std::int64_t after = AddForm("Aftercare", haircut_, 120, "");
  const auto d = Book(kTue10, cleo_);
  const auto requests = RequestsOf(d.booking.id);
  ASSERT_EQ(requests.size(), 2u);
  const FormRequest& intake = requests[1];  // newest first
  EXPECT_EQ(intake.form_id, intake_);
  EXPECT_EQ(intake.form_name, "Intake");
  EXPECT_EQ(intake.contact_id, cleo_);
  EXPECT_EQ(intake.due_at, kTue10);
  EXPECT_EQ(intake.sent_at, clock_.NowMillis());
  EXPECT_EQ(requests[0].form_id, after);
  EXPECT_EQ(requests[0].due_at, kTue10 + 120 * kMinute);

  const auto sent = Messages(kKindFormRequest);
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[0].channel, "sms");
  EXPECT_EQ(sent[0].to, "+14155550101");
  const std::string link = "https://ops.example.com/f#token=" + requests_.tokens().Make(intake.id);
  EXPECT_EQ(
      sent[0].body,
      "Sunny Clinic: please fill in \"Intake\" for your Haircut on Tue 3 Mar at 10:00: " + link);

  // One reminder for the intake form (24 h before its due time); none for the aftercare form.
  const auto jobs = ReminderJobs(intake.id);
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].due_at, kTue10 - 1440 * kMinute);
  EXPECT_EQ(jobs[0].workspace_id, ws_);
  EXPECT_TRUE(ReminderJobs(requests[0].id).empty());

  std::vector<std::string> events;
  for (const auto& e : subscription_->Take()) events.push_back(e->name + " " + e->data);
  EXPECT_NE(std::find(events.begin(), events.end(),
                      "form_request {\"id\":" + std::to_string(intake.id) + "}"),
            events.end());
}

TEST_F(FormRequestsTest, AnEmailOnlyContactGetsTheLinkByEmail) {
  const std::int64_t eve = conn_->Insert(
      "INSERT INTO contacts (workspace_id, name, email, created_at, updated_at) "
      "VALUES (?, 'Eve Email', 'eve@example.com', 0, 0)",
      {ws_});
  const auto d = Book(kTue10, eve);
  const auto sent = Messages(kKindFormRequest);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].channel, "email");
  EXPECT_EQ(sent[0].to, "eve@example.com");
  EXPECT_NE(sent[0].body.find("/f#token="), std::string::npos);
  EXPECT_EQ(RequestsOf(d.booking.id).at(0).contact_name, "Eve Email");
}

TEST_F(FormRequestsTest, TheRuleOffCreatesTheRequestButSendsNothing) {
  automation::SetEnabled(*conn_, ws_, automation::Rule::kFormRequest, false, ann_,
                         clock_.NowMillis());
  const auto d = Book(kTue10, cleo_);
  const auto requests = RequestsOf(d.booking.id);
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_FALSE(requests[0].sent_at.has_value());
  EXPECT_TRUE(Messages(kKindFormRequest).empty());
  // Its reminder does not send the link in its place.
  const auto jobs = ReminderJobs(requests[0].id);
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(requests_.RunReminder(*conn_, jobs[0]).note, "the link was never sent");
  EXPECT_TRUE(Messages(kKindFormReminder).empty());
}

TEST_F(FormRequestsTest, NoReminderWhenItsTimeHasPassed) {
  const auto d = Book(kMonday0800Utc + 3 * kHour, cleo_);  // due in 3 h, reminder 24 h before
  EXPECT_TRUE(ReminderJobs(RequestsOf(d.booking.id).at(0).id).empty());
}

TEST_F(FormRequestsTest, AMoveMovesTheDueTimeAndTheReminder) {
  const auto d = Book(kTue10, cleo_);
  const std::int64_t id = RequestsOf(d.booking.id).at(0).id;
  booking::BookingChange move;
  move.start = kTue10 + kDayMs;
  ASSERT_TRUE(service_.Change(*conn_, ws_, ann_, d.booking.id, move).ok());
  EXPECT_EQ(RequestsOf(d.booking.id).at(0).due_at, kTue10 + kDayMs);
  const auto jobs = ReminderJobs(id);
  ASSERT_EQ(jobs.size(), 2u);
  EXPECT_EQ(jobs[0].status, jobs::JobStatus::kCancelled);
  EXPECT_EQ(jobs[1].status, jobs::JobStatus::kPending);
  EXPECT_EQ(jobs[1].due_at, kTue10);
}

TEST_F(FormRequestsTest, ACancellationCancelsPendingRequestsAndReminders) {
  const auto d = Book(kTue10, cleo_);
  const std::int64_t id = RequestsOf(d.booking.id).at(0).id;
  booking::BookingChange cancel;
  cancel.status = booking::BookingStatus::kCancelled;
  ASSERT_TRUE(service_.Change(*conn_, ws_, ann_, d.booking.id, cancel).ok());
  EXPECT_EQ(RequestsOf(d.booking.id).at(0).status, RequestStatus::kCancelled);
  EXPECT_EQ(ReminderJobs(id).at(0).status, jobs::JobStatus::kCancelled);
  auto opened = request_service_.Open(*conn_, requests_.tokens().Make(id));
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, ErrorCode::kGone);
}

TEST_F(FormRequestsTest, TheReminderRunsOnceAndOnlyWhileWanted) {
  const auto d = Book(kTue10, cleo_);
  const std::int64_t id = RequestsOf(d.booking.id).at(0).id;
  const jobs::Job job = ReminderJobs(id).at(0);

  automation::SetEnabled(*conn_, ws_, automation::Rule::kFormReminder, false, ann_, 0);
  EXPECT_EQ(requests_.RunReminder(*conn_, job).note, "the form_reminder rule is off");
  automation::SetEnabled(*conn_, ws_, automation::Rule::kFormReminder, true, ann_, 0);

  inbox::ConversationRepository conversations(*conn_);
  auto c = conversations.Open(ws_, cleo_, clock_.NowMillis());
  c.automation_paused = true;
  conversations.Update(c);
  EXPECT_EQ(requests_.RunReminder(*conn_, job).note, "automation paused");
  c.automation_paused = false;
  conversations.Update(c);
  EXPECT_TRUE(Messages(kKindFormReminder).empty());

  clock_.Advance(kHour);
  subscription_->Take();
  const auto run = requests_.RunReminder(*conn_, job);
  EXPECT_EQ(run.outcome, jobs::JobOutcome::kDone);
  // Open pages hear of the reminder once the scheduler committed it.
  EXPECT_TRUE(subscription_->Take().empty());
  ASSERT_TRUE(run.after_commit);
  run.after_commit();
  const auto published = subscription_->Take();
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0]->name, "form_request");
  EXPECT_EQ(published[0]->data, "{\"id\":" + std::to_string(id) + "}");
  const auto sent = Messages(kKindFormReminder);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_NE(sent[0].body.find("a reminder to fill in \"Intake\""), std::string::npos);
  EXPECT_NE(sent[0].body.find(requests_.tokens().Make(id)), std::string::npos);
  EXPECT_EQ(RequestsOf(d.booking.id).at(0).reminded_at, clock_.NowMillis());

  // Completed: the reminder has nothing left to do.
  auto done = request_service_.Submit(*conn_, requests_.tokens().Make(id),
                                      nlohmann::json{{"allergies", "none"}});
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(requests_.RunReminder(*conn_, job).note, "form request completed");
}

TEST_F(FormRequestsTest, ASubmissionCompletesOnceAndTellsStaff) {
  const auto d = Book(kTue10, cleo_);
  const std::int64_t id = RequestsOf(d.booking.id).at(0).id;
  const std::string token = requests_.tokens().Make(id);

  auto bad = request_service_.Submit(*conn_, token, nlohmann::json{{"allergies", " "}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "allergies");
  EXPECT_EQ(RequestsOf(d.booking.id).at(0).status, RequestStatus::kPending);

  clock_.Advance(30 * kHour);  // overdue by now: still accepted
  auto done = request_service_.Submit(*conn_, token, nlohmann::json{{"allergies", "Pollen"}});
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->status, RequestStatus::kCompleted);
  EXPECT_EQ(done->completed_at, clock_.NowMillis());
  EXPECT_EQ(nlohmann::json::parse(*done->answers),
            nlohmann::json::parse(
                R"([{"key":"allergies","label":"Allergies","type":"text","value":"Pollen"}])"));
  const auto conversation = conn_->QueryOne(
      "SELECT e.kind, e.body, e.booking_id FROM conversation_events e JOIN conversations c ON "
      "c.id = e.conversation_id WHERE c.contact_id = ? AND e.kind = 'form_completed'",
      {cleo_});
  ASSERT_TRUE(conversation.has_value());
  EXPECT_EQ(conversation->Text(1), "\"Intake\" completed by the customer");
  EXPECT_EQ(conversation->Int(2), d.booking.id);

  auto again = request_service_.Submit(*conn_, token, nlohmann::json{{"allergies", "Dust"}});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().field, "status");
}

}  // namespace
}  // namespace careops::forms
