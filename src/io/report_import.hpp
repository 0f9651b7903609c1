#pragma once
/// Reads the contracts, progress and benchmarks import kinds (docs/operations.md):
///   contracts  — project_code 项目编码, contract_no 合同编号, amount 合同金额, signed_on 签订日期,
///                advance_rate 预付款比例 (%, optional)
///   progress   — project_code 项目编码, date 日期, progress 形象进度 (%), note 备注 (optional)
///   benchmarks — date 日期, indicator 指标 (start_rate|expend_progress or 开工率|支出进度), value 数值 (%)
/// CSV or XLSX, English or Chinese headers, a unit in brackets allowed (`形象进度(%)`, `合同金额（万元）`).
///
/// FieldError codes (stable, snake_case), besides the header's and the CSV reader's:
///   empty_file          the file has no header row
///   missing_value       a required cell is empty
///   invalid_code        project_code / contract_no longer than 64 bytes or containing whitespace
///   invalid_date        not a valid YYYY-MM-DD
///   invalid_amount      an amount ParseYuan rejects
///   non_positive_amount a contract amount of zero or less
///   invalid_percent     not a percentage 0–100 with at most two decimals (`45.5`, `45.5%`)
///   invalid_indicator   not start_rate|expend_progress or 开工率|支出进度
///   duplicate_row       the same contract (project, number) or benchmark (indicator, date) twice

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "domain/benchmark.hpp"
#include "domain/project.hpp"
#include "io/csv_reader.hpp"
#include "io/table_header.hpp"

namespace xj {

/// A percentage cell as basis points: `45.5`, `45.50`, `45.5%` → 4550; nullopt unless
/// 0 ≤ value ≤ 100 with at most two decimals.
std::optional<std::int32_t> ParsePercentBp(std::string_view text);

struct ContractRow {
  int row = 0;  ///< 1-based, header = 1
  ProjectContract contract;
};
struct ProgressRow {
  int row = 0;
  ProgressReport report;
};
struct BenchmarkRow {
  int row = 0;
  Benchmark benchmark;
};

/// Each reads every row and returns every problem at once (Status::Rejected), or the rows.
/// Whether a project exists or a row is stored already is the caller's concern.
/// `header_out`, when given, receives the bound header (to place later errors in columns).
Result<std::vector<ContractRow>> ReadContractRows(TableSource& source, TableHeader* header_out = nullptr);
Result<std::vector<ProgressRow>> ReadProgressRows(TableSource& source, TableHeader* header_out = nullptr);
Result<std::vector<BenchmarkRow>> ReadBenchmarkRows(TableSource& source, TableHeader* header_out = nullptr);

}  // namespace xj
