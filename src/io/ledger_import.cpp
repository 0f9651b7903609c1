#include "io/ledger_import.hpp"

#include <array>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/date.hpp"
#include "core/money.hpp"
#include "domain/region.hpp"
#include "io/project_import.hpp"
#include "io/table_header.hpp"

namespace xj {
namespace {

constexpr std::array<ColumnSpec, 12> kLedgerColumns = {{
    {"entry_id", "凭证号", true},
    {"date", "日期", true},
    {"kind", "类型", true},
    {"fund_source", "资金来源", true},
    {"fund_year", "资金年度", true},
    {"region_code", "区划代码", true},
    {"project_code", "项目编码", false},
    {"amount", "金额", true},
    {"payee", "收款方", false},
    {"payee_type", "收款方类型", false},
    {"reverses", "冲销凭证号", false},
    {"note", "备注", false},
}};

/// Reads the cells of one row into a LedgerEntry, appending a FieldError per problem.
class LedgerRowReader {
 public:
  LedgerRowReader(const TableHeader& header, const TableRow& row, std::vector<FieldError>& errors)
      : header_(header), row_(row), errors_(errors) {}

  LedgerEntry Read() {
    LedgerEntry e;
    e.entry_id = Key("entry_id", "凭证号", /*required=*/true);

    if (const std::string_view date = Cell("date"); date.empty()) {
      Fail("date", "missing_value", "日期不能为空");
    } else if (Result<Date> parsed = Date::Parse(date); parsed.ok()) {
      e.date = *parsed;
    } else {
      Fail("date", "invalid_date", "日期应为有效的 YYYY-MM-DD");
    }

    // Unknown when the cell is empty or invalid: the rules that depend on it are then skipped.
    const std::optional<EntryKind> kind = ParseEntryKind(Cell("kind"));
    if (Cell("kind").empty()) {
      Fail("kind", "missing_value", "类型不能为空");
    } else if (kind) {
      e.kind = *kind;
    } else {
      Fail("kind", "invalid_kind", "类型应为 allocate|disburse|expend|reverse 或 下达|拨付|支出|冲销");
    }

    if (const std::string_view text = Cell("fund_source"); text.empty()) {
      Fail("fund_source", "missing_value", "资金来源不能为空");
    } else if (auto source = ParseFundSource(text)) {
      e.fund_source = *source;
    } else {
      Fail("fund_source", "invalid_fund_source",
           "资金来源应为 central|provincial|prefecture|county|integrated|other 或 中央/省级/地市级/县级/统筹整合/其他");
    }

    if (const std::string_view text = Cell("fund_year"); text.empty()) {
      Fail("fund_year", "missing_value", "资金年度不能为空");
    } else if (auto year = ParseImportYear(text)) {
      e.fund_year = *year;
    } else {
      Fail("fund_year", "invalid_year",
           "资金年度应为" + std::to_string(kMinImportYear) + "至" + std::to_string(kMaxImportYear) + "之间的整数");
    }

    e.region_code = std::string(Cell("region_code"));
    if (e.region_code.empty()) {
      Fail("region_code", "missing_value", "区划代码不能为空");
    } else if (!IsValidRegionCode(e.region_code)) {
      Fail("region_code", "invalid_code", "区划代码应为6、9或12位数字");
    }

    e.project_code = Key("project_code", "项目编码", /*required=*/false);
    if (Cell("project_code").empty() && kind && (*kind == EntryKind::kDisburse || *kind == EntryKind::kExpend)) {
      Fail("project_code", "project_required", "拨付和支出必须填写项目编码");
    }

    if (const std::string_view text = Cell("amount"); text.empty()) {
      Fail("amount", "missing_value", "金额不能为空");
    } else if (Result<Fen> amount = ParseYuan(text, header_.unit("amount")); !amount.ok()) {
      Fail("amount", AmountProblemCode(amount.status()), amount.status().message());
    } else if (*amount < Fen() && kind == EntryKind::kReverse) {
      e.amount = -*amount;  // a 冲销 as exports show it, negative (docs/definitions.md §18)
    } else if (*amount <= Fen()) {
      Fail("amount", "non_positive_amount", "金额必须大于零（更正请用冲销）");
    } else {
      e.amount = *amount;
    }

    e.payee = std::string(Cell("payee"));
    if (auto payee_type = ParsePayeeType(Cell("payee_type"))) {
      e.payee_type = *payee_type;
    } else {
      Fail("payee_type", "invalid_payee_type",
           "收款方类型应为 enterprise|individual|collective|gov_account 或 企业/个人/集体/政府账户");
    }

    e.reverses = Key("reverses", "冲销凭证号", /*required=*/false);
    const bool has_reverses = !Cell("reverses").empty();
    if (kind == EntryKind::kReverse) {
      if (!has_reverses) {
        Fail("reverses", "reverses_required", "冲销必须填写冲销凭证号");
      } else if (!e.entry_id.empty() && e.reverses == e.entry_id) {
        Fail("reverses", "reverses_self", "冲销凭证号不能是本凭证号");
      }
    } else if (kind && has_reverses) {
      Fail("reverses", "reverses_not_allowed", "只有冲销才能填写冲销凭证号");
    }

    e.note = std::string(Cell("note"));
    return e;
  }

 private:
  std::string_view Cell(std::string_view key) const { return header_.Cell(row_, key); }

  void Fail(std::string_view key, std::string code, std::string message) {
    errors_.push_back(header_.Error(row_, key, std::move(code), std::move(message)));
  }

  /// An idempotency-key cell; empty (with an error) when it is malformed.
  std::string Key(std::string_view key, std::string_view zh, bool required) {
    const std::string_view text = Cell(key);
    if (text.empty()) {
      if (required) Fail(key, "missing_value", std::string(zh) + "不能为空");
      return {};
    }
    if (!IsValidImportKey(text)) {
      Fail(key, "invalid_code", std::string(zh) + "不能含空白字符，且不超过64个字节");
      return {};
    }
    return std::string(text);
  }

  const TableHeader& header_;
  const TableRow& row_;
  std::vector<FieldError>& errors_;
};

}  // namespace

Result<std::vector<LedgerRow>> ReadLedgerRows(TableSource& source, TableHeader* header_out) {
  XJ_ASSIGN_OR_RETURN(std::optional<TableRow> first, source.Next());
  if (!first) {
    return Status::Rejected("文件为空", {FieldError{source.sheet(), 1, "", 0, "", "empty_file", "文件没有表头行"}});
  }
  XJ_ASSIGN_OR_RETURN(TableHeader header, TableHeader::Bind(*first, kLedgerColumns, source.sheet()));
  if (header_out) *header_out = header;

  std::vector<LedgerRow> rows;
  std::vector<FieldError> errors;
  std::unordered_map<std::string, int> first_row_of_id;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(std::optional<TableRow> next, source.Next());
    if (!next) break;
    const TableRow& row = *next;
    const std::size_t errors_before = errors.size();
    LedgerRow out;
    out.row = row.row;
    out.entry = LedgerRowReader(header, row, errors).Read();
    if (!out.entry.entry_id.empty()) {
      auto [it, fresh] = first_row_of_id.emplace(out.entry.entry_id, row.row);
      if (!fresh) {
        errors.push_back(
            header.Error(row, "entry_id", "duplicate_entry_id", "凭证号与第" + std::to_string(it->second) + "行重复"));
      }
    }
    if (errors.size() == errors_before) rows.push_back(std::move(out));
  }
  if (!errors.empty()) return Status::Rejected("台账导入被拒绝", std::move(errors));
  return rows;
}

}  // namespace xj
