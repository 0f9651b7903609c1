#pragma once
/// The error report of a rejected import as an XLSX workbook (导入错误表): a list of every
/// problem (sheet, row, column, value, reason), and the offending rows of the uploaded file as
/// they were read, with each offending cell highlighted.

#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "io/csv_reader.hpp"

namespace xj {

/// Writes `errors` to `path`. When `original` is given (the uploaded file, re-opened), a
/// second sheet copies its header and every row named by an error, highlighting the cells.
/// Columns are named in Chinese as `kind`'s format names them (ColumnLabel, io/import_template.hpp).
Status WriteErrorWorkbook(const std::string& path, const std::vector<FieldError>& errors, TableSource* original,
                          const std::string& generated_at, std::string_view kind = {});

/// "A" for 1, "AB" for 28: the column letters of a 1-based column number ("" for 0).
std::string SpreadsheetColumn(int column_index);

}  // namespace xj
