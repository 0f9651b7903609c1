#include "io/report_import.hpp"

#include <array>
#include <map>
#include <string>

#include "core/date.hpp"
#include "core/money.hpp"
#include "io/project_import.hpp"

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

/// The cells of one row with their checks; each problem becomes a FieldError.
class Cells {
 public:
  Cells(const TableHeader& header, const TableRow& row, std::vector<FieldError>& errors)
      : header_(header), row_(row), errors_(errors) {}

  std::string_view Text(std::string_view key) const { return header_.Cell(row_, key); }
  void Fail(std::string_view key, std::string code, std::string message) {
    errors_.push_back(header_.Error(row_, key, std::move(code), std::move(message)));
  }
  std::string Key(std::string_view key, std::string_view zh) {
    const std::string_view text = Text(key);
    if (text.empty()) {
      Fail(key, "missing_value", std::string(zh) + "不能为空");
    } else if (!IsValidImportKey(text)) {
      Fail(key, "invalid_code", std::string(zh) + "不能含空白字符，且不超过64个字节");
    }
    return std::string(text);
  }
  Date DateCell(std::string_view key, std::string_view zh) {
    const std::string_view text = Text(key);
    if (text.empty()) {
      Fail(key, "missing_value", std::string(zh) + "不能为空");
      return {};
    }
    Result<Date> d = Date::Parse(text);
    if (!d.ok()) {
      Fail(key, "invalid_date", std::string(zh) + "应为有效的 YYYY-MM-DD");
      return {};
    }
    return *d;
  }
  std::optional<std::int32_t> Percent(std::string_view key, std::string_view zh, bool required) {
    const std::string_view text = Text(key);
    if (text.empty()) {
      if (required) Fail(key, "missing_value", std::string(zh) + "不能为空");
      return std::nullopt;
    }
    auto bp = ParsePercentBp(text);
    if (!bp) Fail(key, "invalid_percent", std::string(zh) + "应为 0 到 100 之间的百分数，最多两位小数");
    return bp;
  }

 private:
  const TableHeader& header_;
  const TableRow& row_;
  std::vector<FieldError>& errors_;
};

/// Reads a whole table: `read` turns one row into a value (reporting problems through
/// `Cells`); rows with problems are dropped and every problem is returned at once.
template <typename Out, std::size_t N, typename ReadRow>
Result<std::vector<Out>> ReadTable(TableSource& source, const std::array<ColumnSpec, N>& columns, std::string_view what,
                                   TableHeader* header_out, ReadRow read) {
  XJ_ASSIGN_OR_RETURN(std::optional<TableRow> first, source.Next());
  if (!first) {
    return Status::Rejected("文件为空", {FieldError{source.sheet(), 1, "", 0, "", "empty_file", "文件没有表头行"}});
  }
  XJ_ASSIGN_OR_RETURN(TableHeader header, TableHeader::Bind(*first, columns, source.sheet()));
  if (header_out) *header_out = header;
  std::vector<Out> out;
  std::vector<FieldError> errors;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(std::optional<TableRow> next, source.Next());
    if (!next) break;
    const std::size_t before = errors.size();
    Cells cells(header, *next, errors);
    Out row = read(cells, next->row);
    if (errors.size() == before) out.push_back(std::move(row));
  }
  if (!errors.empty()) {
    std::string message = std::string(what) + "导入被拒绝：共" + std::to_string(errors.size()) + "处错误";
    return Status::Rejected(std::move(message), std::move(errors));
  }
  return out;
}

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
