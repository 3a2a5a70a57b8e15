// Contacts over HTTP (docs/API.md, Contacts; PRODUCT.md C1): CRUD, deduplication, search and
// paging, access (the inbox permission, other workspaces), CSV import with per-line
// reports, export, and the import route's larger body limit.

#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "support/workspace_fixture.hpp"

namespace careops::testing {
namespace {

using namespace std::chrono_literals;
using Json = nlohmann::json;

class ContactsTest : public WorkspaceHttpTest {
 protected:
  void SetUp() override {
    WorkspaceHttpTest::SetUp();
    ws_ = CreateWorkspace(ann_, "Ann's Clinic", "ann-clinic");
    path_ = "/api/workspaces/" + std::to_string(ws_) + "/contacts";
  }

  ClientResponse Create(const Json& body, const std::string& token = {}) {
    return As(token.empty() ? ann_ : token, "POST", path_, body.dump());
  }
  // Creates a contact as Ann and returns its id (a failure fails the test).
  std::int64_t Add(const Json& body) {
    auto r = Create(body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json()["id"].get<std::int64_t>() : 0;
  }
  std::string ContactPath(std::int64_t id) const { return path_ + "/" + std::to_string(id); }
  ClientResponse List(const std::string& query = {}) {
    return As(ann_, "GET", path_ + (query.empty() ? "" : "?" + query));
  }
  std::vector<std::string> ListNames(const std::string& query) {
    auto r = List(query);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> names;
    const Json contacts = r.Json()["contacts"];
    for (const auto& c : contacts) names.push_back(c["name"]);
    return names;
  }
  ClientResponse Import(const std::string& csv, const std::string& path = {},
                        const std::string& type = "text/csv") {
    return Request(port(), "POST", (path.empty() ? path_ : path) + "/import", csv,
                   {{"Authorization", "Bearer " + ann_}, {"Content-Type", type}}, 120s);
  }

  std::int64_t ws_ = 0;
  std::string path_;
};

TEST_F(ContactsTest, CreateReadUpdateDelete) {
  auto created = Create({{"name", " Ann Lee "},
                         {"email", "Ann@Example.com"},
                         {"phone", "(415) 555-2671"},
                         {"tags", {"VIP", "new"}},
                         {"notes", "prefers mornings"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const Json c = created.Json();
  EXPECT_EQ(c["name"], "Ann Lee");
  EXPECT_EQ(c["email"], "ann@example.com");
  EXPECT_EQ(c["phone"], "+14155552671");
  EXPECT_EQ(c["tags"], Json({"new", "vip"}));
  EXPECT_EQ(c["notes"], "prefers mornings");
  EXPECT_EQ(c["sms_opted_out"], false);
  EXPECT_EQ(c["email_opted_out"], false);
  EXPECT_EQ(c["source"], "manual");
  EXPECT_TRUE(c["conversation_id"].is_null());
  EXPECT_EQ(c["created_at"], c["updated_at"]);
  const std::int64_t id = c["id"];

  auto got = As(ann_, "GET", ContactPath(id));
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.Json(), c);

  clock().Advance(1000);
  auto patched = As(ann_, "PATCH", ContactPath(id), Json{{"name", "Ann B. Lee"}}.dump());
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.Json()["name"], "Ann B. Lee");
  EXPECT_EQ(patched.Json()["email"], "ann@example.com");
  EXPECT_EQ(patched.Json()["updated_at"], c["created_at"].get<std::int64_t>() + 1000);

  auto cleared = As(ann_, "PATCH", ContactPath(id), Json{{"email", ""}}.dump());
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_TRUE(cleared.Json()["email"].is_null());

  EXPECT_EQ(As(ann_, "DELETE", ContactPath(id)).status, 204);
  EXPECT_EQ(As(ann_, "GET", ContactPath(id)).status, 404);
  EXPECT_EQ(As(ann_, "DELETE", ContactPath(id)).status, 404);
}

TEST_F(ContactsTest, ADuplicateIs409NamingTheFieldAndTheContact) {
  const std::int64_t ann =
      Add({{"name", "Ann"}, {"email", "ann@example.com"}, {"phone", "+14155552671"}});
  auto phone = Create({{"name", "Other"}, {"phone", "415-555-2671"}});
  ASSERT_EQ(phone.status, 409) << phone.body;
  EXPECT_EQ(phone.Json()["error"]["code"], "conflict");
  EXPECT_EQ(phone.Json()["error"]["field"], "phone");
  EXPECT_EQ(phone.Json()["error"]["message"],
            "a contact with this phone number exists (contact " + std::to_string(ann) + ")");
  auto email = Create({{"email", " ANN@example.com"}});
  ASSERT_EQ(email.status, 409);
  EXPECT_EQ(email.Json()["error"]["field"], "email");

  const std::int64_t bob = Add({{"name", "Bob"}, {"email", "bob@example.com"}});
  auto patch = As(ann_, "PATCH", ContactPath(bob), Json{{"email", "ann@example.com"}}.dump());
  EXPECT_EQ(patch.status, 409);
  EXPECT_EQ(patch.Json()["error"]["field"], "email");
}

TEST_F(ContactsTest, BadInputNamesTheField) {
  const std::pair<Json, std::string> cases[] = {
      {{{"name", "No Way"}}, "email"},
      {{{"email", "not-an-email"}}, "email"},
      {{{"phone", "12"}}, "phone"},
      {{{"email", "a@b.co"}, {"tags", "vip"}}, "tags"},
      {{{"email", "a@b.co"}, {"tags", {"two words"}}}, "tags"},
      {{{"email", "a@b.co"}, {"tags", {1}}}, "tags"},
      {{{"email", "a@b.co"}, {"name", 5}}, "name"},
      {{{"email", "a@b.co"}, {"notes", std::string(5001, 'n')}}, "notes"},
  };
  for (const auto& [body, field] : cases) {
    auto r = Create(body);
    EXPECT_EQ(r.status, 400) << body.dump();
    EXPECT_EQ(r.Json()["error"]["field"], field) << body.dump();
  }
  EXPECT_EQ(List("limit=0").Json()["error"]["field"], "limit");
  EXPECT_EQ(List("limit=x").Json()["error"]["field"], "limit");
  EXPECT_EQ(List("opted_out=fax").Json()["error"]["field"], "opted_out");
  EXPECT_EQ(List("cursor=nope").Json()["error"]["field"], "cursor");
  EXPECT_EQ(List().Json()["contacts"].size(), 0u);
}

TEST_F(ContactsTest, SearchFiltersAndPagesByCursor) {
  Add({{"name", "Annabel"},
       {"email", "annabel@example.com"},
       {"phone", "+14155552671"},
       {"tags", {"vip"}}});
  Add({{"name", "bob annan"}, {"email", "annan@example.com"}});
  Add({{"name", "Carl"}, {"email", "carl@example.com"}, {"phone", "+14155552672"}});
  for (int i = 0; i < 5; ++i)
    Add({{"name", "Dora " + std::to_string(i)},
         {"email", "dora" + std::to_string(i) + "@example.com"}});

  EXPECT_EQ(ListNames("q=ann"), (std::vector<std::string>{"Annabel", "bob annan"}));
  EXPECT_EQ(ListNames("q=%28415%29%20555-2672"), std::vector<std::string>{"Carl"});
  EXPECT_EQ(ListNames("q=%2B1415"), (std::vector<std::string>{"Annabel", "Carl"}));
  EXPECT_EQ(ListNames("tag=vip"), std::vector<std::string>{"Annabel"});
  Sql("UPDATE contacts SET email_opted_out_at = 1 WHERE email = 'carl@example.com'");
  EXPECT_EQ(ListNames("opted_out=email"), std::vector<std::string>{"Carl"});
  EXPECT_TRUE(ListNames("opted_out=sms").empty());

  std::vector<std::string> all;
  std::string query = "limit=3";
  for (int pages = 0; pages < 10; ++pages) {
    auto r = List(query);
    ASSERT_EQ(r.status, 200) << r.body;
    const Json contacts = r.Json()["contacts"];
    for (const auto& c : contacts) all.push_back(c["name"]);
    if (r.Json()["next_cursor"].is_null()) break;
    query = "limit=3&cursor=" + r.Json()["next_cursor"].get<std::string>();
  }
  EXPECT_EQ(all, (std::vector<std::string>{"Annabel", "bob annan", "Carl", "Dora 0", "Dora 1",
                                           "Dora 2", "Dora 3", "Dora 4"}));
}

TEST_F(ContactsTest, StaffWithoutTheInboxPermissionGets403) {
  const std::int64_t id = Add({{"email", "ann@example.com"}});
  AddBareStaff(ws_, kBobEmail);
  for (const auto& [method, target] :
       std::vector<std::pair<std::string, std::string>>{{"GET", path_},
                                                        {"GET", ContactPath(id)},
                                                        {"GET", path_ + "/export"},
                                                        {"DELETE", ContactPath(id)}}) {
    EXPECT_EQ(As(bob_, method, target).status, 403) << method << " " << target;
  }
  EXPECT_EQ(Create({{"email", "x@example.com"}}, bob_).status, 403);
  Sql("UPDATE workspace_members SET perm_inbox = 1 WHERE user_id = " +
      std::to_string(UserId(kBobEmail)));
  EXPECT_EQ(As(bob_, "GET", ContactPath(id)).status, 200) << "with the permission, allowed";
}

TEST_F(ContactsTest, AnotherWorkspacesContactsStayHidden) {
  const std::int64_t id = Add({{"name", "Secret Person"}, {"email", "secret@example.com"}});
  const std::int64_t bob_ws = CreateWorkspace(bob_, "Bob's", "bobs");
  const std::string bob_path = "/api/workspaces/" + std::to_string(bob_ws) + "/contacts";
  EXPECT_EQ(As(bob_, "GET", path_).status, 404);
  auto through_own = As(bob_, "GET", bob_path + "/" + std::to_string(id));
  EXPECT_EQ(through_own.status, 404);
  EXPECT_EQ(through_own.body.find("Secret"), std::string::npos);
  EXPECT_EQ(As(bob_, "DELETE", bob_path + "/" + std::to_string(id)).status, 404);
  EXPECT_EQ(As(bob_, "GET", bob_path + "?q=secret").Json()["contacts"].size(), 0u);
  EXPECT_EQ(As(ann_, "GET", ContactPath(id)).status, 200) << "still there";
}

TEST_F(ContactsTest, ImportReportsBadRowsByLine) {
  Add({{"name", "Existing"}, {"phone", "+14155552671"}});
  auto r = Import(
      "\xEF\xBB\xBF"
      "Email,Name,Phone,Tags,Shoe size\r\n"
      "ann@example.com,Ann,,vip;new,42\r\n"
      ",Nobody,,,\r\n"
      "bad-email,Bad,,,\r\n"
      ",Existing Renamed,(415) 555-2671,,\r\n"
      "\"unclosed,Oops,,,\r\n"
      "carl@example.com,\"Carl, Jr.\",,,\r\n");
  ASSERT_EQ(r.status, 200) << r.body;
  const Json report = r.Json();
  EXPECT_EQ(report["imported"], 2);
  EXPECT_EQ(report["updated"], 1);
  EXPECT_EQ(report["total"], 6);
  EXPECT_EQ(
      report["rejected"],
      Json::parse(R"([{"line": 3, "reason": "a contact needs an email address or a phone number"},
                            {"line": 4, "reason": "email is not a valid email address"},
                            {"line": 6, "reason": "a quoted field is not closed"}])"));
  EXPECT_EQ(ListNames("q=ann"), std::vector<std::string>{"Ann"});
  EXPECT_EQ(ListNames("q=%2B1415"), std::vector<std::string>{"Existing Renamed"});
  EXPECT_EQ(ListNames("q=carl"), std::vector<std::string>{"Carl, Jr."});
  EXPECT_EQ(List("q=ann").Json()["contacts"][0]["source"], "import");
}

TEST_F(ContactsTest, ImportNeedsCsvWithAUsableHeader) {
  auto json = Import("email\na@b.co\n", {}, "application/json");
  EXPECT_EQ(json.status, 415);
  EXPECT_EQ(json.Json()["error"]["code"], "unsupported_media_type");
  EXPECT_EQ(Import("email\na@b.co\n", {}, "text/csv; charset=utf-8").status, 200);
  for (const char* bad : {"", "first,last\nA,B\n", "name\nAnn\n"}) {
    auto r = Import(bad);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(r.Json()["error"]["field"], "body") << bad;
  }
}

TEST_F(ContactsTest, ExportRoundTripsThroughImport) {
  Add({{"name", "=cmd|' /C calc'!A0"},
       {"email", "ann@example.com"},
       {"phone", "+14155552671"},
       {"tags", {"vip", "new"}},
       {"notes", "two\nlines, \"quoted\""}});
  Add({{"name", "Bob"}, {"phone", "+447911123456"}});
  auto exported = As(ann_, "GET", path_ + "/export");
  ASSERT_EQ(exported.status, 200);
  EXPECT_EQ(exported.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(exported.Header("content-disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(exported.body.rfind("name,email,phone,tags,notes,sms_opted_out,email_opted_out,"
                                "created_at\r\n",
                                0),
            0u);
  EXPECT_NE(exported.body.find("\r\n'=cmd|' /C calc'!A0,"), std::string::npos)
      << "a formula never reaches the spreadsheet as one\n"
      << exported.body;

  const std::int64_t other = CreateWorkspace(ann_, "Second", "second");
  const std::string other_path = "/api/workspaces/" + std::to_string(other) + "/contacts";
  auto imported = Import(exported.body, other_path);
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(imported.Json()["imported"], 2);
  EXPECT_EQ(imported.Json()["rejected"].size(), 0u);

  auto strip = [](Json list) {
    for (auto& c : list) {
      for (const char* key : {"id", "source", "created_at", "updated_at"}) c.erase(key);
    }
    return list;
  };
  EXPECT_EQ(strip(As(ann_, "GET", other_path).Json()["contacts"]),
            strip(List().Json()["contacts"]));
}

TEST_F(ContactsTest, TenThousandRowsWithFiftyBadImport9950AndReportThoseLines) {
  std::string csv = "name,email,phone,tags\n";
  std::set<std::size_t> bad_lines;
  for (int i = 0; i < 10'000; ++i) {
    const std::size_t line = static_cast<std::size_t>(i) + 2;
    char phone[20];
    std::snprintf(phone, sizeof phone, "+1415720%04d", i);
    std::string email = "person" + std::to_string(i) + "@example.com";
    std::string tags = "imported";
    if (i % 200 == 17) {  // 50 bad rows of four kinds
      bad_lines.insert(line);
      switch ((i / 200) % 4) {
        case 0:
          email = "not-an-email";
          break;
        case 1:
          std::snprintf(phone, sizeof phone, "12");
          break;
        case 2:
          email.clear();
          phone[0] = '\0';
          break;
        default:
          tags = "no spaces allowed";
      }
    }
    csv += "Person " + std::to_string(i) + "," + email + "," + phone + "," + tags + "\n";
  }
  ASSERT_EQ(bad_lines.size(), 50u);
  auto r = Import(csv);
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 500);
  const Json report = r.Json();
  EXPECT_EQ(report["imported"], 9950);
  EXPECT_EQ(report["updated"], 0);
  EXPECT_EQ(report["total"], 10'000);
  std::set<std::size_t> reported;
  for (const auto& rejected : report["rejected"]) {
    reported.insert(rejected["line"].get<std::size_t>());
    EXPECT_FALSE(rejected["reason"].get<std::string>().empty());
  }
  EXPECT_EQ(report["rejected"].size(), 50u);
  EXPECT_EQ(reported, bad_lines);
  EXPECT_EQ(SqlInt("SELECT COUNT(*) FROM contacts WHERE workspace_id = " + std::to_string(ws_)),
            9950);
}

TEST_F(ContactsTest, TheImportRouteTakesBodiesOverTheDefaultLimitUpTo20MiB) {
  std::string csv = "email\nann@example.com\n";
  csv.append(std::size_t{2} << 20, '\n');  // 2 MiB: over MAX_BODY_BYTES (1 MiB), blank rows
  auto r = Import(csv);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["imported"], 1);

  // Announced sizes are refused before any body byte is sent.
  auto announce = [&](const std::string& target, const std::string& type, std::size_t bytes) {
    RawConnection conn(port());
    EXPECT_TRUE(conn.Send("POST " + target + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                          ann_ + "\r\nContent-Type: " + type +
                          "\r\nContent-Length: " + std::to_string(bytes) + "\r\n\r\n"));
    return conn.ReadResponse();
  };
  auto too_large = announce(path_ + "/import", "text/csv", (std::size_t{20} << 20) + 1);
  EXPECT_EQ(too_large.status, 413);
  EXPECT_EQ(too_large.Json()["error"]["code"], "payload_too_large");
  EXPECT_EQ(announce(path_, "application/json", std::size_t{2} << 20).status, 413)
      << "other routes keep the default";
}

}  // namespace
}  // namespace careops::testing
