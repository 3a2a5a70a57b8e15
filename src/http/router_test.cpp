#include "http/router.hpp"

#include <gtest/gtest.h>

namespace careops::http {
namespace {

Handler Named(std::string name) {
  return [name](RequestContext&) {
    Response r;
    r.body = name;
    return r;
  };
}

class AllowAll final : public AccessGuard {
 public:
  Status Check(const AccessRule&, RequestContext&) override { return Ok(); }
};

constexpr AccessRule kPublic{Access::kPublic};

Router MakeRouter(std::vector<Route> routes, AccessGuard* member_guard = nullptr) {
  return Router(std::move(routes), {nullptr, nullptr, member_guard, nullptr});
}

TEST(RouterTest, MatchesLiteralAndTypedParameters) {
  Router router = MakeRouter({
      {Method::kGet, "/api/status", kPublic, Named("status")},
      {Method::kGet, "/api/things/{id:int}", kPublic, Named("thing")},
      {Method::kGet, "/w/{slug}/book", kPublic, Named("book")},
  });
  auto m = router.Find(Method::kGet, "/api/things/42");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->path, "/api/things/{id:int}");
  EXPECT_EQ(m.params.Int("id"), 42);

  m = router.Find(Method::kGet, "/w/caf%C3%A9%20one/book");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.Str("slug"), "caf\xC3\xA9 one");
}

TEST(RouterTest, IntParametersRejectNonPositiveAndMalformed) {
  Router router = MakeRouter({{Method::kGet, "/api/things/{id:int}", kPublic, Named("t")}});
  for (const char* path :
       {"/api/things/abc", "/api/things/0", "/api/things/-1", "/api/things/007", "/api/things/1e3",
        "/api/things/99999999999999999999", "/api/things/", "/api/things/1/2"}) {
    EXPECT_EQ(router.Find(Method::kGet, path).route, nullptr) << path;
  }
}

TEST(RouterTest, EncodedSlashStaysInsideOneSegment) {
  Router router = MakeRouter({{Method::kGet, "/w/{slug}/book", kPublic, Named("b")}});
  auto m = router.Find(Method::kGet, "/w/a%2Fb/book");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.Str("slug"), "a/b");
  EXPECT_EQ(router.Find(Method::kGet, "/w/a/b/book").route, nullptr);
}

TEST(RouterTest, LiteralBeatsParameter) {
  Router router = MakeRouter({
      {Method::kGet, "/api/x/{name}", kPublic, Named("param")},
      {Method::kGet, "/api/x/new", kPublic, Named("literal")},
  });
  auto m = router.Find(Method::kGet, "/api/x/new");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->path, "/api/x/new");
  EXPECT_EQ(router.Find(Method::kGet, "/api/x/other").route->path, "/api/x/{name}");
}

TEST(RouterTest, WrongMethodReportsAllow) {
  Router router = MakeRouter({
      {Method::kGet, "/api/items", kPublic, Named("list")},
      {Method::kPost, "/api/items", kPublic, Named("create")},
  });
  auto m = router.Find(Method::kDelete, "/api/items");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allow, "GET, HEAD, POST");
  EXPECT_TRUE(router.Find(Method::kGet, "/api/nothing").allow.empty());
}

TEST(RouterTest, HeadUsesGetRoute) {
  Router router = MakeRouter({{Method::kGet, "/healthz", kPublic, Named("h")}});
  EXPECT_NE(router.Find(Method::kHead, "/healthz").route, nullptr);
}

TEST(RouterTest, RefusesRouteWithoutAccessLevel) {
  EXPECT_THROW(MakeRouter({{Method::kGet, "/api/open", std::nullopt, Named("x")}}),
               std::invalid_argument);
}

TEST(RouterTest, RefusesLevelWithoutGuard) {
  EXPECT_THROW(MakeRouter({{Method::kGet, "/api/me", AccessRule{Access::kUser}, Named("x")}}),
               std::invalid_argument);
}

TEST(RouterTest, MemberRoutesNeedWorkspaceParameter) {
  AllowAll guard;
  EXPECT_THROW(MakeRouter({{Method::kGet, "/api/workspaces/{slug}/x",
                            AccessRule{Access::kMember, Permission::kInbox}, Named("x")}},
                          &guard),
               std::invalid_argument);
  EXPECT_NO_THROW(MakeRouter({{Method::kGet, "/api/workspaces/{id:int}/x",
                               AccessRule{Access::kMember, Permission::kInbox}, Named("x")}},
                             &guard));
}

TEST(RouterTest, RefusesMalformedAndDuplicateTemplates) {
  EXPECT_THROW(MakeRouter({{Method::kGet, "api/x", kPublic, Named("x")}}), std::invalid_argument);
  EXPECT_THROW(MakeRouter({{Method::kGet, "/api/{x:float}", kPublic, Named("x")}}),
               std::invalid_argument);
  EXPECT_THROW(MakeRouter({{Method::kGet, "/api/{a}/{a}", kPublic, Named("x")}}),
               std::invalid_argument);
  EXPECT_THROW(MakeRouter({{Method::kGet, "/api/x{y}", kPublic, Named("x")}}),
               std::invalid_argument);
  EXPECT_THROW(MakeRouter({{Method::kGet, "/api//x", kPublic, Named("x")}}), std::invalid_argument);
  EXPECT_THROW(MakeRouter({
                   {Method::kGet, "/api/{a}", kPublic, Named("x")},
                   {Method::kGet, "/api/{b}", kPublic, Named("y")},
               }),
               std::invalid_argument);
  EXPECT_THROW(MakeRouter({{Method::kHead, "/api/x", kPublic, Named("x")}}), std::invalid_argument);
}

TEST(ConcurrencyLimitTest, GrantsUpToMaxAndReleases) {
  ConcurrencyLimit limit(2);
  EXPECT_TRUE(limit.TryAcquire());
  EXPECT_TRUE(limit.TryAcquire());
  EXPECT_FALSE(limit.TryAcquire());
  EXPECT_EQ(limit.in_flight(), 2);
  limit.Release();
  EXPECT_TRUE(limit.TryAcquire());
  limit.Release();
  limit.Release();
  EXPECT_EQ(limit.in_flight(), 0);
}

TEST(RouterTest, RootPathMatches) {
  Router router = MakeRouter({{Method::kGet, "/", kPublic, Named("root")}});
  EXPECT_NE(router.Find(Method::kGet, "/").route, nullptr);
}

}  // namespace
}  // namespace careops::http
