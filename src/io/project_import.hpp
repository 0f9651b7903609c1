#pragma once
/// Reads the projects interchange format (docs/definitions.md §4) into rows for the domain.
///
/// FieldError codes this reader produces (stable, snake_case):
///   empty_file            the file has no header row
///   missing_column        a required column is absent (from TableHeader::Bind)
///   duplicate_column      two header cells name the same column (from TableHeader::Bind)
///   unclosed_quote, text_after_quote, cell_too_large   malformed CSV (from CsvReader)
///   missing_value         a required cell (project_code, year, region_code) is empty
///   empty_name            项目名称 is empty after trimming
///   invalid_code          project_code longer than 64 bytes or containing whitespace;
///                         region_code not 6, 9 or 12 digits
///   invalid_year          year is not an integer in 2000–2100
///   invalid_amount        an amount ParseYuan rejects
///   negative_amount       an amount below zero
///   invalid_date          a date that is not a valid YYYY-MM-DD
///   finish_without_start  actual_finish given without actual_start
///   finish_before_start   actual_finish < actual_start, or planned_finish < planned_start
///   invalid_status        status is neither an English state name nor a Chinese label
///   invalid_flag          a 0/1 column holding something other than 0, 1, 是, 否 or empty
///   duplicate_code        project_code repeats an earlier row of the file

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "domain/project.hpp"
#include "io/csv_reader.hpp"
#include "io/table_header.hpp"

namespace xj {

/// One data row of a projects file: its 1-based row number (header = 1) and the project.
struct ProjectRow {
  int row = 0;
  Project project;
};

/// Longest accepted idempotency key (项目编码, 凭证号), in bytes.
constexpr std::size_t kMaxImportKeyLength = 64;
/// Plan years (年度) and fund years (资金年度) outside this range are rejected.
constexpr int kMinImportYear = 2000;
constexpr int kMaxImportYear = 2100;

/// An idempotency key (项目编码, 凭证号): 1..kMaxImportKeyLength bytes, with no
/// ASCII control or space character, no no-break space and no full-width space.
bool IsValidImportKey(std::string_view key);

/// A year cell: ASCII digits only, within kMinImportYear..kMaxImportYear; nullopt otherwise.
std::optional<int> ParseImportYear(std::string_view text);

/// Reads every row; on any problem returns Status::Rejected with all of them (row,
/// column, value, code, Chinese message), never only the first. Checks what the file
/// alone can tell (cells, date order, duplicate codes within the file); whether the
/// region exists or a code is already stored is the caller's concern.
/// Absent or empty optional cells take the defaults of `Project`, except that a
/// missing status becomes `finished` when actual_finish is given and `started` when
/// only actual_start is given. Amount columns honour a 万元 unit in the header.
/// `header_out`, when given, receives the bound header (to place later errors in columns).
Result<std::vector<ProjectRow>> ReadProjectRows(TableSource& source, TableHeader* header_out = nullptr);

}  // namespace xj
