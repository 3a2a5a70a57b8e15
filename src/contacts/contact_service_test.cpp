// ContactService against a migrated temporary SQLite database and a fake clock.

#include "contacts/contact_service.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "contacts/contact_repository.hpp"
#include "contacts/contacts_test_fixture.hpp"

namespace careops::contacts {
namespace {

class ContactServiceTest : public ContactsFixture {
 protected:
  std::vector<std::string> Names(const ContactQuery& query, std::int64_t ws = 0) {
    auto page = service_.List(*conn_, ws != 0 ? ws : ws_, query);
    EXPECT_TRUE(page.ok()) << (page.ok() ? "" : page.error().message);
    std::vector<std::string> names;
    if (page.ok()) {
      for (const Contact& c : page->contacts) names.push_back(c.name);
    }
    return names;
  }
  static ContactQuery Q(std::string q) {
    ContactQuery query;
    query.q = std::move(q);
    return query;
  }
};

TEST_F(ContactServiceTest, CreateNormalisesEveryField) {
  ContactFields f = Fields("  Ann Lee ", " Ann@Example.COM ", "(415) 555-2671");
  f.tags = std::vector<std::string>{"VIP", "new", "vip"};
  f.notes = "prefers mornings";
  auto c = service_.Create(*conn_, ws_, f);
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->name, "Ann Lee");
  EXPECT_EQ(c->email, "ann@example.com");
  EXPECT_EQ(c->phone, "+14155552671");
  EXPECT_EQ(c->tags, (std::vector<std::string>{"new", "vip"}));
  EXPECT_EQ(c->notes, "prefers mornings");
  EXPECT_EQ(c->source, kSourceManual);
  EXPECT_EQ(c->created_at, clock_.NowMillis());
  EXPECT_EQ(c->conversation_id, std::nullopt);
  EXPECT_EQ(service_.Get(*conn_, ws_, c->id)->email, "ann@example.com");
}

TEST_F(ContactServiceTest, NationalNumbersAreReadInTheWorkspaceRegion) {
  auto gb = service_.Create(*conn_, other_ws_, Fields("Gwen", std::nullopt, "07911 123456"));
  ASSERT_TRUE(gb.ok()) << gb.error().message;
  EXPECT_EQ(gb->phone, "+447911123456");
}

TEST_F(ContactServiceTest, BadInputNamesTheField) {
  EXPECT_EQ(service_.Create(*conn_, ws_, Fields("Ann", std::nullopt)).error().field, "email");
  EXPECT_EQ(service_.Create(*conn_, ws_, Fields("Ann", "", "")).error().field, "email");
  EXPECT_EQ(service_.Create(*conn_, ws_, Fields("Ann", "nope")).error().field, "email");
  EXPECT_EQ(service_.Create(*conn_, ws_, Fields("Ann", std::nullopt, "12")).error().field, "phone");
  EXPECT_EQ(service_.Create(*conn_, ws_, Fields(std::string(201, 'a'), "a@b.co")).error().field,
            "name");
  ContactFields tags = Fields("Ann", "a@b.co");
  tags.tags = std::vector<std::string>{"no spaces"};
  EXPECT_EQ(service_.Create(*conn_, ws_, tags).error().field, "tags");
  EXPECT_EQ(Count(ws_), 0);
}

TEST_F(ContactServiceTest, DuplicatesAreRefusedNamingTheFieldAndTheContact) {
  const Contact ann = Add("Ann", "ann@example.com", "+14155552671");
  auto phone = service_.Create(*conn_, ws_, Fields("Other", "other@example.com", "415 555 2671"));
  ASSERT_FALSE(phone.ok());
  EXPECT_EQ(phone.error().code, ErrorCode::kConflict);
  EXPECT_EQ(phone.error().field, "phone");
  EXPECT_EQ(phone.error().message,
            "a contact with this phone number exists (contact " + std::to_string(ann.id) + ")");
  auto email = service_.Create(*conn_, ws_, Fields("Other", "ANN@example.com"));
  ASSERT_FALSE(email.ok());
  EXPECT_EQ(email.error().field, "email");
  EXPECT_NE(email.error().message.find(std::to_string(ann.id)), std::string::npos);
  EXPECT_TRUE(service_.Create(*conn_, other_ws_, Fields("Ann", "ann@example.com")).ok())
      << "another workspace may have the same person";
}

TEST_F(ContactServiceTest, UpdateAppliesPresentFieldsOnly) {
  const Contact ann = Add("Ann", "ann@example.com");
  clock_.Advance(1000);
  ContactFields change;
  change.phone = "4155552671";
  change.tags = std::vector<std::string>{"vip"};
  auto updated = service_.Update(*conn_, ws_, ann.id, change);
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(updated->name, "Ann");
  EXPECT_EQ(updated->email, "ann@example.com");
  EXPECT_EQ(updated->phone, "+14155552671");
  EXPECT_EQ(updated->tags, std::vector<std::string>{"vip"});
  EXPECT_EQ(updated->updated_at, ann.created_at + 1000);

  clock_.Advance(1000);
  auto same = service_.Update(*conn_, ws_, ann.id, change);
  EXPECT_EQ(same->updated_at, ann.created_at + 1000) << "nothing changed";

  ContactFields clear_email;
  clear_email.email = "";
  EXPECT_EQ(service_.Update(*conn_, ws_, ann.id, clear_email)->email, std::nullopt);
  ContactFields clear_phone;
  clear_phone.phone = "";
  EXPECT_EQ(service_.Update(*conn_, ws_, ann.id, clear_phone).error().field, "email")
      << "the last way to reach her stays";
}

TEST_F(ContactServiceTest, UpdateRefusesAnotherContactsPhoneButKeepsItsOwn) {
  const Contact ann = Add("Ann", "ann@example.com", "+14155552671");
  const Contact bob = Add("Bob", "bob@example.com");
  ContactFields take;
  take.phone = "+14155552671";
  auto taken = service_.Update(*conn_, ws_, bob.id, take);
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().field, "phone");
  EXPECT_NE(taken.error().message.find(std::to_string(ann.id)), std::string::npos);
  ContactFields rename = take;
  rename.name = "Ann Lee";
  EXPECT_TRUE(service_.Update(*conn_, ws_, ann.id, rename).ok());
}

TEST_F(ContactServiceTest, AnotherWorkspacesContactIsNotFound) {
  const Contact ann = Add("Ann", "ann@example.com");
  EXPECT_EQ(service_.Get(*conn_, other_ws_, ann.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.Update(*conn_, other_ws_, ann.id, Fields("X", std::nullopt)).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(service_.Delete(*conn_, other_ws_, ann.id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(service_.Get(*conn_, ws_, ann.id).ok());
}

TEST_F(ContactServiceTest, DeleteTakesTheConversationAlong) {
  const Contact ann = Add("Ann", "ann@example.com");
  const std::int64_t conversation = conn_->Insert(
      "INSERT INTO conversations (workspace_id, contact_id, last_activity_at, created_at) "
      "VALUES (?, ?, 0, 0)",
      {ws_, ann.id});
  EXPECT_EQ(service_.Get(*conn_, ws_, ann.id)->conversation_id, conversation);
  ASSERT_TRUE(service_.Delete(*conn_, ws_, ann.id).ok());
  EXPECT_EQ(service_.Get(*conn_, ws_, ann.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(conn_->QueryOne("SELECT COUNT(*) FROM conversations")->Int(0), 0);
  EXPECT_EQ(service_.Delete(*conn_, ws_, ann.id).error().code, ErrorCode::kNotFound);
}

TEST_F(ContactServiceTest, ListsByNameCaseInsensitivelyThenId) {
  Add("bob", "b1@example.com");
  Add("Ann", "a@example.com");
  Add("Bob", "b2@example.com");
  Add("carl", "c@example.com");
  EXPECT_EQ(Names({}), (std::vector<std::string>{"Ann", "bob", "Bob", "carl"}));
  EXPECT_TRUE(Names({}, other_ws_).empty());
}

TEST_F(ContactServiceTest, CursorPagesVisitEveryContactOnce) {
  std::set<std::string> added;
  for (int i = 0; i < 23; ++i) {
    const std::string name = i % 3 == 0 ? "Same Name" : "Person " + std::to_string(i % 7);
    Add(name, "p" + std::to_string(i) + "@example.com");
    added.insert("p" + std::to_string(i) + "@example.com");
  }
  ContactQuery query;
  query.limit = 5;
  std::set<std::string> seen;
  std::string previous_key;
  int pages = 0;
  for (;;) {
    auto page = service_.List(*conn_, ws_, query);
    ASSERT_TRUE(page.ok()) << page.error().message;
    ++pages;
    for (const Contact& c : page->contacts) EXPECT_TRUE(seen.insert(*c.email).second) << *c.email;
    if (!page->next_cursor) break;
    EXPECT_EQ(page->contacts.size(), 5u);
    query.cursor = *page->next_cursor;
  }
  EXPECT_EQ(seen, added);
  EXPECT_EQ(pages, 5);
}

TEST_F(ContactServiceTest, APageBoundarySurvivesItsContactBeingDeleted) {
  for (const char* name : {"A", "B", "C", "D"}) Add(name, std::string(name) + "@example.com");
  ContactQuery query;
  query.limit = 2;
  auto first = service_.List(*conn_, ws_, query);
  ASSERT_TRUE(first->next_cursor);
  ASSERT_TRUE(service_.Delete(*conn_, ws_, first->contacts.back().id).ok());
  query.cursor = *first->next_cursor;
  EXPECT_EQ(Names(query), (std::vector<std::string>{"C", "D"}));
}

TEST_F(ContactServiceTest, QMatchesTheStartOfNameEmailOrPhone) {
  Add("Annabel Lee", "lee@example.com", "+14155552671");
  Add("Bob Annan", "annan@example.com");
  Add("Carl", "carl@example.com", "+447911123456");
  Add("dan", "dan@example.com");
  EXPECT_EQ(Names(Q("ann")), (std::vector<std::string>{"Annabel Lee", "Bob Annan"}));
  EXPECT_EQ(Names(Q("ANNA")), (std::vector<std::string>{"Annabel Lee", "Bob Annan"}));
  EXPECT_EQ(Names(Q("  ann ")), (std::vector<std::string>{"Annabel Lee", "Bob Annan"}));
  EXPECT_EQ(Names(Q("lee@")), std::vector<std::string>{"Annabel Lee"});
  EXPECT_EQ(Names(Q("Lee")), std::vector<std::string>{"Annabel Lee"}) << "by email, not name";
  EXPECT_EQ(Names(Q("D")), std::vector<std::string>{"dan"});
  EXPECT_EQ(Names(Q("+1415")), std::vector<std::string>{"Annabel Lee"});
  EXPECT_EQ(Names(Q("(415) 555")), std::vector<std::string>{"Annabel Lee"}) << "national";
  EXPECT_EQ(Names(Q("1 415")), std::vector<std::string>{"Annabel Lee"});
  EXPECT_EQ(Names(Q("+44 7911")), std::vector<std::string>{"Carl"});
  EXPECT_EQ(Names(Q("4")), (std::vector<std::string>{"Annabel Lee", "Carl"}))
      << "+4… as typed, +14… read nationally";
  EXPECT_TRUE(Names(Q("zzz")).empty());
  EXPECT_TRUE(Names(Q("ann"), other_ws_).empty());
  EXPECT_TRUE(Names(Q("%")).empty()) << "no wildcards";
}

TEST_F(ContactServiceTest, QAndCursorPageTogether) {
  for (int i = 0; i < 7; ++i) Add("Ann " + std::to_string(i), "ann" + std::to_string(i) + "@x.co");
  Add("Bob", "bob@x.co");
  ContactQuery query = Q("ann");
  query.limit = 3;
  std::vector<std::string> all;
  for (;;) {
    auto page = service_.List(*conn_, ws_, query);
    ASSERT_TRUE(page.ok());
    for (const Contact& c : page->contacts) all.push_back(c.name);
    if (!page->next_cursor) break;
    query.cursor = *page->next_cursor;
  }
  EXPECT_EQ(all.size(), 7u);
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end()));
}

TEST_F(ContactServiceTest, FiltersByTagAndOptOut) {
  ContactFields vip = Fields("Vic", "vic@example.com", "+14155552671");
  vip.tags = std::vector<std::string>{"vip", "v_i"};
  ASSERT_TRUE(service_.Create(*conn_, ws_, vip).ok());
  ContactFields other = Fields("Vix", "vix@example.com");
  other.tags = std::vector<std::string>{"vxi", "vipp"};
  ASSERT_TRUE(service_.Create(*conn_, ws_, other).ok());
  ContactQuery tag;
  tag.tag = "VIP";
  EXPECT_EQ(Names(tag), std::vector<std::string>{"Vic"});
  tag.tag = "v_i";
  EXPECT_EQ(Names(tag), std::vector<std::string>{"Vic"}) << "_ is no wildcard";

  ContactRepository(*conn_).SetSmsOptOut(ws_, "+14155552671", clock_.NowMillis(),
                                         clock_.NowMillis());
  ContactQuery sms;
  sms.opted_out = "sms";
  EXPECT_EQ(Names(sms), std::vector<std::string>{"Vic"});
  sms.opted_out = "email";
  EXPECT_TRUE(Names(sms).empty());
}

TEST_F(ContactServiceTest, BadQueriesNameTheParameter) {
  auto field_of = [&](ContactQuery q) { return service_.List(*conn_, ws_, q).error().field; };
  ContactQuery q;
  q.limit = 0;
  EXPECT_EQ(field_of(q), "limit");
  q = {};
  q.limit = 201;
  EXPECT_EQ(field_of(q), "limit");
  q = {};
  q.opted_out = "fax";
  EXPECT_EQ(field_of(q), "opted_out");
  q = {};
  q.tag = "not a tag";
  EXPECT_EQ(field_of(q), "tag");
  for (const char* cursor : {"x", "0.41", "5.4", "5.zz", "-1.41", ".41"}) {
    q = {};
    q.cursor = cursor;
    EXPECT_EQ(field_of(q), "cursor") << cursor;
  }
  q = {};
  q.q = std::string(201, 'a');
  EXPECT_EQ(field_of(q), "q");
}

TEST_F(ContactServiceTest, ListQueriesReadThroughIndexes) {
  ContactRepository repo(*conn_);
  ContactFilter page;
  page.after_name = "m";
  page.after_id = 3;
  page.tag = "vip";
  const std::string plain = repo.ExplainList(ws_, page);
  EXPECT_NE(plain.find("USING INDEX contacts_name"), std::string::npos) << plain;
  EXPECT_EQ(plain.find("TEMP B-TREE"), std::string::npos) << "the index gives the order\n" << plain;

  ContactFilter search = page;
  search.search = true;
  search.name_prefix = "an";
  search.email_prefix = "an";
  search.phone_prefixes = {"+1415", "+41"};
  const std::string plan = repo.ExplainList(ws_, search);
  EXPECT_NE(plan.find("INDEX contacts_name (workspace_id=? AND name>? AND name<?)"),
            std::string::npos)
      << plan;
  EXPECT_NE(plan.find("INDEX contacts_email (workspace_id=? AND email>? AND email<?)"),
            std::string::npos)
      << plan;
  EXPECT_NE(plan.find("INDEX contacts_phone (workspace_id=? AND phone>? AND phone<?)"),
            std::string::npos)
      << plan;
  EXPECT_NE(plan.find("USING INTEGER PRIMARY KEY"), std::string::npos) << plan;
  for (const std::string& p : {plain, plan}) {
    std::size_t at = 0;
    while ((at = p.find("SCAN ", at)) != std::string::npos) {
      EXPECT_EQ(p.compare(at, 7, "SCAN ma"), 0) << "only the matches are scanned\n" << p;
      ++at;
    }
  }
}

TEST_F(ContactServiceTest, FindOrCreateFindsByPhoneThenEmail) {
  const Contact ann = Add("Ann", "ann@example.com", "+14155552671");
  auto by_phone = service_.FindOrCreate(*conn_, ws_, "Someone", "x@example.com", "(415) 555-2671",
                                        kSourceContactForm);
  ASSERT_TRUE(by_phone.ok()) << by_phone.error().message;
  EXPECT_EQ(by_phone->id, ann.id);
  EXPECT_EQ(by_phone->name, "Ann") << "nothing she has is overwritten";
  EXPECT_EQ(by_phone->email, "ann@example.com");

  auto by_email =
      service_.FindOrCreate(*conn_, ws_, "", "ANN@example.com", std::nullopt, kSourceContactForm);
  EXPECT_EQ(by_email->id, ann.id);
  EXPECT_EQ(Count(ws_), 1);
}

TEST_F(ContactServiceTest, FindOrCreateFillsWhatTheContactLacks) {
  const Contact bob = Add("", "bob@example.com");
  Add("Taken", "taken@example.com", "+14155552672");
  auto filled = service_.FindOrCreate(*conn_, ws_, "Bob Stone", "bob@example.com", "4155552671",
                                      kSourceContactForm);
  ASSERT_TRUE(filled.ok()) << filled.error().message;
  EXPECT_EQ(filled->id, bob.id);
  EXPECT_EQ(filled->name, "Bob Stone");
  EXPECT_EQ(filled->phone, "+14155552671");
  EXPECT_EQ(service_.Get(*conn_, ws_, bob.id)->phone, "+14155552671");

  const Contact carl = Add("Carl", std::nullopt, "+14155552673");
  auto kept = service_.FindOrCreate(*conn_, ws_, "Carl", "taken@example.com", "+14155552673",
                                    kSourceContactForm);
  ASSERT_TRUE(kept.ok()) << kept.error().message;
  EXPECT_EQ(kept->id, carl.id);
  EXPECT_EQ(kept->email, std::nullopt) << "another contact has that address";
}

TEST_F(ContactServiceTest, FindOrCreateCreatesWithItsSource) {
  auto created = service_.FindOrCreate(*conn_, ws_, "New Person", std::nullopt, "+14155552671",
                                       kSourceInboundSms);
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(created->source, kSourceInboundSms);
  EXPECT_EQ(created->phone, "+14155552671");
  EXPECT_EQ(service_.FindOrCreate(*conn_, ws_, "x", std::nullopt, std::nullopt, kSourceContactForm)
                .error()
                .field,
            "email");
  EXPECT_EQ(
      service_.FindOrCreate(*conn_, ws_, "x", std::nullopt, "+44 20 7946 0958", kSourceContactForm)
          .error()
          .field,
      "phone");
  auto landline =
      service_.FindOrCreate(*conn_, ws_, "", std::nullopt, "+442079460958", kSourceInboundSms);
  ASSERT_TRUE(landline.ok()) << "a number that just texted is kept as given";
  EXPECT_EQ(landline->phone, "+442079460958");
}

}  // namespace
}  // namespace careops::contacts
