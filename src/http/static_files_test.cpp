#include "http/static_files.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "http/url.hpp"
#include "support/temp_dir.hpp"

namespace careops::http {
namespace {

namespace fs = std::filesystem;
using careops::testing::TempDir;
using std::string_literals::operator""s;

constexpr std::string_view kIndexHtml = "<!doctype html><title>CareOps</title>";
constexpr std::string_view kAppJs = "console.log('app')";
constexpr std::string_view kAppJsGz = "GZ-BYTES-OF-APP";
constexpr std::string_view kAppJsBr = "BR-BYTES-OF-APP";
constexpr std::string_view kAppJsPath = "/assets/app-1a2b.js";

void WriteFile(const fs::path& path, std::string_view data) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  ASSERT_TRUE(out.good()) << path;
}

Headers With(std::string_view name, std::string value) {
  Headers headers;
  headers.Add(std::string(name), std::move(value));
  return headers;
}

std::string Header(const Response& response, std::string_view name) {
  return std::string(response.headers.Get(name).value_or("<absent>"));
}

// A web/dist-like tree: index.html, a content-hashed script with .gz and .br siblings, a
// stylesheet with only a .gz sibling, a favicon, a nested file and an orphan .gz.
class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_.path() / "index.html", kIndexHtml);
    WriteFile(dir_.path() / "favicon.ico", "\0\0\1\0"s);
    WriteFile(dir_.path() / "assets/app-1a2b.js", kAppJs);
    WriteFile(dir_.path() / "assets/app-1a2b.js.gz", kAppJsGz);
    WriteFile(dir_.path() / "assets/app-1a2b.js.br", kAppJsBr);
    WriteFile(dir_.path() / "assets/style-9f9f.css", "body{}");
    WriteFile(dir_.path() / "assets/style-9f9f.css.gz", "GZ-CSS");
    WriteFile(dir_.path() / "docs/readme.txt", "hello");
    WriteFile(dir_.path() / "backup.gz", "ORPHAN");
    WriteFile(dir_.path() / ".env", "SECRET_KEY=x");
    Result<StaticFiles> files = StaticFiles::FromDirectory(dir_.path().string());
    ASSERT_TRUE(files.ok()) << files.error().message << files.error().detail;
    files_ = std::move(files).value();
  }

  std::optional<Response> Get(std::string_view path, const Headers& headers = {}) const {
    return files_.Serve(Method::kGet, path, headers);
  }

  TempDir dir_;
  StaticFiles files_;
};

TEST_F(StaticFilesTest, LoadsEveryFileAndCountsVariantsWithTheirBase) {
  EXPECT_FALSE(files_.empty());
  // index, favicon, app.js, style.css, readme.txt, backup.gz
  EXPECT_EQ(files_.size(), 6u);
}

TEST_F(StaticFilesTest, RootServesIndexHtmlWithNoCache) {
  std::optional<Response> r = Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->BodyView(), kIndexHtml);
  ASSERT_TRUE(r->static_body);
  EXPECT_TRUE(r->body.empty());
  EXPECT_EQ(Header(*r, "Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(Header(*r, "Cache-Control"), "no-cache");
  EXPECT_EQ(Header(*r, "Vary"), "<absent>");
  EXPECT_EQ(Header(*r, "Content-Encoding"), "<absent>");
  EXPECT_EQ(Header(*Get("/index.html"), "ETag"), Header(*r, "ETag"));
}

TEST_F(StaticFilesTest, AssetsAreImmutableEverythingElseNoCache) {
  EXPECT_EQ(Header(*Get(kAppJsPath), "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(Header(*Get("/assets/style-9f9f.css"), "Cache-Control"),
            "public, max-age=31536000, immutable");
  EXPECT_EQ(Header(*Get("/favicon.ico"), "Cache-Control"), "no-cache");
  EXPECT_EQ(Header(*Get("/docs/readme.txt"), "Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, ServesNestedFilesAndBinaryBytes) {
  EXPECT_EQ(Get("/docs/readme.txt")->BodyView(), "hello");
  EXPECT_EQ(Get("/favicon.ico")->BodyView(), "\0\0\1\0"s);
  EXPECT_EQ(Header(*Get("/favicon.ico"), "Content-Type"), "image/x-icon");
}

TEST_F(StaticFilesTest, ExtensionlessMissingPathsFallBackToIndexHtml) {
  for (std::string_view path : {"/status", "/w/acme/book", "/w/acme/", "/assets", "/docs/"}) {
    SCOPED_TRACE(path);
    std::optional<Response> r = Get(path);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->BodyView(), kIndexHtml);
    EXPECT_EQ(Header(*r, "Cache-Control"), "no-cache");
  }
}

TEST_F(StaticFilesTest, MissingPathsWithAnExtensionAreNotFound) {
  for (std::string_view path :
       {"/missing.js", "/assets/app-0000.js", "/w/acme/logo.png", "/index.htm",
        "/assets/app-1a2b.js.br", "/assets/app-1a2b.js.gz", "/assets/style-9f9f.css.gz"}) {
    SCOPED_TRACE(path);
    EXPECT_FALSE(Get(path));
  }
}

// Each would escape the tree, alias another path, or reach the SPA fallback if not refused.
constexpr std::string_view kHostilePaths[] = {"/../etc/passwd",
                                              "/assets/../../x",
                                              "/..",
                                              "/assets/..",
                                              "/../index.html",
                                              "/assets/../index.html",
                                              "/./index.html",
                                              "/.",
                                              "/assets/./app-1a2b.js",
                                              "/a\\b",
                                              "/assets\\app-1a2b.js",
                                              "/a//b",
                                              "//",
                                              "//index.html",
                                              "/assets//app-1a2b.js",
                                              "index.html",
                                              "assets/app-1a2b.js",
                                              "/w/../status",
                                              "/../w",
                                              "/w/./book"};

TEST_F(StaticFilesTest, RefusesTraversalAndAliasingPaths) {
  Result<Target> decoded = ParseTarget("/%2e%2e/x");
  ASSERT_TRUE(decoded.ok());
  ASSERT_EQ(decoded->path, "/../x");
  const std::string sibling = "/../" + dir_.path().filename().string() + "/index.html";
  for (const std::string& path : {decoded->path, sibling, "/index.html\0.png"s, "/\0"s, ""s}) {
    SCOPED_TRACE(path);
    EXPECT_FALSE(Get(path));
  }
  for (std::string_view path : kHostilePaths) {
    SCOPED_TRACE(path);
    EXPECT_FALSE(Get(path));
  }
}

TEST_F(StaticFilesTest, HiddenFilesAreNeverServed) {
  EXPECT_FALSE(Get("/.env"));
  EXPECT_FALSE(Get("/.git/config"));
  EXPECT_FALSE(Get("/assets/.hidden"));
}

TEST_F(StaticFilesTest, OnlyGetAndHeadAreServed) {
  for (Method m : {Method::kPost, Method::kPut, Method::kPatch, Method::kDelete, Method::kOptions,
                   Method::kOther}) {
    EXPECT_FALSE(files_.Serve(m, "/", {}));
    EXPECT_FALSE(files_.Serve(m, kAppJsPath, {}));
  }
}

TEST_F(StaticFilesTest, HeadHasTheSameHeadersAndBodyViewAsGet) {
  const Headers accept = With("Accept-Encoding", "br");
  std::optional<Response> get = files_.Serve(Method::kGet, kAppJsPath, accept);
  std::optional<Response> head = files_.Serve(Method::kHead, kAppJsPath, accept);
  ASSERT_TRUE(get && head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->headers.fields(), get->headers.fields());
  ASSERT_TRUE(head->static_body);
  EXPECT_EQ(head->static_body->size(), kAppJsBr.size());
}

TEST_F(StaticFilesTest, ETagIsQuotedBlake2bOfTheBytes) {
  std::array<unsigned char, 16> hash{};
  crypto_generichash(hash.data(), hash.size(),
                     reinterpret_cast<const unsigned char*>(kAppJs.data()), kAppJs.size(), nullptr,
                     0);
  std::array<char, 33> hex{};
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
  EXPECT_EQ(Header(*Get(kAppJsPath), "ETag"), "\"" + std::string(hex.data()) + "\"");
}

TEST_F(StaticFilesTest, EachVariantHasItsOwnETag) {
  const std::string identity = Header(*Get(kAppJsPath), "ETag");
  const std::string gzip = Header(*Get(kAppJsPath, With("Accept-Encoding", "gzip")), "ETag");
  const std::string br = Header(*Get(kAppJsPath, With("Accept-Encoding", "br")), "ETag");
  EXPECT_NE(identity, gzip);
  EXPECT_NE(identity, br);
  EXPECT_NE(gzip, br);
}

TEST_F(StaticFilesTest, MatchingIfNoneMatchGives304WithoutBody) {
  const std::string etag = Header(*Get(kAppJsPath), "ETag");
  for (const std::string& inm :
       {etag, "W/" + etag, "\"other\", " + etag, "\"a\",W/" + etag + " ", "*"s}) {
    SCOPED_TRACE(inm);
    std::optional<Response> r = Get(kAppJsPath, With("If-None-Match", inm));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 304);
    EXPECT_FALSE(r->static_body);
    EXPECT_TRUE(r->body.empty());
    EXPECT_EQ(Header(*r, "ETag"), etag);
    EXPECT_EQ(Header(*r, "Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(Header(*r, "Vary"), "Accept-Encoding");
  }
}

TEST_F(StaticFilesTest, NonMatchingIfNoneMatchGives200) {
  const std::string etag = Header(*Get(kAppJsPath), "ETag");
  const std::string unquoted = etag.substr(1, etag.size() - 2);
  for (const std::string& inm : {"\"other\""s, unquoted, ""s, etag + "x", "W/\"other\""s}) {
    SCOPED_TRACE(inm);
    EXPECT_EQ(Get(kAppJsPath, With("If-None-Match", inm))->status, 200);
  }
  // The identity ETag does not validate the br representation.
  Headers headers = With("Accept-Encoding", "br");
  headers.Add("If-None-Match", etag);
  std::optional<Response> r = Get(kAppJsPath, headers);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->BodyView(), kAppJsBr);
}

TEST_F(StaticFilesTest, SpaFallbackAnswers304ForIndexHtmlETag) {
  const std::string etag = Header(*Get("/"), "ETag");
  EXPECT_EQ(Get("/w/acme/book", With("If-None-Match", etag))->status, 304);
}

struct EncodingCase {
  std::string accept_encoding;  // empty: no header
  std::string expected;         // "identity", "gzip" or "br"
};

TEST_F(StaticFilesTest, NegotiatesPrecompressedVariants) {
  const std::vector<EncodingCase> cases = {
      {"", "identity"},
      {"identity", "identity"},
      {"deflate", "identity"},
      {"gzip", "gzip"},
      {"x-gzip", "gzip"},
      {"GZip", "gzip"},
      {"br", "br"},
      {"BR", "br"},
      {"gzip, deflate, br", "br"},
      {"gzip;q=1.0, br;q=0.1", "br"},  // br preferred whenever acceptable
      {"br;q=0, gzip", "gzip"},
      {"br ; q=0.000, gzip;q=0.5", "gzip"},
      {"br;q=0,gzip;q=0", "identity"},
      {"br ; q=0.001", "br"},
      {"br;Q=0.5", "br"},
      {"br;q=abc, gzip", "gzip"},  // malformed q counts as 0
      {"br;q=-1", "identity"},
      {"*", "br"},
      {"*;q=0", "identity"},
      {"gzip;q=0.5, *;q=0", "gzip"},
      {"gzip;q=0, *", "br"},
      {" , ,br,", "br"},
      {"brotli, gzipped", "identity"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.accept_encoding);
    const Headers headers =
        c.accept_encoding.empty() ? Headers() : With("Accept-Encoding", c.accept_encoding);
    std::optional<Response> r = Get(kAppJsPath, headers);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(Header(*r, "Vary"), "Accept-Encoding");
    EXPECT_EQ(Header(*r, "Content-Type"), "text/javascript; charset=utf-8");
    if (c.expected == "identity") {
      EXPECT_EQ(Header(*r, "Content-Encoding"), "<absent>");
      EXPECT_EQ(r->BodyView(), kAppJs);
    } else {
      EXPECT_EQ(Header(*r, "Content-Encoding"), c.expected);
      EXPECT_EQ(r->BodyView(), c.expected == "br" ? kAppJsBr : kAppJsGz);
    }
  }
}

TEST_F(StaticFilesTest, FileWithOnlyAGzipVariant) {
  std::optional<Response> r = Get("/assets/style-9f9f.css", With("Accept-Encoding", "br"));
  EXPECT_EQ(Header(*r, "Content-Encoding"), "<absent>");
  EXPECT_EQ(r->BodyView(), "body{}");
  EXPECT_EQ(Header(*r, "Vary"), "Accept-Encoding");
  r = Get("/assets/style-9f9f.css", With("Accept-Encoding", "br, gzip"));
  EXPECT_EQ(Header(*r, "Content-Encoding"), "gzip");
  EXPECT_EQ(r->BodyView(), "GZ-CSS");
  EXPECT_EQ(Header(*r, "Content-Type"), "text/css; charset=utf-8");
}

TEST_F(StaticFilesTest, OrphanCompressedFileIsAnOrdinaryFile) {
  std::optional<Response> r = Get("/backup.gz", With("Accept-Encoding", "gzip"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->BodyView(), "ORPHAN");
  EXPECT_EQ(Header(*r, "Content-Type"), "application/octet-stream");
  EXPECT_EQ(Header(*r, "Content-Encoding"), "<absent>");
  EXPECT_EQ(Header(*r, "Vary"), "<absent>");
}

TEST_F(StaticFilesTest, MovingBeforeServingKeepsBodiesValid) {
  StaticFiles moved = std::move(files_);
  StaticFiles again;
  again = std::move(moved);
  EXPECT_EQ(again.Serve(Method::kGet, "/docs/readme.txt", {})->BodyView(), "hello");
  EXPECT_EQ(again.Serve(Method::kGet, kAppJsPath, {})->BodyView(), kAppJs);
}

TEST(StaticFilesDirectoryTest, MissingIndexHtmlIsAnError) {
  TempDir dir;
  WriteFile(dir.path() / "assets/app.js", "x");
  WriteFile(dir.path() / "index.html.gz", "x");  // a variant alone does not count
  Result<StaticFiles> files = StaticFiles::FromDirectory(dir.path().string());
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(files.error().message.find("index.html"), std::string::npos);
}

TEST(StaticFilesDirectoryTest, NotADirectoryIsAnError) {
  TempDir dir;
  WriteFile(dir.path() / "index.html", "x");
  EXPECT_FALSE(StaticFiles::FromDirectory((dir.path() / "nope").string()).ok());
  EXPECT_FALSE(StaticFiles::FromDirectory((dir.path() / "index.html").string()).ok());
  EXPECT_FALSE(StaticFiles::FromDirectory("").ok());
}

TEST(StaticFilesDirectoryTest, SymlinksLeavingTheDirectoryAreNotFollowed) {
  TempDir outside;
  WriteFile(outside.path() / "secret.txt", "SECRET");
  WriteFile(outside.path() / "dir/secret.txt", "SECRET");
  TempDir dir;
  WriteFile(dir.path() / "index.html", "INDEX");
  WriteFile(dir.path() / "real/inside.txt", "INSIDE");
  fs::create_symlink(outside.path() / "secret.txt", dir.path() / "leak.txt");
  fs::create_directory_symlink(outside.path() / "dir", dir.path() / "leakdir");
  fs::create_symlink("../" + outside.path().filename().string() + "/secret.txt",
                     dir.path() / "relative-leak.txt");
  fs::create_symlink(dir.path() / "real/inside.txt", dir.path() / "alias.txt");
  fs::create_symlink(dir.path() / "nowhere.txt", dir.path() / "dangling.txt");

  Result<StaticFiles> files = StaticFiles::FromDirectory(dir.path().string());
  ASSERT_TRUE(files.ok()) << files.error().message;
  EXPECT_FALSE(files->Serve(Method::kGet, "/leak.txt", {}));
  EXPECT_FALSE(files->Serve(Method::kGet, "/relative-leak.txt", {}));
  EXPECT_FALSE(files->Serve(Method::kGet, "/leakdir/secret.txt", {}));
  EXPECT_FALSE(files->Serve(Method::kGet, "/dangling.txt", {}));
  EXPECT_EQ(files->Serve(Method::kGet, "/alias.txt", {})->BodyView(), "INSIDE");
  EXPECT_EQ(files->Serve(Method::kGet, "/real/inside.txt", {})->BodyView(), "INSIDE");
  EXPECT_EQ(files->size(), 3u);  // index.html, real/inside.txt, alias.txt
}

TEST(StaticFilesDirectoryTest, EmptyFilesAreServed) {
  TempDir dir;
  WriteFile(dir.path() / "index.html", "");
  Result<StaticFiles> files = StaticFiles::FromDirectory(dir.path().string());
  ASSERT_TRUE(files.ok());
  std::optional<Response> r = files->Serve(Method::kGet, "/", {});
  ASSERT_TRUE(r && r->static_body);
  EXPECT_EQ(r->static_body->size(), 0u);
}

struct TypeCase {
  std::string_view path;
  std::string_view content_type;
};

TEST(StaticFilesEmbeddedTest, ContentTypeByExtension) {
  const std::vector<TypeCase> cases = {
      {"index.html", "text/html; charset=utf-8"},
      {"a.js", "text/javascript; charset=utf-8"},
      {"a.mjs", "text/javascript; charset=utf-8"},
      {"a.css", "text/css; charset=utf-8"},
      {"a.json", "application/json; charset=utf-8"},
      {"a.js.map", "application/json; charset=utf-8"},
      {"a.svg", "image/svg+xml"},
      {"a.png", "image/png"},
      {"LOGO.PNG", "image/png"},
      {"a.jpg", "image/jpeg"},
      {"a.jpeg", "image/jpeg"},
      {"a.webp", "image/webp"},
      {"favicon.ico", "image/x-icon"},
      {"robots.txt", "text/plain; charset=utf-8"},
      {"font.woff2", "font/woff2"},
      {"site.webmanifest", "application/manifest+json; charset=utf-8"},
      {"a.exe", "application/octet-stream"},
      {"LICENSE", "application/octet-stream"},
      {"dir.js/file", "application/octet-stream"},
  };
  std::vector<embedded::File> embedded;
  for (const auto& c : cases) embedded.push_back({c.path, c.path});
  const StaticFiles files = StaticFiles::FromEmbedded(embedded);
  EXPECT_EQ(files.size(), cases.size());
  for (const auto& c : cases) {
    SCOPED_TRACE(c.path);
    std::optional<Response> r = files.Serve(Method::kGet, "/" + std::string(c.path), {});
    ASSERT_TRUE(r);
    EXPECT_EQ(Header(*r, "Content-Type"), c.content_type);
  }
}

TEST(StaticFilesEmbeddedTest, ServesEmbeddedBytesInPlaceWithVariants) {
  static constexpr std::string_view kIndex = "<html>embedded</html>";
  static constexpr std::string_view kJs = "js";
  static constexpr std::string_view kJsBr = "js-br";
  const std::array<embedded::File, 3> embedded = {{
      {"assets/a-1.js", kJs},
      {"assets/a-1.js.br", kJsBr},
      {"index.html", kIndex},
  }};
  const StaticFiles files = StaticFiles::FromEmbedded(embedded);
  EXPECT_EQ(files.size(), 2u);
  std::optional<Response> r = files.Serve(Method::kGet, "/status", {});
  ASSERT_TRUE(r && r->static_body);
  EXPECT_EQ(r->static_body->data(), kIndex.data());  // no copy
  r = files.Serve(Method::kGet, "/assets/a-1.js", With("Accept-Encoding", "gzip, br"));
  ASSERT_TRUE(r && r->static_body);
  EXPECT_EQ(r->static_body->data(), kJsBr.data());
  EXPECT_EQ(Header(*r, "Content-Encoding"), "br");
}

TEST(StaticFilesEmbeddedTest, EmptySetServesNothing) {
  const StaticFiles files = StaticFiles::FromEmbedded({});
  EXPECT_TRUE(files.empty());
  EXPECT_EQ(files.size(), 0u);
  EXPECT_FALSE(files.Serve(Method::kGet, "/", {}));
  EXPECT_FALSE(files.Serve(Method::kGet, "/status", {}));
}

TEST(StaticFilesEmbeddedTest, NoIndexHtmlMeansNoFallback) {
  const std::array<embedded::File, 1> embedded = {{{"app.js", "x"}}};
  const StaticFiles files = StaticFiles::FromEmbedded(embedded);
  EXPECT_TRUE(files.Serve(Method::kGet, "/app.js", {}));
  EXPECT_FALSE(files.Serve(Method::kGet, "/", {}));
  EXPECT_FALSE(files.Serve(Method::kGet, "/status", {}));
}

}  // namespace
}  // namespace careops::http
