#pragma once
/// Opens an uploaded or local table file as a `TableSource`, CSV or XLSX, deciding by content
/// (zip magic) first and by the file name or Content-Type second.

#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.hpp"
#include "io/csv_reader.hpp"
#include "io/text_encoding.hpp"

namespace xj {

enum class TableFormat { kCsv, kXlsx };

/// XLSX when `head` (the first bytes) starts a zip or an OLE2 file (the reader then explains an
/// old .xls), or when `hint` (a file name, a Content-Type, or both joined by ';') ends with .xlsx or
/// names spreadsheetml; CSV otherwise.
TableFormat DetectTableFormat(std::string_view head, std::string_view hint);
const char* TableFormatName(TableFormat f);

/// How a table file is read.
struct TableOptions {
  /// Refuse every XLSX formula cell, even one with a cached value (`--strict-formulas`,
  /// `strict_formulas=true`).
  bool strict_formulas = false;
};

/// An open table and what is known of its size before reading.
struct OpenedTable {
  TableFormat format = TableFormat::kCsv;
  std::unique_ptr<TableSource> source;
  /// Rows expected (XLSX: the sheet's declared last row; CSV: line count), for progress only.
  std::int64_t estimated_rows = 0;
};

/// Opens a file on disk; the file must stay in place while the source is read.
/// NotFound when the file cannot be opened; the XLSX reader's errors for a broken workbook.
/// A CSV is read once through before (ProbeTextEncoding): UTF-8, else decoded from GB18030, else
/// Rejected with code `invalid_encoding` naming row and column.
Result<OpenedTable> OpenTableFile(const std::string& path, std::string_view hint = {}, TableOptions options = {});
/// Opens a file held in memory; `data` must outlive the source (no copy is made).
Result<OpenedTable> OpenTableBuffer(std::string_view data, std::string_view hint = {}, TableOptions options = {});

/// A CsvReader that owns its input stream (UTF-8, or decoded from `encoding`).
class OwnedCsvSource final : public TableSource {
 public:
  explicit OwnedCsvSource(std::unique_ptr<std::istream> in, TextEncoding encoding = TextEncoding::kUtf8)
      : in_(std::move(in)), reader_(*in_), encoding_(encoding) {}
  Result<std::optional<TableRow>> Next() override { return reader_.Next(); }
  std::string encoding() const override { return TextEncodingName(encoding_); }

 private:
  std::unique_ptr<std::istream> in_;
  CsvReader reader_;
  TextEncoding encoding_;
};

}  // namespace xj
