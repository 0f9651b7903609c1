#pragma once
/// Streaming reader of the first worksheet of an XLSX workbook (Office Open XML), behind the
/// same `TableSource` interface as `CsvReader`, so every row rule and error report is shared.
///
/// The worksheet XML is inflated and parsed in chunks (libzip + expat): memory does not grow
/// with the number of rows. Only the shared-string table is held (one pooled buffer).
/// This is the only header of the project that knows an XLSX file is a zip of XML parts, and
/// xlsx_reader.cpp the only translation unit that includes <zip.h> or <expat.h>.
///
/// What the reader does with cells:
///   - numbers are written as Excel shows them at 15 significant digits (`1234.5599999999999`
///     → `1234.56`, `540102` stays `540102`); numbers stored as text pass unchanged;
///   - a number whose cell style is a date format (built-in 14–22, 27–36, 45–47, 50–58 or a
///     custom format with y/m/d) becomes `YYYY-MM-DD` (1900 and 1904 date systems);
///   - booleans become `1` / `0`; shared and inline strings (with rich-text runs) their text;
///   - rows above the header holding at most one non-empty cell (merged titles, 单位 lines)
///     are skipped, as are blank rows and a totals row (first non-empty cell 合计/总计/小计/total).
///
/// FieldError codes it produces (stable, snake_case), each with the sheet name:
///   empty_file                  the file has no bytes
///   not_xlsx                    not a zip archive (or an old .xls / encrypted workbook)
///   no_sheet                    a zip without a workbook or without a worksheet
///   invalid_xml                 a part that is not well-formed XML
///   shared_string_out_of_range  a cell refers to a shared string that does not exist
///   formula_cell                a cell holds a formula without a cached value (what Excel, WPS or
///                               LibreOffice last calculated), or any formula when strict_formulas;
///                               a formula with a cached value is read as that value and listed
///                               in formula_cells()
///   cell_error                  a cell holds an error value (#N/A, #DIV/0! …)
///   cell_too_large              a cell longer than XlsxOptions::max_cell_bytes
///   too_large                   shared strings larger than XlsxOptions::max_shared_strings_bytes
///   import_too_large            past max_shared_strings, max_columns or max_sheet_bytes (TooLarge)
///   invalid_cell_reference      a cell reference outside A1:XFD1048576

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.hpp"
#include "io/csv_reader.hpp"

namespace xj {

/// Limits of the XLSX reader; every field is a hard bound against hostile files.
struct XlsxOptions {
  std::size_t max_cell_bytes = 1 << 20;               ///< same bound as a CSV cell (1 MiB)
  std::size_t max_shared_strings_bytes = 128u << 20;  ///< text of all shared strings
  std::size_t max_shared_strings = 8'000'000;         ///< entries of the shared-string table
  std::size_t max_columns = 1'024;                    ///< columns a non-empty cell may stand in
  std::size_t max_sheet_bytes = 1u << 30;             ///< the worksheet's XML once inflated
  std::size_t max_part_bytes = 64u << 20;             ///< workbook, rels, styles parts
  std::size_t chunk_bytes = 1 << 16;                  ///< inflated bytes parsed per step
  bool strict_formulas = false;                       ///< refuse every formula cell, cached value or not
};

/// Reads the first worksheet. Not thread-safe; one reader per import.
class XlsxReader final : public TableSource {
 public:
  /// Opens a workbook file. The file is read lazily; it must stay in place while reading.
  static Result<std::unique_ptr<XlsxReader>> OpenFile(const std::string& path, XlsxOptions options = {});
  /// Opens a workbook held in memory; `data` must outlive the reader (no copy is made).
  static Result<std::unique_ptr<XlsxReader>> OpenBuffer(std::string_view data, XlsxOptions options = {});
  ~XlsxReader() override;
  XlsxReader(const XlsxReader&) = delete;
  XlsxReader& operator=(const XlsxReader&) = delete;

  Result<std::optional<TableRow>> Next() override;
  /// The name of the first worksheet, as the workbook spells it.
  std::string sheet() const override;
  /// Rows the sheet declares in its <dimension> (last row number), 0 when it declares none.
  /// Known as soon as the reader is open; used for progress (rows read / total).
  std::int64_t declared_rows() const;
  FormulaCells formula_cells() const override;

 private:
  struct Impl;
  explicit XlsxReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Whether these first bytes of a file start a zip archive (an XLSX workbook).
bool LooksLikeZip(std::string_view head);
/// Whether these first bytes start an OLE2 compound file (old .xls, or an encrypted .xlsx).
bool LooksLikeOle2(std::string_view head);

/// Excel serial day number → date, in the 1900 date system (with Excel's phantom 1900-02-29)
/// or the 1904 one. Fractions (times of day) are dropped. nullopt outside 1900–9999.
std::optional<std::string> ExcelSerialToIsoDate(double serial, bool date1904);

/// Whether an Excel number format code shows a date or time (`yyyy"年"m"月"d"日"` yes,
/// `#,##0.00"元"` no). Quoted text, escaped characters and [colour] brackets are ignored.
bool IsDateFormatCode(std::string_view code);

}  // namespace xj
