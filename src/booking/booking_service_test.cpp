// BookingService against a real SQLite database: booking from the public page and by staff,
// the slot check, moves, status changes, the customer's links, C / X replies and reminders.

#include "booking/booking_service.hpp"

#include <gtest/gtest.h>

#include <string>

#include "booking/booking_notifier.hpp"
#include "booking/bookings_test_fixture.hpp"
#include "booking/reminders.hpp"
#include "contacts/contact_service.hpp"
#include "core/crypto.hpp"
#include "core/random.hpp"
#include "http/event_hub.hpp"
#include "inbox/conversation_repository.hpp"
#include "messaging/outbox.hpp"

namespace careops::booking {
namespace {

// Tuesday 3 March 2026, 10:00 Berlin.
constexpr Millis kTue10 = kMonday0800Utc + kDayMs + kHour;

class BookingServiceTest : public BookingsFixture {
 protected:
  BookingServiceTest()
      : key_((InitCrypto(), std::string(64, 'k'))),
        outbox_(clock_, key_, [this] { ++outbox_wakes_; }),
        contacts_(clock_),
        notifier_(key_, outbox_, base_url_),
        reminders_(clock_, notifier_),
        service_(clock_, outbox_, contacts_, notifier_, reminders_, observers_, events_,
                 [this] { ++job_wakes_; }) {
    subscription_ = events_.Subscribe("workspace:" + std::to_string(ws_)).value();
  }

  PublicBookingRequest Public(Millis start, std::string phone = "+14155550199") {
    PublicBookingRequest r;
    r.service_id = haircut_;
    r.start = start;
    r.name = "Pat Public";
    r.phone = std::move(phone);
    return r;
  }

  StaffBookingRequest Staff(Millis start) {
    StaffBookingRequest r;
    r.service_id = haircut_;
    r.start = start;
    r.contact_id = cleo_;
    return r;
  }

  std::vector<std::string> Bodies(const std::string& kind) {
    std::vector<std::string> out;
    for (const auto& r :
         conn_->Query("SELECT body FROM messages WHERE kind = ? ORDER BY id", {kind})) {
      out.push_back(r.Text(0));
    }
    return out;
  }

  std::vector<std::string> EventKinds(std::int64_t conversation_id) {
    std::vector<std::string> out;
    for (const auto& e : inbox::ConversationRepository(*conn_).Events(conversation_id, 100)) {
      out.push_back(e.kind);
    }
    return out;
  }

  std::vector<std::string> Published() {
    std::vector<std::string> out;
    for (const auto& e : subscription_->Take()) out.push_back(e->name + " " + e->data);
    return out;
  }

  std::string base_url_ = "https://ops.example.com";
  SecretKey key_;
  int outbox_wakes_ = 0;
  int job_wakes_ = 0;
  messaging::Outbox outbox_;
  contacts::ContactService contacts_;
  http::EventHub events_;
  BookingNotifier notifier_;
  Reminders reminders_;
  BookingObservers observers_;
  BookingService service_;
  std::shared_ptr<http::EventSubscription> subscription_;
};

TEST_F(BookingServiceTest, PublicBookingCreatesContactBookingMessageEventAndReminder) {
  auto made = service_.BookPublic(*conn_, "sunny-clinic", Public(kTue10));
  ASSERT_TRUE(made.ok()) << made.error().message;
  const BookingDetails& d = made->booking;
  EXPECT_EQ(d.booking.status, BookingStatus::kConfirmed);
  EXPECT_EQ(d.booking.source, "public");
  EXPECT_EQ(d.booking.staff_id, std::min(ann_, sam_));  // the lowest free eligible id
  EXPECT_EQ(d.contact_name, "Pat Public");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM contacts WHERE source = 'booking'"), 1);
  ASSERT_TRUE(d.conversation_id);

  const auto sms = Bodies("booking_confirmation");
  ASSERT_EQ(sms.size(), 1u);
  EXPECT_EQ(sms[0],
            "Sunny Clinic: your Haircut is booked for Tue 3 Mar at 10:00. Change or cancel: "
            "https://ops.example.com/b#token=" +
                made->manage_token + " Reply C to confirm or X to cancel.");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM messages WHERE kind = 'booking_confirmation' AND "
                  "channel = 'sms' AND to_address = '+14155550199' AND workspace_id IS NOT NULL "
                  "AND conversation_id IS NOT NULL"),
            1);
  EXPECT_EQ(EventKinds(*d.conversation_id), std::vector<std::string>{"booking_created"});
  auto job = conn_->QueryOne("SELECT due_at, payload, status FROM jobs WHERE subject_id = ?",
                             {d.booking.id});
  ASSERT_TRUE(job);
  EXPECT_EQ(job->Int(0), kTue10 - kDayMs);
  EXPECT_EQ(job->Text(1), "1440");
  EXPECT_EQ(outbox_wakes_, 1);
  EXPECT_EQ(job_wakes_, 1);
  EXPECT_EQ(Published(), (std::vector<std::string>{
                             "booking {\"id\":" + std::to_string(d.booking.id) + "}",
                             "conversation {\"id\":" + std::to_string(*d.conversation_id) + "}"}));
}

TEST_F(BookingServiceTest, ATakenSlotIsAConflictWithThatDaysFreeSlots) {
  ASSERT_TRUE(service_.BookPublic(*conn_, "sunny-clinic", Public(kTue10)).ok());
  ASSERT_TRUE(service_.BookPublic(*conn_, "sunny-clinic", Public(kTue10, "+14155550198")).ok());
  FreshSlots fresh;
  auto third = service_.BookPublic(*conn_, "sunny-clinic", Public(kTue10, "+14155550197"), &fresh);
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().code, ErrorCode::kConflict);
  EXPECT_EQ(third.error().field, "start");
  ASSERT_FALSE(fresh.slots.empty());
  for (const NamedSlot& s : fresh.slots) {
    EXPECT_TRUE(s.start + kHour <= kTue10 || s.start >= kTue10 + kHour);
    EXPECT_GE(s.start, kTue10 - kHour);      // 09:00 Berlin, the day's first
    EXPECT_LT(s.start, kTue10 + 7 * kHour);  // before 17:00
    ASSERT_FALSE(s.staff.empty());
    EXPECT_FALSE(s.staff[0].name.empty());
  }
  // Nothing of the refused attempt remains: no contact, no message.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM contacts WHERE phone = '+14155550197'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM bookings"), 2);
}

TEST_F(BookingServiceTest, StartsOffTheGridOrOutsideHoursAreConflicts) {
  for (Millis start :
       {kTue10 + 10 * 60'000, kTue10 + 12 * kHour, clock_.NowMillis() + 30 * 60'000}) {
    auto made = service_.BookPublic(*conn_, "sunny-clinic", Public(start));
    ASSERT_FALSE(made.ok());
    EXPECT_EQ(made.error().field, "start");
  }
}

TEST_F(BookingServiceTest, PublicInputIsCheckedFieldByField) {
  auto bad = [&](PublicBookingRequest r, const std::string& field) {
    auto made = service_.BookPublic(*conn_, "sunny-clinic", r);
    ASSERT_FALSE(made.ok()) << field;
    EXPECT_EQ(made.error().field, field) << made.error().message;
  };
  PublicBookingRequest r = Public(kTue10);
  r.name = " ";
  bad(r, "name");
  r = Public(kTue10, "");
  bad(r, "phone");
  r = Public(kTue10, "not a phone");
  bad(r, "phone");
  r = Public(kTue10);
  r.website = "http://spam.example";
  bad(r, "website");
  r = Public(kTue10);
  r.notes = std::string(2001, 'x');
  bad(r, "notes");
  r = Public(kTue10);
  r.member_id = ann_ + sam_ + 100;
  bad(r, "member_id");
  r = Public(kTue10);
  r.service_id = haircut_ + 100;
  auto unknown = service_.BookPublic(*conn_, "sunny-clinic", r);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.BookPublic(*conn_, "nowhere", Public(kTue10)).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM bookings"), 0);
}

TEST_F(BookingServiceTest, ARequestedMemberMustBeFree) {
  StaffBookingRequest r = Staff(kTue10);
  r.member_id = sam_;
  ASSERT_TRUE(service_.Create(*conn_, ws_, ann_, r).ok());
  auto again = service_.Create(*conn_, ws_, ann_, r);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().field, "start");
  r.member_id.reset();
  auto other = service_.Create(*conn_, ws_, ann_, r);
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->booking.staff_id, ann_);
}

TEST_F(BookingServiceTest, StaffBookAtShortNoticeAndMayStaySilent) {
  StaffBookingRequest r = Staff(kMonday0800Utc + kHour);  // 10:00 Berlin today: within notice
  r.notify = false;
  auto made = service_.Create(*conn_, ws_, ann_, r);
  ASSERT_TRUE(made.ok()) << made.error().message;
  EXPECT_EQ(made->booking.source, "staff");
  EXPECT_EQ(made->booking.created_by, ann_);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM messages"), 0);
  // The reminder 24 h before is already past: none.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM jobs"), 0);
  auto events = inbox::ConversationRepository(*conn_).Events(*made->conversation_id, 10);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].author_id, ann_);
}

TEST_F(BookingServiceTest, StaffContactsAreFoundOrCreatedAndCheckedUnderContact) {
  StaffBookingRequest r = Staff(kTue10);
  r.contact_id.reset();
  r.contact = ContactInput{"Dan New", "", "not-an-email"};
  auto bad = service_.Create(*conn_, ws_, ann_, r);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "contact.email");
  r.contact = ContactInput{"Dan New", "", "dan@example.com"};
  auto made = service_.Create(*conn_, ws_, ann_, r);
  ASSERT_TRUE(made.ok());
  EXPECT_EQ(made->contact_email, "dan@example.com");
  EXPECT_EQ(Bodies("booking_confirmation").size(), 1u);  // by email
  r.contact.reset();
  r.contact_id = 999'999;
  EXPECT_EQ(service_.Create(*conn_, ws_, ann_, r).error().field, "contact_id");
}

TEST_F(BookingServiceTest, MovingKeepsTheMemberWhenFreeAndMovesTheReminders) {
  auto made = service_.Create(*conn_, ws_, ann_, Staff(kTue10));
  ASSERT_TRUE(made.ok());
  const std::int64_t id = made->booking.id;
  const std::int64_t member = made->booking.staff_id;
  BookingChange change;
  change.start = kTue10 + kDayMs;
  auto moved = service_.Change(*conn_, ws_, sam_, id, change);
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  EXPECT_EQ(moved->booking.start_at, kTue10 + kDayMs);
  EXPECT_EQ(moved->booking.staff_id, member);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM jobs WHERE status = 'cancelled'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM jobs WHERE status = 'pending' AND due_at = " +
                  std::to_string(kTue10)),
            1);
  const auto sms = Bodies("booking_moved");
  ASSERT_EQ(sms.size(), 1u);
  EXPECT_NE(sms[0].find("moved to Wed 4 Mar at 10:00"), std::string::npos) << sms[0];
  EXPECT_EQ(EventKinds(*moved->conversation_id),
            (std::vector<std::string>{"booking_created", "booking_moved"}));
  // Within its own old time is fine too (it does not stand in its own way).
  change.start = kTue10 + kDayMs + 30 * 60'000;
  EXPECT_TRUE(service_.Change(*conn_, ws_, sam_, id, change).ok());
}

TEST_F(BookingServiceTest, StatusChangesFollowTheRules) {
  auto made = service_.Create(*conn_, ws_, ann_, Staff(kTue10));
  ASSERT_TRUE(made.ok());
  const std::int64_t id = made->booking.id;
  BookingChange complete;
  complete.status = BookingStatus::kCompleted;
  auto early = service_.Change(*conn_, ws_, ann_, id, complete);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().field, "status");
  clock_.Set(kTue10 + 5 * 60'000);
  auto done = service_.Change(*conn_, ws_, ann_, id, complete);
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->booking.status, BookingStatus::kCompleted);
  BookingChange cancel;
  cancel.status = BookingStatus::kCancelled;
  EXPECT_EQ(service_.Change(*conn_, ws_, ann_, id, cancel).error().field, "status");
  BookingChange move;
  move.start = kTue10 + kDayMs;
  EXPECT_EQ(service_.Change(*conn_, ws_, ann_, id, move).error().field, "status");
  EXPECT_EQ(service_.Change(*conn_, ws_ + 1, ann_, id, cancel).error().code, ErrorCode::kNotFound);
}

TEST_F(BookingServiceTest, CancellingFreesTheSlotDropsRemindersAndTellsTheCustomer) {
  auto made = service_.BookPublic(*conn_, "sunny-clinic", Public(kTue10));
  ASSERT_TRUE(made.ok());
  BookingChange cancel;
  cancel.status = BookingStatus::kCancelled;
  auto cancelled = service_.Change(*conn_, ws_, ann_, made->booking.booking.id, cancel);
  ASSERT_TRUE(cancelled.ok());
  EXPECT_EQ(cancelled->booking.cancelled_by, "staff");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM jobs WHERE status = 'pending'"), 0);
  const auto sms = Bodies("booking_cancelled");
  ASSERT_EQ(sms.size(), 1u);
  EXPECT_NE(sms[0].find("https://ops.example.com/w/sunny-clinic/book"), std::string::npos);
  StaffBookingRequest r = Staff(kTue10);
  r.member_id = made->booking.booking.staff_id;
  EXPECT_TRUE(service_.Create(*conn_, ws_, ann_, r).ok());
}

TEST_F(BookingServiceTest, ApprovalTurnsAPendingBookingIntoAConfirmedOne) {
  const std::int64_t consult = AddService("Consultation", 60, {sam_}, "1440,60", true);
  PublicBookingRequest r = Public(kTue10);
  r.service_id = consult;
  auto made = service_.BookPublic(*conn_, "sunny-clinic", r);
  ASSERT_TRUE(made.ok());
  EXPECT_EQ(made->booking.booking.status, BookingStatus::kPending);
  EXPECT_EQ(Bodies("booking_pending").size(), 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM jobs WHERE status = 'pending'"), 2);
  BookingChange approve;
  approve.status = BookingStatus::kConfirmed;
  ASSERT_TRUE(service_.Change(*conn_, ws_, ann_, made->booking.booking.id, approve).ok());
  EXPECT_EQ(Bodies("booking_confirmation").size(), 1u);
  EXPECT_EQ(EventKinds(*made->booking.conversation_id),
            (std::vector<std::string>{"booking_requested", "booking_confirmed"}));
}

TEST_F(BookingServiceTest, ManageLinksCancelRescheduleAndConfirm) {
  auto made = service_.BookPublic(*conn_, "sunny-clinic", Public(kTue10));
  ASSERT_TRUE(made.ok());
  const std::string token = made->manage_token;
  auto managed = service_.Manage(*conn_, token);
  ASSERT_TRUE(managed.ok());
  EXPECT_TRUE(managed->can_change);
  EXPECT_EQ(managed->workspace.slug, "sunny-clinic");

  auto confirmed = service_.ConfirmByCustomer(*conn_, token);
  ASSERT_TRUE(confirmed.ok());
  EXPECT_EQ(confirmed->booking.customer_confirmed_at, clock_.NowMillis());

  FreshSlots fresh;
  auto off_grid = service_.RescheduleByCustomer(*conn_, token, kTue10 + 7 * 60'000, &fresh);
  ASSERT_FALSE(off_grid.ok());
  EXPECT_EQ(off_grid.error().field, "start");
  EXPECT_FALSE(fresh.slots.empty());
  auto moved = service_.RescheduleByCustomer(*conn_, token, kTue10 + 2 * kHour);
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  EXPECT_EQ(moved->booking.start_at, kTue10 + 2 * kHour);
  EXPECT_EQ(moved->booking.staff_id, made->booking.booking.staff_id);

  auto cancelled = service_.CancelByCustomer(*conn_, token);
  ASSERT_TRUE(cancelled.ok());
  EXPECT_EQ(cancelled->booking.cancelled_by, "customer");
  EXPECT_EQ(service_.CancelByCustomer(*conn_, token).error().field, "status");
  EXPECT_FALSE(service_.Manage(*conn_, token)->can_change);
  EXPECT_EQ(service_.Manage(*conn_, token + "0").error().code, ErrorCode::kNotFound);
  clock_.Set(kTue10 + kManageLinkLifetime + 1);
  EXPECT_EQ(service_.Manage(*conn_, token).error().code, ErrorCode::kGone);
}

TEST_F(BookingServiceTest, RepliesConfirmOrCancelTheNextUpcomingBooking) {
  auto later = service_.Create(*conn_, ws_, ann_, Staff(kTue10 + kDayMs));
  auto next = service_.Create(*conn_, ws_, ann_, Staff(kTue10));
  ASSERT_TRUE(later.ok() && next.ok());
  const std::int64_t conversation = *next->conversation_id;
  const Millis now = clock_.NowMillis();
  auto yes =
      service_.HandleReply(*conn_, ws_, cleo_, conversation, inbox::BookingReply::kConfirm, now);
  ASSERT_TRUE(yes);
  EXPECT_TRUE(yes->answer.starts_with(
      "Sunny Clinic: thank you, your Haircut on Tue 3 Mar at 10:00 is confirmed. Change or "
      "cancel: https://ops.example.com/b#token="))
      << yes->answer;
  ASSERT_TRUE(yes->after_commit);
  EXPECT_EQ(*BookingRepository(*conn_).Find(ws_, next->booking.id)->booking.customer_confirmed_at,
            now);
  auto no =
      service_.HandleReply(*conn_, ws_, cleo_, conversation, inbox::BookingReply::kCancel, now);
  ASSERT_TRUE(no);
  EXPECT_NE(no->answer.find("is cancelled"), std::string::npos);
  EXPECT_EQ(BookingRepository(*conn_).Find(ws_, next->booking.id)->booking.status,
            BookingStatus::kCancelled);
  EXPECT_EQ(BookingRepository(*conn_).Find(ws_, later->booking.id)->booking.status,
            BookingStatus::kConfirmed);
  EXPECT_FALSE(service_.HandleReply(*conn_, ws_, cleo_ + 100, conversation,
                                    inbox::BookingReply::kCancel, now));
}

TEST_F(BookingServiceTest, ACReplyToAPendingBookingLeavesItAwaitingApproval) {
  const std::int64_t consult = AddService("Consultation", 60, {sam_}, "1440", true);
  PublicBookingRequest r = Public(kTue10);
  r.service_id = consult;
  auto made = service_.BookPublic(*conn_, "sunny-clinic", r);
  ASSERT_TRUE(made.ok());
  const auto& d = made->booking;
  auto yes = service_.HandleReply(*conn_, ws_, d.booking.contact_id, *d.conversation_id,
                                  inbox::BookingReply::kConfirm, clock_.NowMillis());
  ASSERT_TRUE(yes);
  EXPECT_NE(yes->answer.find("once it is approved"), std::string::npos) << yes->answer;
  const auto after = BookingRepository(*conn_).Find(ws_, d.booking.id);
  EXPECT_EQ(after->booking.status, BookingStatus::kPending);
  EXPECT_TRUE(after->booking.customer_confirmed_at);
  EXPECT_EQ(EventKinds(*d.conversation_id),
            (std::vector<std::string>{"booking_requested", "booking_customer_confirmed"}));
}

TEST_F(BookingServiceTest, AContactWhoOptedOutOfSmsIsWrittenToByEmail) {
  conn_->Execute("UPDATE contacts SET sms_opted_out_at = 1 WHERE id = ?", {cleo_});
  ASSERT_TRUE(service_.Create(*conn_, ws_, ann_, Staff(kTue10)).ok());
  auto row = conn_->QueryOne(
      "SELECT channel, to_address, subject FROM messages WHERE kind = 'booking_confirmation'");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->Text(0), "email");
  EXPECT_EQ(row->Text(1), "cleo@example.com");
  EXPECT_EQ(row->Text(2), "Sunny Clinic: Haircut booked: Tue 3 Mar at 10:00");
}

TEST_F(BookingServiceTest, RemindersRunOnceWantedAndSkipOtherwise) {
  auto made = service_.BookPublic(*conn_, "sunny-clinic", Public(kTue10));
  ASSERT_TRUE(made.ok());
  auto jobs = reminders_.List(*conn_, made->booking.booking.id);
  ASSERT_EQ(jobs.size(), 1u);
  clock_.Set(jobs[0].due_at);
  auto result = reminders_.Run(*conn_, jobs[0]);
  EXPECT_EQ(result.outcome, jobs::JobOutcome::kDone);
  EXPECT_TRUE(result.note.starts_with("message ")) << result.note;
  const auto sms = Bodies("booking_reminder");
  ASSERT_EQ(sms.size(), 1u);
  EXPECT_NE(sms[0].find("/b#token="), std::string::npos);
  EXPECT_TRUE(sms[0].ends_with("Reply C to confirm or X to cancel.")) << sms[0];

  conn_->Execute("UPDATE conversations SET automation_paused = 1");
  EXPECT_EQ(reminders_.Run(*conn_, jobs[0]).outcome, jobs::JobOutcome::kSkipped);
  conn_->Execute("UPDATE conversations SET automation_paused = 0");
  clock_.Set(kTue10);
  EXPECT_EQ(reminders_.Run(*conn_, jobs[0]).note, "booking already started");
  clock_.Set(jobs[0].due_at);
  conn_->Execute("UPDATE bookings SET status = 'cancelled'");
  EXPECT_EQ(reminders_.Run(*conn_, jobs[0]).note, "booking cancelled");
}

TEST_F(BookingServiceTest, ObserversSeeEveryChangeInsideItsTransaction) {
  std::vector<std::string> seen;
  int after_commits = 0;
  observers_.Add([&](BookingChangeContext& ctx) {
    std::string line = ctx.before ? std::string(BookingStatusName(ctx.before->status)) : "new";
    line += ">" + std::string(BookingStatusName(ctx.after.status));
    line += ctx.author_id ? " staff" : " customer";
    if (ctx.before && ctx.before->start_at != ctx.after.start_at) line += " moved";
    // The row is already written as the observer sees it.
    EXPECT_EQ(Count("SELECT COUNT(*) FROM bookings WHERE id = " + std::to_string(ctx.after.id) +
                    " AND status = '" + BookingStatusName(ctx.after.status) + "'"),
              1);
    ctx.jobs_changed = true;
    ctx.after_commit.push_back([&] { ++after_commits; });
    seen.push_back(line);
  });
  auto made = service_.BookPublic(*conn_, "sunny-clinic", Public(kTue10));
  ASSERT_TRUE(made.ok());
  const std::int64_t id = made->booking.booking.id;
  BookingChange move;
  move.start = kTue10 + kHour;
  ASSERT_TRUE(service_.Change(*conn_, ws_, ann_, id, move).ok());
  ASSERT_TRUE(service_.CancelByCustomer(*conn_, made->manage_token).ok());
  EXPECT_EQ(seen,
            (std::vector<std::string>{"new>confirmed customer", "confirmed>confirmed staff moved",
                                      "confirmed>cancelled customer"}));
  EXPECT_EQ(after_commits, 3);
  EXPECT_EQ(job_wakes_, 3);  // the booking's own two, and the cancellation's asked by the observer
}

TEST_F(BookingServiceTest, AnObserverThatThrowsRollsTheBookingBack) {
  observers_.Add([](BookingChangeContext&) { throw std::runtime_error("broken invariant"); });
  EXPECT_THROW((void)service_.BookPublic(*conn_, "sunny-clinic", Public(kTue10)),
               std::runtime_error);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM bookings"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM messages"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM jobs"), 0);
}

}  // namespace
}  // namespace careops::booking
