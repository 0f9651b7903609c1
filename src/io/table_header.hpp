#pragma once
/// Binds a header row to the columns of an interchange format (docs/definitions.md §4):
/// each column accepts its English or Chinese name, with an optional unit in
/// brackets such as `金额（万元）`.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.hpp"
#include "core/status.hpp"
#include "io/csv_reader.hpp"

namespace xj {

/// One column of a format.
struct ColumnSpec {
  std::string_view key;  ///< English name, also the name used in error reports
  std::string_view zh;   ///< Chinese name
  bool required = true;
  std::string_view alias = {};  ///< another Chinese name seen in bureau sheets
};

/// Where each column of a format sits in a file. Unknown extra columns are ignored.
class TableHeader {
 public:
  /// Fails with every missing required column and every duplicated one (row = header row).
  static Result<TableHeader> Bind(const TableRow& header, std::span<const ColumnSpec> specs, const std::string& sheet);

  bool has(std::string_view key) const { return index(key) >= 0; }
  /// 0-based cell index, -1 when absent.
  int index(std::string_view key) const;
  /// The unit written in the header (万元 or 元), yuan by default.
  MoneyUnit unit(std::string_view key) const;
  /// The cell text, trimmed; empty when the column is absent or the row is short.
  std::string_view Cell(const TableRow& row, std::string_view key) const;
  /// A FieldError located at this row and column.
  FieldError Error(const TableRow& row, std::string_view key, std::string code, std::string message) const;

 private:
  struct Bound {
    std::string key;
    int index = -1;
    MoneyUnit unit = MoneyUnit::kYuan;
  };
  std::vector<Bound> cols_;
  std::string sheet_;
};

/// Trims ASCII and full-width (U+3000) spaces.
std::string_view TrimCell(std::string_view s);

/// The problem code of a money cell ParseYuan refused: `value_out_of_range` beyond 64 bits of
/// fen, `invalid_amount` for any other refusal.
inline std::string AmountProblemCode(const Status& refused) {
  return refused.code_name() == "value_out_of_range" ? refused.code_name() : std::string("invalid_amount");
}

}  // namespace xj
