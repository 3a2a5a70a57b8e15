#pragma once
// Randomness from libsodium's CSPRNG. Safe to call from any thread after InitCrypto().

#include <cstddef>
#include <string>

namespace careops {

// Initialises libsodium; call once at start-up (idempotent). Throws if it cannot.
void InitCrypto();
// `bytes` random bytes, hex-encoded (2 * bytes characters).
std::string RandomHex(std::size_t bytes);
// `bytes` random bytes, URL-safe base64 without padding: for tokens and ids shown in URLs.
std::string RandomToken(std::size_t bytes = 32);

}  // namespace careops
