#pragma once
// Signed links that let a customer open and answer one form request without signing in
// (docs/API.md, "Forms"). Nothing is stored: a token is "{request_id}.{signature}" with
// signature the first 32 hex characters (128 bits) of
// SecretKey::KeyedHash("form-link", "{request_id}"). A token does not expire: the request's
// status decides what it still allows (a completed request answers 409, a cancelled one 410).
// Tokens are URL-safe and travel only in a link's fragment (`{PUBLIC_BASE_URL}/f#token=…`) and
// request bodies, never in a path or query string. Thread-safe (the key is read-only).

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace careops {
class SecretKey;
}

namespace careops::forms {

inline constexpr const char* kFormLinkPurpose = "form-link";

class FormTokens {
 public:
  explicit FormTokens(const SecretKey& key) : key_(key) {}  // `key` must outlive this

  std::string Make(std::int64_t request_id) const;
  // The request a token names. NotFound for anything Make did not produce with this key
  // (malformed, altered, forged, over 100 bytes: the signature is compared in constant time).
  Result<std::int64_t> Verify(std::string_view token) const;

 private:
  std::string Sign(std::string_view payload) const;
  const SecretKey& key_;
};

// "{public_base_url}/f#token={token}": the page where a customer answers a form.
std::string FormLink(std::string_view public_base_url, std::string_view token);

}  // namespace careops::forms
