#include "messaging/twilio_signature.hpp"

#include <gtest/gtest.h>

#include "core/random.hpp"

namespace careops::messaging {
namespace {

// TWILIO.md's test vector.
constexpr const char* kUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";
constexpr const char* kToken = "12345";
constexpr const char* kExpected = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

http::QueryParams VectorParams() {
  // Deliberately unsorted: the algorithm sorts.
  return {{"To", "+18005551212"},
          {"CallSid", "CA1234567890ABCDE"},
          {"Digits", "1234"},
          {"From", "+12349013030"},
          {"Caller", "+12349013030"}};
}

class TwilioSignatureTest : public ::testing::Test {
 protected:
  void SetUp() override { InitCrypto(); }
};

TEST_F(TwilioSignatureTest, MatchesTheDocumentedVector) {
  EXPECT_EQ(ComputeSignature(kUrl, VectorParams(), kToken), kExpected);
  EXPECT_TRUE(VerifySignature(kUrl, VectorParams(), kToken, kExpected));
}

TEST_F(TwilioSignatureTest, AcceptsTheUrlWithOrWithoutTheDefaultPort) {
  EXPECT_TRUE(VerifySignature("https://mycompany.com:443/myapp.php?foo=1&bar=2", VectorParams(),
                              kToken, kExpected));
  const std::string signed_with_port =
      ComputeSignature("https://mycompany.com:443/myapp.php?foo=1&bar=2", VectorParams(), kToken);
  EXPECT_TRUE(VerifySignature(kUrl, VectorParams(), kToken, signed_with_port));
  const std::string http_signed = ComputeSignature("http://h.example/x", {}, kToken);
  EXPECT_TRUE(VerifySignature("http://h.example:80/x", {}, kToken, http_signed));
  // Other ports are other URLs.
  EXPECT_FALSE(VerifySignature("https://mycompany.com:8443/myapp.php?foo=1&bar=2", VectorParams(),
                               kToken, kExpected));
  EXPECT_FALSE(VerifySignature("http://mycompany.com/myapp.php?foo=1&bar=2", VectorParams(), kToken,
                               kExpected));
}

TEST_F(TwilioSignatureTest, RefusesTamperedParamsUrlOrToken) {
  auto params = VectorParams();
  params[2].second = "1235";
  EXPECT_FALSE(VerifySignature(kUrl, params, kToken, kExpected));
  auto extra = VectorParams();
  extra.emplace_back("Extra", "");
  EXPECT_FALSE(VerifySignature(kUrl, extra, kToken, kExpected));
  auto fewer = VectorParams();
  fewer.pop_back();
  EXPECT_FALSE(VerifySignature(kUrl, fewer, kToken, kExpected));
  EXPECT_FALSE(VerifySignature("https://mycompany.com/myapp.php?foo=1&bar=3", VectorParams(),
                               kToken, kExpected));
  EXPECT_FALSE(VerifySignature(kUrl, VectorParams(), "54321", kExpected));
  EXPECT_FALSE(VerifySignature(kUrl, VectorParams(), "", kExpected));
  EXPECT_FALSE(VerifySignature(kUrl, VectorParams(), kToken, ""));
  EXPECT_FALSE(VerifySignature(kUrl, VectorParams(), kToken, "0/KCTR6DLpKmkAf8muzZqo1nDgQ"));
}

TEST_F(TwilioSignatureTest, RepeatedNamesSortByValue) {
  const http::QueryParams a = {{"A", "2"}, {"A", "1"}, {"B", "x"}};
  const http::QueryParams b = {{"B", "x"}, {"A", "1"}, {"A", "2"}};
  EXPECT_EQ(ComputeSignature("https://h/x", a, "t"), ComputeSignature("https://h/x", b, "t"));
  EXPECT_NE(ComputeSignature("https://h/x", a, "t"),
            ComputeSignature("https://h/x", {{"A", "12"}, {"B", "x"}}, "t"));
}

}  // namespace
}  // namespace careops::messaging
