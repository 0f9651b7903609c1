#include "io/report_import.hpp"

#include <array>
#include <map>
#include <string>

#include "core/date.hpp"
#include "core/money.hpp"
#include "io/project_import.hpp"
#include "io/table_cells.hpp"

namespace xj {
namespace {

constexpr std::int32_t kFullBp = 10'000;

constexpr std::array<ColumnSpec, 5> kContractColumns = {{
    {"project_code", "项目编码", true},
    {"contract_no", "合同编号", true},
    {"amount", "合同金额", true},
    {"signed_on", "签订日期", true},
    {"advance_rate", "预付款比例", false},
}};
constexpr std::array<ColumnSpec, 4> kProgressColumns = {{
    {"project_code", "项目编码", true},
    {"date", "日期", true},
    {"progress", "形象进度", true},
    {"note", "备注", false},
}};
constexpr std::array<ColumnSpec, 3> kBenchmarkColumns = {{
    {"date", "日期", true},
    {"indicator", "指标", true},
    {"value", "数值", true},
}};

}  // namespace

std::optional<std::int32_t> ParsePercentBp(std::string_view text) {
  if (!text.empty() && text.back() == '%') text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  std::int64_t whole = 0, frac = 0;
  int frac_digits = 0;
  bool dot = false, digits = false;
  for (char c : text) {
    if (c == '.' && !dot) {
      dot = true;
    } else if (c >= '0' && c <= '9') {
      digits = true;
      if (dot) {
        if (++frac_digits > 2) return std::nullopt;
        frac = frac * 10 + (c - '0');
      } else {
        whole = whole * 10 + (c - '0');
        if (whole > 100) return std::nullopt;
      }
    } else {
      return std::nullopt;
    }
  }
  if (!digits) return std::nullopt;
  for (; frac_digits < 2; ++frac_digits) frac *= 10;
  const std::int64_t bp = whole * 100 + frac;
  if (bp > kFullBp) return std::nullopt;
  return static_cast<std::int32_t>(bp);
}

Result<std::vector<ContractRow>> ReadContractRows(TableSource& source, TableHeader* header_out) {
  std::map<std::pair<std::string, std::string>, int> seen;
  TableHeader header;
  auto rows = ReadTable<ContractRow>(source, kContractColumns, "合同", &header, [&](Cells& c, int row) {
    ContractRow r;
    r.row = row;
    ProjectContract& k = r.contract;
    k.project_code = c.Key("project_code", "项目编码");
    k.contract_no = c.Key("contract_no", "合同编号");
    if (const std::string_view text = c.Text("amount"); text.empty()) {
      c.Fail("amount", "missing_value", "合同金额不能为空");
    } else if (Result<Fen> amount = ParseYuan(text, header.unit("amount")); !amount.ok()) {
      c.Fail("amount", AmountProblemCode(amount.status()), amount.status().message());
    } else if (*amount <= Fen()) {
      c.Fail("amount", "non_positive_amount", "合同金额必须大于零");
    } else {
      k.amount = *amount;
    }
    k.signed_on = c.DateCell("signed_on", "签订日期");
    k.advance_bp = c.Percent("advance_rate", "预付款比例", false);
    if (!k.project_code.empty() && !k.contract_no.empty()) {
      auto [it, fresh] = seen.emplace(std::make_pair(k.project_code, k.contract_no), row);
      if (!fresh) {
        c.Fail("contract_no", "duplicate_row", "同一项目的合同编号与第" + std::to_string(it->second) + "行重复");
      }
    }
    return r;
  });
  if (header_out) *header_out = header;
  return rows;
}

Result<std::vector<ProgressRow>> ReadProgressRows(TableSource& source, TableHeader* header_out) {
  return ReadTable<ProgressRow>(source, kProgressColumns, "形象进度", header_out, [&](Cells& c, int row) {
    ProgressRow r;
    r.row = row;
    r.report.project_code = c.Key("project_code", "项目编码");
    r.report.date = c.DateCell("date", "日期");
    r.report.progress_hundredths = c.Percent("progress", "形象进度", true).value_or(0);
    r.report.note = std::string(c.Text("note"));
    return r;
  });
}

Result<std::vector<BenchmarkRow>> ReadBenchmarkRows(TableSource& source, TableHeader* header_out) {
  std::map<std::pair<int, Date>, int> seen;
  return ReadTable<BenchmarkRow>(source, kBenchmarkColumns, "全国平均基准", header_out, [&](Cells& c, int row) {
    BenchmarkRow r;
    r.row = row;
    Benchmark& b = r.benchmark;
    b.date = c.DateCell("date", "日期");
    const std::string_view indicator = c.Text("indicator");
    const std::optional<BenchmarkIndicator> parsed = ParseBenchmarkIndicator(indicator);
    if (indicator.empty()) {
      c.Fail("indicator", "missing_value", "指标不能为空");
    } else if (!parsed) {
      c.Fail("indicator", "invalid_indicator", "指标应为 start_rate|expend_progress 或 开工率|支出进度");
    } else {
      b.indicator = *parsed;
      auto [it, fresh] = seen.emplace(std::make_pair(static_cast<int>(b.indicator), b.date), row);
      if (!fresh) c.Fail("date", "duplicate_row", "同一指标同一日期与第" + std::to_string(it->second) + "行重复");
    }
    b.value_bp = c.Percent("value", "数值", true).value_or(0);
    return r;
  });
}

}  // namespace xj
