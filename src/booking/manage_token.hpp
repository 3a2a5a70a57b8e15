#pragma once
// Signed links that let a customer see, cancel, reschedule or confirm one booking without
// signing in (docs/API.md, "Public booking"). Nothing is stored: a token is
//   "{booking_id}.{expires_at}.{signature}"
// with expires_at in UTC milliseconds (the booking's start + 7 days, as the start was when the
// link was made) and signature the first 32 hex characters (128 bits) of
// SecretKey::KeyedHash("booking-link", "{booking_id}.{expires_at}"). Tokens are URL-safe and
// travel only in a link's fragment (`{PUBLIC_BASE_URL}/b#token=…`) and request bodies, never
// in a query string. Thread-safe (the key is read-only).

#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace careops {
class SecretKey;
}

namespace careops::booking {

inline constexpr const char* kManageLinkPurpose = "booking-link";
inline constexpr Millis kManageLinkLifetime = 7LL * 24 * 60 * 60 * 1000;

class ManageTokens {
 public:
  explicit ManageTokens(const SecretKey& key) : key_(key) {}  // `key` must outlive this

  // A token for booking `booking_id` that expires kManageLinkLifetime after `start_at`.
  std::string Make(std::int64_t booking_id, Millis start_at) const;
  // The booking a token names. NotFound for anything Make did not produce with this key
  // (malformed, altered, forged: compared in constant time); Gone for a genuine token past its
  // expiry at `now`. The signature is checked first, so a forged token never learns more.
  Result<std::int64_t> Verify(std::string_view token, Millis now) const;

 private:
  std::string Sign(std::string_view payload) const;
  const SecretKey& key_;
};

// "{public_base_url}/b#token={token}": the page where a customer manages a booking.
std::string ManageLink(std::string_view public_base_url, std::string_view token);

}  // namespace careops::booking
