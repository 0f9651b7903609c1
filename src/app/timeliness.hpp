#pragma once
/// 资金分配时效 (issue #19 point 5, docs/definitions.md §12): the allocations each unit received
/// from its superior (上级下达, stored as `fund_receipt` documents in dispatch_records), the days
/// until it passed them on to its children and to projects, and the breaches of the policy's limits.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "domain/region.hpp"
#include "domain/timeliness.hpp"

namespace xj {

/// The dispatch_records kind of a received allocation.
inline constexpr const char* kFundReceiptKind = "fund_receipt";

/// One allocation a unit received from its superior (上级下达文件), central linkage funds.
struct FundReceipt {
  std::string receipt_id;   ///< the document number (文号): the idempotency key
  std::string region_code;  ///< the receiving unit
  int fund_year = 0;
  Date date;   ///< the day the superior allocated it (下达日期)
  Fen amount;  ///< > 0
  std::string note;
};

/// What recording a batch of receipts did.
struct FundReceiptBatch {
  std::int64_t created = 0;
  std::int64_t existing = 0;  ///< same receipt_id already recorded (left as it was)
};

/// One receipt with its two measures: onward to the children (null for a county) and to projects.
struct ReceiptTimeliness {
  FundReceipt receipt;
  FenTotal cumulative;
  std::optional<ReceiptMeasure> allocation;  ///< onward to the children; none for a county
  ReceiptMeasure distribution;
};

struct UnitTimeliness {
  Region region;
  int fund_year = 0;
  std::vector<ReceiptTimeliness> receipts;
  std::int64_t late_allocation = 0;    ///< receipts in breach of the allocation limit
  std::int64_t late_distribution = 0;  ///< … of the distribution limit
};

struct TimelinessReport {
  std::string region_code;
  int year = 0;
  Date as_of;
  std::vector<UnitTimeliness> units;  ///< the units of the subtree with receipts, in tree order
};

}  // namespace xj
