#pragma once
/// Reading the cells of an import's rows with their checks (the kinds of report_import and
/// asset_import share it): each problem becomes a FieldError naming the row and the column.
/// Internal to io.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/status.hpp"
#include "io/csv_reader.hpp"
#include "io/project_import.hpp"
#include "io/table_header.hpp"

namespace xj {

/// A percentage cell as basis points (report_import.hpp).
std::optional<std::int32_t> ParsePercentBp(std::string_view text);

/// The cells of one row with their checks; each problem becomes a FieldError.
class Cells {
 public:
  Cells(const TableHeader& header, const TableRow& row, std::vector<FieldError>& errors)
      : header_(header), row_(row), errors_(errors) {}

  std::string_view Text(std::string_view key) const { return header_.Cell(row_, key); }
  void Fail(std::string_view key, std::string code, std::string message) {
    errors_.push_back(header_.Error(row_, key, std::move(code), std::move(message)));
  }
  /// The same, for a cell holding a personal number: the problem does not repeat the cell's text.
  void FailWithoutValue(std::string_view key, std::string code, std::string message) {
    Fail(key, std::move(code), std::move(message));
    errors_.back().value.clear();
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

  /// A money cell in its header's unit (元 by default); nullopt, with a problem reported, when it
  /// is missing (and required), refused by ParseYuan, negative, or zero when `positive`.
  std::optional<Fen> Money(std::string_view key, std::string_view zh, bool required, bool positive) {
    const std::string_view text = Text(key);
    if (text.empty()) {
      if (required) Fail(key, "missing_value", std::string(zh) + "不能为空");
      return std::nullopt;
    }
    Result<Fen> amount = ParseYuan(text, header_.unit(key));
    if (!amount.ok()) {
      Fail(key, AmountProblemCode(amount.status()), amount.status().message());
      return std::nullopt;
    }
    if (*amount < Fen() || (positive && *amount == Fen())) {
      Fail(key, "non_positive_amount", std::string(zh) + (positive ? "必须大于零" : "不能为负数"));
      return std::nullopt;
    }
    return *amount;
  }
  /// A cell naming one of a set of values through `parse` (text → std::optional<T>); `fallback`
  /// when it is empty and not required, or when it is refused (with problem `code`, `expected` saying
  /// what is allowed).
  template <typename T, typename Parse>
  T Choice(std::string_view key, std::string_view zh, bool required, Parse parse, T fallback, std::string code,
           std::string_view expected) {
    const std::string_view text = Text(key);
    if (text.empty()) {
      if (required) Fail(key, "missing_value", std::string(zh) + "不能为空");
      return fallback;
    }
    auto parsed = parse(text);
    if (!parsed) {
      Fail(key, std::move(code), std::string(zh) + "应为 " + std::string(expected));
      return fallback;
    }
    return *parsed;
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

}  // namespace xj
