#pragma once
/// Streaming RFC 4180 CSV reader (UTF-8, optional BOM, CRLF or LF; table_file decodes GB18030 first).

#include <cstdint>
#include <deque>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"

namespace xj {

/// One record of a table file: its 1-based row number and cells.
struct TableRow {
  int row = 0;
  std::vector<std::string> cells;
};

/// A formula cell read by its cached value (XLSX), named as a spreadsheet shows it.
struct FormulaCell {
  std::string sheet;
  int row = 0;
  std::string column;   ///< column letters, "H"
  std::string formula;  ///< the formula as stored, without "=" ("SUM(H3:H9)"); empty for a shared formula's copy
  std::string value;    ///< the cached value imported (as read)
};
/// The formula cells of a file read by their cached value: how many, and the first few.
struct FormulaCells {
  static constexpr std::size_t kListed = 100;
  std::int64_t total = 0;
  std::vector<FormulaCell> first;  ///< at most kListed, in file order
};

/// Source of table rows (CSV now, XLSX later): the import pipelines read through it.
class TableSource {
 public:
  virtual ~TableSource() = default;
  /// The next record, nullopt at the end, or an error naming the row (malformed quoting).
  virtual Result<std::optional<TableRow>> Next() = 0;
  /// Sheet name for reports; empty for CSV.
  virtual std::string sheet() const { return {}; }
  /// The text encoding the file was read in, for the import report: "UTF-8" (XLSX, and CSV
  /// unless table_file found it GB18030) or "GB18030" (text_encoding.hpp).
  virtual std::string encoding() const { return "UTF-8"; }
  /// Formula cells read so far by their cached value (XLSX; none for CSV).
  virtual FormulaCells formula_cells() const { return {}; }
};

/// Whether a row whose first filled cell is `first` is a totals row (合计, 总计, 小计, total, totals;
/// spaces and case ignored): both readers skip such rows, as county sheets are full of them and our
/// own exports close each table with one (docs/definitions.md §18).
bool IsTotalsLabel(std::string_view first);

/// Reads CSV from a stream it does not own; the stream must outlive the reader.
/// Quoted fields may contain commas, quotes ("") and line breaks. Blank lines and totals rows
/// (IsTotalsLabel) are skipped.
/// Lines of at most one filled cell above the header (the title and 单位 lines of our own
/// exports, docs/definitions.md §18) are skipped as the XLSX reader skips them, so an export
/// imports back as it is; when none of the first kMaxTitleLines lines has two filled cells
/// (a file separated by semicolons, say) every line is returned, so the header errors stay.
/// A row of more than `max_cells_per_row` cells or `max_row_bytes` bytes is refused with
/// TooLarge, code `import_too_large`, naming the row and column (docs/operations.md).
class CsvReader final : public TableSource {
 public:
  static constexpr std::size_t kMaxCellsPerRow = 1'024;
  static constexpr std::size_t kMaxRowBytes = 4u << 20;
  /// Single-cell lines looked at for the header before the file is read as it is.
  static constexpr std::size_t kMaxTitleLines = 5;
  explicit CsvReader(std::istream& in, std::size_t max_cells_per_row = kMaxCellsPerRow,
                     std::size_t max_row_bytes = kMaxRowBytes)
      : in_(in), max_cells_per_row_(max_cells_per_row), max_row_bytes_(max_row_bytes) {}
  Result<std::optional<TableRow>> Next() override;

 private:
  /// The next non-blank record, title lines included.
  Result<std::optional<TableRow>> NextRecord();
  bool Fill();
  std::istream& in_;
  std::size_t max_cells_per_row_;
  std::size_t max_row_bytes_;
  std::string buf_;
  std::size_t pos_ = 0;
  int line_ = 0;  // physical rows consumed so far
  bool bom_checked_ = false;
  bool read_failed_ = false;   // the stream went bad (an I/O or decoding error), not merely ended
  bool header_seen_ = false;   // the title lines above the header have been dealt with
  std::deque<TableRow> held_;  // single-cell lines given back when no header followed them
};

}  // namespace xj
