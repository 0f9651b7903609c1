#pragma once
/// The one wrapper of libsodium (docs/style.md rule 4): password hashing (argon2id), random tokens,
/// SHA-256 and constant-time comparison. Nothing else includes <sodium.h>.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.hpp"

namespace xj::crypto {

/// argon2id work factors. Defaults are libsodium's "interactive" limits.
struct PasswordHashCost {
  std::uint64_t ops_limit = 2;        ///< crypto_pwhash_OPSLIMIT_INTERACTIVE (minimum 1)
  std::size_t mem_limit = 64u << 20;  ///< bytes; crypto_pwhash_MEMLIMIT_INTERACTIVE (minimum 8 KiB)
};

/// Initialises libsodium. Thread-safe and idempotent; Internal when the library cannot start.
Status Init();

/// An encoded argon2id hash ("$argon2id$v=19$m=…") of `password`, with a random salt.
/// Internal when out of memory. REQUIRES: Init() succeeded.
Result<std::string> HashPassword(std::string_view password, const PasswordHashCost& cost);

/// Whether `password` matches the encoded hash. False for malformed hashes.
bool VerifyPassword(const std::string& encoded_hash, std::string_view password);

/// `bytes` random bytes from the OS CSPRNG, as lower-case hex.
std::string RandomHex(std::size_t bytes);

/// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

/// Equality in time independent of where the inputs differ (lengths may leak).
bool ConstantTimeEqual(std::string_view a, std::string_view b);

}  // namespace xj::crypto
