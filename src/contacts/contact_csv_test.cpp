// ContactCsv: import (header mapping, per-row checks with lines, merging, batches) and export.

#include "contacts/contact_csv.hpp"

#include <gtest/gtest.h>

#include <string>

#include "contacts/contact_repository.hpp"
#include "contacts/contacts_test_fixture.hpp"
#include "core/csv.hpp"

namespace careops::contacts {
namespace {

class ContactCsvTest : public ContactsFixture {
 protected:
  ImportReport Import(const std::string& text, std::int64_t ws = 0) {
    auto report = csv_.Import(*conn_, ws != 0 ? ws : ws_, text);
    EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().message);
    return report.ok() ? *report : ImportReport{};
  }
  Contact ByEmail(const std::string& email) {
    return ContactRepository(*conn_).FindByEmail(ws_, email).value_or(Contact{});
  }
};

TEST_F(ContactCsvTest, ImportsGoodRowsAndReportsBadOnesByLine) {
  const ImportReport r = Import(
      "Name,EMAIL,Phone,Tags,Notes,Birthday\r\n"
      "Ann Lee,ann@example.com,(415) 555-2671,VIP; new,\"likes mornings\nand tea\",1990-01-01\r\n"
      "No Way,,,,\r\n"
      "Bad Mail,not-an-email,,,\r\n"
      "Bob,bob@example.com,,x|y,\r\n"
      "\"Broken,quote@example.com\r\n"
      "Carl,,+447911123456,,\r\n");
  EXPECT_EQ(r.imported, 3);
  EXPECT_EQ(r.updated, 0);
  EXPECT_EQ(r.total, 6);
  ASSERT_EQ(r.rejected.size(), 3u);
  EXPECT_EQ(r.rejected[0].line, 4u);
  EXPECT_EQ(r.rejected[0].reason, "a contact needs an email address or a phone number");
  EXPECT_EQ(r.rejected[1].line, 5u);
  EXPECT_EQ(r.rejected[1].reason, "email is not a valid email address");
  EXPECT_EQ(r.rejected[2].line, 7u);
  EXPECT_EQ(r.rejected[2].reason, "a quoted field is not closed");

  const Contact ann = ByEmail("ann@example.com");
  EXPECT_EQ(ann.name, "Ann Lee");
  EXPECT_EQ(ann.phone, "+14155552671");
  EXPECT_EQ(ann.tags, (std::vector<std::string>{"new", "vip"}));
  EXPECT_EQ(ann.notes, "likes mornings\nand tea");
  EXPECT_EQ(ann.source, kSourceImport);
  EXPECT_EQ(ByEmail("bob@example.com").tags, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(Count(ws_), 3);
  EXPECT_EQ(Count(other_ws_), 0);
}

TEST_F(ContactCsvTest, MergesByPhoneThenEmailAndEmptyCellsChangeNothing) {
  ContactFields f = Fields("Ann", "ann@example.com", "+14155552671");
  f.tags = std::vector<std::string>{"old"};
  f.notes = "keep me";
  ASSERT_TRUE(service_.Create(*conn_, ws_, f).ok());
  const ImportReport r = Import(
      "phone,email,name,tags,notes\n"
      "4155552671,,,new,\n"           // by phone: adds a tag, keeps the rest
      ",ANN@example.com,Ann Lee,,\n"  // by email: renames
      "4155552672,bob@example.com,Bob,,\n"
      "4155552672,,Bobby,,\n");  // the contact the row before created
  EXPECT_EQ(r.imported, 1);
  EXPECT_EQ(r.updated, 3);
  EXPECT_TRUE(r.rejected.empty());
  const Contact ann = ByEmail("ann@example.com");
  EXPECT_EQ(ann.name, "Ann Lee");
  EXPECT_EQ(ann.tags, (std::vector<std::string>{"new", "old"}));
  EXPECT_EQ(ann.notes, "keep me");
  EXPECT_EQ(ann.source, kSourceManual);
  EXPECT_EQ(ByEmail("bob@example.com").name, "Bobby");
  EXPECT_EQ(Count(ws_), 2);
}

TEST_F(ContactCsvTest, AMergeThatWouldTakeAnotherContactsEmailIsRejected) {
  const Contact ann = Add("Ann", "ann@example.com", "+14155552671");
  const Contact bob = Add("Bob", "bob@example.com");
  const ImportReport r = Import("phone,email\n+14155552671,bob@example.com\n");
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.rejected[0].line, 2u);
  EXPECT_EQ(r.rejected[0].reason,
            "a contact with this email address exists (contact " + std::to_string(bob.id) + ")");
  EXPECT_EQ(ByEmail("ann@example.com").id, ann.id);
}

TEST_F(ContactCsvTest, HeaderProblemsAreInvalidArgument) {
  for (const char* text :
       {"", "\n\n", "first,last\nA,B\n", "name\nAnn\n", "email,EMAIL\na@b.co,x\n", "\"email\n"}) {
    auto r = csv_.Import(*conn_, ws_, text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field, "body");
  }
}

TEST_F(ContactCsvTest, BlankRowsAndExtraCellsAreIgnored) {
  const ImportReport r = Import(
      "\xEF\xBB\xBF"
      "email,name\n,\n  ,  \na@b.co,A,extra,cells\n\n");
  EXPECT_EQ(r.total, 1);
  EXPECT_EQ(r.imported, 1);
}

TEST_F(ContactCsvTest, ImportsInBatchesAcrossTransactions) {
  std::string text = "name,phone\n";
  for (int i = 0; i < 1203; ++i) {
    char phone[24];
    std::snprintf(phone, sizeof phone, "+1415720%04d", i);
    text += "P" + std::to_string(i) + "," + phone + "\n";
  }
  const ImportReport r = Import(text);
  EXPECT_EQ(r.imported, 1203);
  EXPECT_TRUE(r.rejected.empty());
  EXPECT_EQ(Count(ws_), 1203);
  EXPECT_NO_THROW(conn_->Begin()) << "no transaction was left open";
  conn_->Rollback();
}

TEST_F(ContactCsvTest, ExportWritesEveryContactAndReadsBackTheSame) {
  ContactFields f = Fields("=HYPERLINK(\"http://evil\")", "ann@example.com", "+14155552671");
  f.tags = std::vector<std::string>{"vip", "new"};
  f.notes = "line 1\nline, \"2\"";
  ASSERT_TRUE(service_.Create(*conn_, ws_, f).ok());
  Add("Bob", "bob@example.com");
  ContactRepository(*conn_).SetSmsOptOut(ws_, "+14155552671", 1, 1);
  const std::string text = csv_.Export(*conn_, ws_);

  csv::Reader reader(text);
  csv::Record row;
  ASSERT_TRUE(reader.Next(row));
  EXPECT_EQ(row.fields,
            (std::vector<std::string>{"name", "email", "phone", "tags", "notes", "sms_opted_out",
                                      "email_opted_out", "created_at"}));
  ASSERT_TRUE(reader.Next(row));
  EXPECT_EQ(row.fields[0], "'=HYPERLINK(\"http://evil\")") << "no formula reaches a spreadsheet";
  EXPECT_EQ(row.fields[2], "'+14155552671");
  EXPECT_EQ(row.fields[3], "new;vip");
  EXPECT_EQ(row.fields[4], "line 1\nline, \"2\"");
  EXPECT_EQ(row.fields[5], "true");
  EXPECT_EQ(row.fields[6], "false");
  EXPECT_EQ(row.fields[7], "2026-01-01T00:00:00Z");
  ASSERT_TRUE(reader.Next(row));
  EXPECT_EQ(row.fields[0], "Bob");
  EXPECT_FALSE(reader.Next(row));

  const ImportReport again = Import(text, other_ws_);
  EXPECT_EQ(again.imported, 2);
  EXPECT_TRUE(again.rejected.empty());
  const Contact copy = ContactRepository(*conn_).FindByEmail(other_ws_, "ann@example.com").value();
  EXPECT_EQ(copy.name, "=HYPERLINK(\"http://evil\")");
  EXPECT_EQ(copy.phone, "+14155552671");
  EXPECT_EQ(copy.tags, (std::vector<std::string>{"new", "vip"}));
  EXPECT_EQ(copy.notes, "line 1\nline, \"2\"");
}

TEST_F(ContactCsvTest, ExportPagesThroughLargeLists) {
  std::string text = "email\n";
  for (int i = 0; i < 2500; ++i) text += "p" + std::to_string(i) + "@example.com\n";
  ASSERT_EQ(Import(text).imported, 2500);
  const std::string exported = csv_.Export(*conn_, ws_);
  csv::Reader reader(exported);
  csv::Record row;
  int rows = 0;
  while (reader.Next(row)) ++rows;
  EXPECT_EQ(rows, 2501);
}

}  // namespace
}  // namespace careops::contacts
