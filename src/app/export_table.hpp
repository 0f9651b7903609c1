#pragma once
/// One table of an export (导出) in the format the caller asked for, with the rules every export
/// follows (docs/definitions.md §18): a title row that states the filters, the units line, the
/// header with the screen's labels, every matching row, and a 合计 row added up in integer fen
/// over all of the table's rows. As XLSX a table longer than a sheet continues on further
/// sheets (续表) with the same title and header, the 合计 on the last; as CSV (UTF-8 with a BOM)
/// the title and units are the first lines, the header follows and the 合计 closes the table.
///
/// The encoders (`XlsxTableWriter`, the CSV text here) only write what this class tells them.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.hpp"
#include "io/xlsx_writer.hpp"

namespace xj {

enum class ExportFormat { kXlsx, kCsv };

/// Rows of an Excel worksheet (the format's limit).
inline constexpr std::int64_t kXlsxSheetRows = 1'048'576;
/// Rows of a sheet that are not data: title, units line, header and the 合计 row.
inline constexpr std::int64_t kXlsxFrameRows = 4;
/// Data rows of one sheet before the table continues on the next.
inline constexpr std::int64_t kXlsxSheetDataRows = kXlsxSheetRows - kXlsxFrameRows;

/// Where and how an export is written.
struct ExportTarget {
  /// An XLSX file at `p` with full sheets: what every caller that names only a path means.
  ExportTarget(std::string p) : path(std::move(p)) {}  // NOLINT(google-explicit-constructor)
  ExportTarget(std::string p, ExportFormat f) : path(std::move(p)), format(f) {}

  std::string path;                              ///< the file (created or overwritten)
  ExportFormat format = ExportFormat::kXlsx;     ///< XLSX or CSV
  std::int64_t sheet_rows = kXlsxSheetDataRows;  ///< data rows per XLSX sheet (≥ 1; tests lower it)
};

/// The `format` parameter of an export: empty or "xlsx" → XLSX, "csv" → CSV; anything else is
/// InvalidArgument with reason `invalid_format`.
Result<ExportFormat> ParseExportFormat(std::string_view text);
/// ".xlsx" or ".csv".
std::string_view ExportExtension(ExportFormat format);
/// The Content-Type of a file in `format`.
std::string_view ExportContentType(ExportFormat format);
/// `file_name` (ending in .xlsx) with the extension of `format`.
std::string ExportFileName(const std::string& file_name, ExportFormat format);

/// The CSV text of one cell of a column of `kind`: amounts in 元 to the fen without grouping
/// (a minus sign for a negative one), percentages as 54.41%, points as +1.23, dates as
/// YYYY-MM-DD; quoted when needed (RFC 4180). A text that a spreadsheet would take for a formula
/// (starting with = + - @) is prefixed with an apostrophe.
std::string CsvCellText(const XlsxCell& cell, XlsxCellKind kind);

/// Writes one export: a sequence of tables, row after row (constant memory as XLSX). Not thread-safe.
class ExportTable {
 public:
  /// Creates the file of `target` and starts its first table. Internal on I/O failure.
  static Result<std::unique_ptr<ExportTable>> Create(const ExportTarget& target, XlsxSheetLayout layout,
                                                     std::vector<XlsxColumn> columns);
  ~ExportTable();
  ExportTable(const ExportTable&) = delete;
  ExportTable& operator=(const ExportTable&) = delete;

  /// Appends a data row (missing trailing cells are blank); as XLSX, past `sheet_rows` rows of the
  /// current sheet the table continues on a new sheet.
  Status AddRow(const std::vector<XlsxCell>& cells);
  /// Cells to show in the 合计 row instead of the sums (non-empty cells override).
  void SetTotals(std::vector<XlsxCell> cells);
  /// Finishes the current table (its 合计 row) and starts another.
  Status AddSheet(XlsxSheetLayout layout, std::vector<XlsxColumn> columns);
  /// Finishes the last table and the file. Nothing is usable before it returns Ok.
  Status Close();
  /// Data rows of the current table, over all its sheets.
  std::int64_t rows() const;
  /// XLSX sheets written so far (continuations included); 0 for CSV.
  int sheets() const;

 private:
  struct Impl;
  explicit ExportTable(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace xj
