#pragma once
/// The hash chain of the audit log (审计日志防篡改链): each row's hash covers the previous
/// row's hash and the row's canonical content, so editing, deleting or reordering any row
/// (but the newest ones, see docs/api-accounts.md) breaks every later link.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/account_records.hpp"

namespace xj {

/// prev_hash of the first row: 64 zeros.
inline constexpr std::string_view kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

/// The bytes hashed for a row, without prev_hash and hash: every field in a fixed order,
/// each as `<decimal byte length>:<bytes>;`, so no two different rows encode alike.
std::string CanonicalAuditContent(const AuditRecord& r);

/// hex SHA-256(prev_hash ‖ CanonicalAuditContent(r)).
std::string AuditHash(std::string_view prev_hash, const AuditRecord& r);

/// Outcome of checking the whole chain.
struct AuditVerification {
  std::int64_t rows = 0;                   ///< rows checked
  std::string head_hash;                   ///< hash of the last row (genesis for an empty log): anchor it elsewhere
  std::optional<std::int64_t> broken_seq;  ///< seq of the first row whose link is broken
  std::string reason;                      ///< why, in Chinese
  bool ok() const { return !broken_seq; }
};

/// Feeds rows in seq order and remembers the first broken link. Not thread-safe.
class AuditChainVerifier {
 public:
  /// Checks one row; returns false once the chain is broken (later rows are not checked).
  bool Add(const AuditRecord& r);
  const AuditVerification& result() const { return result_; }

 private:
  std::int64_t expected_seq_ = 1;
  std::string expected_prev_{kAuditGenesisHash};
  AuditVerification result_{0, std::string(kAuditGenesisHash), std::nullopt, {}};
};

}  // namespace xj
