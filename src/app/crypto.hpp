#pragma once
/// The one wrapper of libsodium (docs/style.md rule 4): password hashing (argon2id), random tokens,
/// SHA-256, constant-time comparison, and the personal-data keys: field encryption and the blind
/// index (docs/operations.md "Personal data"). Nothing else includes <sodium.h>.

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

/// `bytes` as base64 (the standard alphabet, padded).
std::string Base64Encode(std::string_view bytes);
/// The bytes of base64 text; InvalidArgument when it is not base64.
Result<std::string> Base64Decode(std::string_view text);

/// Equality in time independent of where the inputs differ (lengths may leak).
bool ConstantTimeEqual(std::string_view a, std::string_view b);

/// The keys of personal data (个人信息), both derived from one 32-byte master key kept in a key
/// file outside the database: `encrypt` for ID and phone numbers (XSalsa20-Poly1305), `index`
/// for the blind index (HMAC-SHA-256). Every server of one database must read the same file.
struct DataKeys {
  std::string encrypt;  ///< 32 raw bytes
  std::string index;    ///< 32 raw bytes
};

/// Reads the master key from `path` (64 hex characters, a trailing newline allowed), or creates
/// the file with a new random key (mode 0600) when it does not exist. Unavailable with reason
/// "data_key_unreadable" when the file cannot be read or created; Internal with reason
/// "data_key_invalid" when its content is not a key.
Result<DataKeys> LoadOrCreateDataKeys(const std::string& path);

/// `plain` encrypted under `keys.encrypt` with a random nonce, as lower-case hex of nonce ‖ box.
std::string EncryptField(const DataKeys& keys, std::string_view plain);
/// The plain text of an EncryptField result; Internal with reason "data_key_mismatch" when it does
/// not open (another key, or a damaged value).
Result<std::string> DecryptField(const DataKeys& keys, std::string_view cipher_hex);
/// The blind index of `plain`: lower-case hex HMAC-SHA-256 under `keys.index`. Equal texts give
/// equal indexes under one key, so it counts distinct people and finds duplicates.
std::string BlindIndex(const DataKeys& keys, std::string_view plain);

}  // namespace xj::crypto
