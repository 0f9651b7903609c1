#pragma once
/// Where the two SQL dialects differ, as small named functions. Every statement of sql/ is
/// written once, with $1, $2, … parameters (both drivers bind them by number), and calls these
/// for the few spots where SQLite and PostgreSQL spell a thing differently.

#include <string>
#include <string_view>
#include <vector>

namespace xj {

enum class SqlDialect { kSqlite, kPostgres };

namespace sql {

using Dialect = SqlDialect;

/// Parameter number `n`: "$n".
std::string Param(int n);
/// "$1, $2, …, $count" starting at `first`.
std::string Params(int count, int first = 1);

/// A list of texts as one parameter value: a JSON array (SQLite's json_each) or a text[]
/// literal (PostgreSQL). Any text goes: quotes, backslashes and control characters are escaped.
std::string ListValue(const std::vector<std::string>& items, Dialect d);
/// `column` is one of the texts of list parameter `param` (a ListValue).
std::string InList(std::string_view column, std::string_view param, Dialect d);
/// True when the list parameter `param` is NULL (no filter).
std::string ListIsNull(std::string_view param, Dialect d);
/// A date parameter where the type cannot be inferred from a column (PostgreSQL casts it).
std::string DateParam(std::string_view param, Dialect d);
/// The scalar larger / smaller of two values (SQLite MAX/MIN, PostgreSQL GREATEST/LEAST).
std::string Greatest(std::string_view a, std::string_view b, Dialect d);
std::string Least(std::string_view a, std::string_view b, Dialect d);
/// The date `months` months after date `date` (an integer expression), a day the month lacks
/// clamped to its last (31 Jan + 1 month = 28/29 Feb), as both backends' month arithmetic is not.
std::string AddMonths(std::string_view date, std::string_view months, Dialect d);
/// Today's date on the database server.
std::string_view CurrentDate(Dialect d);
/// 1-based position of `needle` in `haystack`, 0 when absent (instr / strpos).
std::string Position(std::string_view haystack, std::string_view needle, Dialect d);
/// `count` consecutive new values of the ledger's seq, one row each (PostgreSQL: from the
/// sequence; SQLite: after the largest seq, under the write lock of BEGIN IMMEDIATE). $1 = count.
std::string_view ReserveLedgerSeqs(Dialect d);

/// Extra columns of the indicator engine's ledger scan with the voucher id and payee of 以拨代支
/// rows. PostgreSQL selects them with the rest; SQLite selects none and looks those few rows up by
/// seq while its scan is open (the CASE columns cost it a third of the scan's CPU).
std::string_view GovPayeeColumns(Dialect d);

}  // namespace sql
}  // namespace xj
