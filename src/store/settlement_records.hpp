#pragma once
/// The stored form of an incentive settlement run (奖惩结算, migration 0015). The rows and the
/// change report are JSON documents the app writes and reads (app/settlements.cpp); the store
/// only keeps them.

#include <cstdint>
#include <optional>
#include <string>

namespace xj {

struct SettlementRunRecord {
  std::int64_t id = 0;  ///< assigned by the store
  std::string region_code;
  int year = 0;
  std::string as_of;  ///< YYYY-MM-DD
  int fund_source = 0;
  std::string metric;  ///< expend_progress|assessed_progress
  std::string policy_version;
  std::int64_t watermark_seq = 0;  ///< every ledger entry with seq ≤ this was in the engine
  std::string status;              ///< draft|approved
  std::string run_by, run_at;
  std::string approved_by, approved_at;  ///< empty while a draft
  std::optional<std::int64_t> base_run_id;
  std::string rows_json;
  std::string changes_json;
};

}  // namespace xj
