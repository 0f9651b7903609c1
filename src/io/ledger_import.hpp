#pragma once
/// Reads the ledger interchange format (docs/definitions.md §4) into entries for the domain.
///
/// FieldError codes this reader produces (stable, snake_case):
///   empty_file            the file has no header row
///   missing_column        a required column is absent (from TableHeader::Bind)
///   duplicate_column      two header cells name the same column (from TableHeader::Bind)
///   unclosed_quote, text_after_quote, cell_too_large   malformed CSV (from CsvReader)
///   missing_value         a required cell (entry_id, date, kind, fund_source, fund_year,
///                         region_code, amount) is empty
///   invalid_code          entry_id, reverses or project_code longer than 64 bytes or
///                         containing whitespace; region_code not 6, 9 or 12 digits
///   invalid_date          date is not a valid YYYY-MM-DD
///   invalid_kind          kind is not allocate|disburse|expend|reverse or 下达|拨付|支出|冲销
///   invalid_fund_source   fund_source is not a known source (ParseFundSource)
///   invalid_year          fund_year is not an integer in 2000–2100
///   invalid_amount        amount ParseYuan rejects
///   non_positive_amount   amount is zero or negative
///   invalid_payee_type    payee_type is not a known type (ParsePayeeType)
///   project_required      a disburse or expend entry without project_code
///   reverses_required     a reverse entry without reverses
///   reverses_self         a reverse entry that names its own entry_id
///   reverses_not_allowed  reverses given on an allocate, disburse or expend entry
///   duplicate_entry_id    entry_id repeats an earlier row of the file

#include <vector>

#include "core/status.hpp"
#include "domain/ledger.hpp"
#include "io/csv_reader.hpp"
#include "io/table_header.hpp"

namespace xj {

/// One data row of a ledger file: its 1-based row number (header = 1) and the entry.
struct LedgerRow {
  int row = 0;
  LedgerEntry entry;
};

/// Reads every row; on any problem returns Status::Rejected with all of them (row,
/// column, value, code, Chinese message), never only the first. Checks what the file
/// alone can tell; whether the region, the project or the reversed entry exists, and
/// whether an entry_id is already stored, is the caller's concern. The amount column
/// honours a 万元 unit in the header (`金额（万元）`).
/// `header_out`, when given, receives the bound header (to place later errors in columns).
Result<std::vector<LedgerRow>> ReadLedgerRows(TableSource& source, TableHeader* header_out = nullptr);

}  // namespace xj
