#pragma once
/// Reads the allocation factors import kind (分配因素, `--kind factors`, docs/operations.md §4):
///   region_code 区划代码, year 年度, rural_population 农村人口, lifted_population 脱贫人口,
///   monitored_population 监测对象, area 面积 (km², up to two decimals), key_county 重点帮扶县
///   (0/1 or 是/否, optional), performance_score 绩效评价得分 (0–100, optional)
/// CSV or XLSX, English or Chinese headers, a unit in brackets allowed (`面积（平方公里）`).
///
/// FieldError codes (stable), besides the header's and the reader's: empty_file, missing_value,
/// invalid_code, invalid_year, invalid_count (not a whole number ≥ 0), invalid_area (not a number
/// ≥ 0 with at most two decimals), invalid_flag, invalid_percent, duplicate_row (the same region
/// and year twice). Whether the region is a county is the caller's concern.

#include <optional>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "domain/factor_allocation.hpp"
#include "io/csv_reader.hpp"
#include "io/table_header.hpp"

namespace xj {

struct FactorRow {
  int row = 0;  ///< 1-based, header = 1
  CountyFactors factors;
};

/// Reads every row and returns every problem at once (Status::Rejected), or the rows.
Result<std::vector<FactorRow>> ReadFactorRows(TableSource& source, TableHeader* header_out = nullptr);

/// A whole count cell (`12345`, `12,345`): nullopt unless digits (with thousands separators) ≤ 10¹².
std::optional<std::int64_t> ParseCount(std::string_view text);
/// A decimal with at most two decimals ≥ 0 as hundredths (`1234.5` → 123450), ≤ 10¹²; nullopt otherwise.
std::optional<std::int64_t> ParseHundredths(std::string_view text);

}  // namespace xj
