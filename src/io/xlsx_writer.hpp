#pragma once
/// Streaming writer of formatted XLSX tables (libxlsxwriter in constant-memory mode: each row
/// is flushed to a temporary file as it is written, so memory does not grow with the rows).
/// xlsx_writer.cpp is the only translation unit that includes <xlsxwriter.h>.
///
/// A sheet is laid out for bureau use: a merged title row, a units line (单位：元), a bold
/// frozen header repeated on every printed page, one number format per column kind, column
/// widths, an optional totals row (合计, SUM formulas with their values cached), A4 page set-up
/// fitted to the page width, and a footer with the generation time, page numbers and region.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/status.hpp"

namespace xj {

/// How a column's cells are shown.
enum class XlsxCellKind {
  kText,
  kInteger,  ///< 0
  kYuan,     ///< #,##0.00, a negative amount red with its minus sign (cells hold yuan; from Fen exactly)
  kPercent,  ///< 0.00% (cells hold a fraction)
  kPoints,   ///< +0.00 percentage points (同比)
  kDecimal,  ///< 0.00, a quantity that is not money (e.g. the points of a score sheet)
  kDate,     ///< yyyy-mm-dd (cells hold an Excel serial)
};

struct XlsxColumn {
  std::string title;
  XlsxCellKind kind = XlsxCellKind::kText;
  double width = 12;   ///< in characters
  bool total = false;  ///< summed in the totals row
};

/// One cell value. Empty cells are left blank.
struct XlsxCell {
  enum class Kind { kEmpty, kText, kNumber };
  Kind kind = Kind::kEmpty;
  std::string text;
  double number = 0;
  bool highlight = false;  ///< red fill: an offending cell in an error report
  /// The exact amount of a Yuan cell (`number` is its double in 元): what a 合计 adds up and a CSV
  /// prints, so neither depends on the double.
  std::optional<FenTotal> fen;

  static XlsxCell Empty() { return {}; }
  static XlsxCell Text(std::string s) { return {Kind::kText, std::move(s), 0, false, std::nullopt}; }
  static XlsxCell Number(double d) { return {Kind::kNumber, {}, d, false, std::nullopt}; }
  static XlsxCell Integer(std::int64_t n) { return Number(static_cast<double>(n)); }
  /// Yuan with two decimals; exact for any amount below 10^13 yuan.
  static XlsxCell Yuan(Fen f) { return Yuan(FenTotal(f)); }
  /// A total: the same (a cell holds a double; a total beyond 2⁶³ fen is rounded, never wrapped).
  static XlsxCell Yuan(FenTotal f) {
    XlsxCell c = Number(static_cast<double>(f.value()) / 100.0);
    c.fen = f;
    return c;
  }
  static XlsxCell Day(Date d);
  static XlsxCell OptionalDay(const std::optional<Date>& d) { return d ? Day(*d) : Empty(); }
};

/// The frame of one sheet.
struct XlsxSheetLayout {
  std::string sheet_name = "Sheet1";  ///< at most 31 characters, no []:*?/\ (truncated/replaced)
  std::string title;                  ///< merged across the columns in row 1; none when empty
  std::string units;                  ///< e.g. "单位：元", right-aligned in row 2; none when empty
  std::string region;                 ///< printed in the footer
  std::string generated_at;           ///< printed in the footer
  bool landscape = true;
  bool totals = false;  ///< write a 合计 row summing the `total` columns
};

/// Writes one workbook, sheet after sheet, row after row. Not thread-safe.
class XlsxTableWriter {
 public:
  /// Creates `path` (overwriting it) and starts the first sheet. Internal on I/O failure.
  static Result<std::unique_ptr<XlsxTableWriter>> Create(const std::string& path, XlsxSheetLayout layout,
                                                         std::vector<XlsxColumn> columns);
  ~XlsxTableWriter();
  XlsxTableWriter(const XlsxTableWriter&) = delete;
  XlsxTableWriter& operator=(const XlsxTableWriter&) = delete;

  /// Appends a data row (missing trailing cells are blank).
  Status AddRow(const std::vector<XlsxCell>& cells);
  /// Cells to show in the totals row instead of sums (non-empty cells override).
  void SetTotals(std::vector<XlsxCell> cells);
  /// The current sheet ends without its 合计 row: its rows continue on the next sheet, whose 合计
  /// covers them (the caller passes the values with SetTotals).
  void OmitTotals();
  /// Finishes the current sheet (its totals row) and starts another.
  Status AddSheet(XlsxSheetLayout layout, std::vector<XlsxColumn> columns);
  /// Finishes the last sheet and writes the file. Nothing is usable before it returns Ok.
  Status Close();
  /// Data rows written to the current sheet.
  std::int64_t rows() const;

 private:
  struct Impl;
  explicit XlsxTableWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace xj
