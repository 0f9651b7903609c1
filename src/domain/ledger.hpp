#pragma once
/// The fund ledger (资金台账): append-only entries, corrections by reversal (冲销).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/money.hpp"

namespace xj {

/// 资金来源. Values are persisted: never renumber.
enum class FundSource : int {
  kCentral = 1,     ///< 中央财政衔接资金
  kProvincial = 2,  ///< 自治区/省级
  kPrefecture = 3,  ///< 地市级
  kCounty = 4,      ///< 县级
  kIntegrated = 5,  ///< 统筹整合财政涉农资金
  kOther = 6,       ///< 其他
};
constexpr int kFundSourceCount = 6;
std::string_view FundSourceName(FundSource s);
std::string_view FundSourceLabel(FundSource s);
/// English identifier or Chinese label (中央, 中央财政衔接资金, 省级, 自治区 …).
std::optional<FundSource> ParseFundSource(std::string_view text);

/// Entry kinds of docs/definitions.md. Values are persisted: never renumber.
enum class EntryKind : int {
  kAllocate = 1,  ///< 下达
  kDisburse = 2,  ///< 拨付
  kExpend = 3,    ///< 支出
  kReverse = 4,   ///< 冲销
};
std::string_view EntryKindName(EntryKind k);
std::string_view EntryKindLabel(EntryKind k);
/// allocate|disburse|expend|reverse or 下达|拨付|支出|冲销.
std::optional<EntryKind> ParseEntryKind(std::string_view text);

/// 收款方类型. Values are persisted: never renumber.
enum class PayeeType : int {
  kNone = 0,
  kEnterprise = 1,
  kIndividual = 2,
  kCollective = 3,
  kGovAccount = 4,  ///< a government, fiscal special or unit's own account: 以拨代支 when expended to it
};
std::string_view PayeeTypeName(PayeeType t);
/// enterprise|individual|collective|gov_account or 企业|个人|集体|政府账户 …; empty → kNone.
std::optional<PayeeType> ParsePayeeType(std::string_view text);

/// One ledger entry. `amount` is positive; a reversal cancels `reverses` by the same amount.
struct LedgerEntry {
  std::string entry_id;  ///< 凭证号, the idempotency key
  Date date;
  EntryKind kind = EntryKind::kAllocate;
  FundSource fund_source = FundSource::kCentral;
  int fund_year = 0;
  std::string region_code;
  std::string project_code;  ///< optional for allocate
  Fen amount;
  std::string payee;
  PayeeType payee_type = PayeeType::kNone;
  std::string reverses;  ///< entry_id cancelled, for kind reverse
  std::string note;
  bool operator==(const LedgerEntry&) const = default;
};

/// Effective kind of an entry for the figures: a reversal counts as the negative of
/// the kind it cancels. Resolved once at write time and stored with the entry.
struct EffectiveEntry {
  EntryKind kind = EntryKind::kAllocate;  ///< never kReverse
  PayeeType payee_type = PayeeType::kNone;
  std::int64_t sign = 1;  ///< −1 for a reversal
};

/// A ledger entry as stored: with its commit sequence and resolved effect.
struct StoredEntry {
  LedgerEntry entry;
  std::int64_t seq = 0;  ///< assigned by the store, increasing in commit order
  EffectiveEntry effective;
  std::int64_t reverses_seq = 0;  ///< for a reversal: the seq of the entry it cancels, when known (0 otherwise)
};

/// A ledger row as the indicator engine reads it in bulk: no copies, the views are
/// valid only during the callback that receives it.
struct LedgerFact {
  std::int64_t seq = 0;
  Date date;
  EntryKind kind = EntryKind::kAllocate;
  EffectiveEntry effective;
  FundSource fund_source = FundSource::kCentral;
  int fund_year = 0;
  Fen amount;
  std::string_view entry_id;
  std::string_view region_code;
  std::string_view project_code;
  std::string_view payee;
  std::int64_t reverses_seq = 0;  ///< as in StoredEntry
};

/// The view of a stored entry. `e` must outlive the result.
inline LedgerFact FactOf(const StoredEntry& e) {
  return {e.seq,
          e.entry.date,
          e.entry.kind,
          e.effective,
          e.entry.fund_source,
          e.entry.fund_year,
          e.entry.amount,
          e.entry.entry_id,
          e.entry.region_code,
          e.entry.project_code,
          e.entry.payee,
          e.reverses_seq};
}

}  // namespace xj
