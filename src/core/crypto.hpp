#pragma once
// Cryptographic helpers over libsodium (and OpenSSL for Twilio's HMAC-SHA1). Every function is
// thread-safe after InitCrypto().

#include <optional>
#include <string>
#include <string_view>

namespace careops {

// The server key (SECRET_KEY) and what is derived from it. Subkeys are derived per purpose
// (BLAKE2b keyed with the server key over the purpose name), so a hash made for one purpose
// ("sms-code") can never be replayed as another ("session").
class SecretKey {
 public:
  // `secret` is SECRET_KEY (>= 32 characters).
  explicit SecretKey(std::string_view secret);

  // Keyed BLAKE2b-256 of `data` under the subkey for `purpose`, hex-encoded (64 chars).
  // For values that must be compared, never read back: codes, session tokens.
  std::string KeyedHash(std::string_view purpose, std::string_view data) const;
  // Authenticated encryption (XSalsa20-Poly1305 secretbox, random nonce) under the subkey
  // for `purpose`; URL-safe base64 of nonce || ciphertext.
  std::string Seal(std::string_view purpose, std::string_view plaintext) const;
  // nullopt when `sealed` is malformed, tampered with, or sealed under another key/purpose.
  std::optional<std::string> Open(std::string_view purpose, std::string_view sealed) const;

 private:
  std::string SubKey(std::string_view purpose, std::size_t bytes) const;
  std::string master_;  // 32 bytes derived from SECRET_KEY
};

// Constant-time comparison (length leaks, contents do not).
bool ConstantTimeEquals(std::string_view a, std::string_view b);
// `digits` uniformly random decimal digits from the CSPRNG ("048213").
std::string RandomDigits(int digits);
// Base64 (standard alphabet, padded) of HMAC-SHA1(key, data): Twilio's signature.
std::string HmacSha1Base64(std::string_view key, std::string_view data);

}  // namespace careops
