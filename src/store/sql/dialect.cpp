#include "store/sql/dialect.hpp"

namespace xj::sql {

std::string Param(int n) {
  std::string p(1, '$');
  p += std::to_string(n);
  return p;
}

std::string Params(int count, int first) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    if (i > 0) out += ", ";
    out += Param(first + i);
  }
  return out;
}

std::string ListValue(const std::vector<std::string>& items, Dialect d) {
  std::string out(1, d == Dialect::kSqlite ? '[' : '{');
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (char c : items[i]) {
      if (d == Dialect::kSqlite && static_cast<unsigned char>(c) < 0x20) {
        // JSON strings hold no raw control character: json_each would refuse the whole list.
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[(c >> 4) & 0xf];
        out += kHex[c & 0xf];
        continue;
      }
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += d == Dialect::kSqlite ? ']' : '}';
  return out;
}

std::string InList(std::string_view column, std::string_view param, Dialect d) {
  if (d == Dialect::kSqlite)
    return std::string(column) + " IN (SELECT value FROM json_each(" + std::string(param) + "))";
  return std::string(column) + " = ANY (" + std::string(param) + "::text[])";
}

std::string ListIsNull(std::string_view param, Dialect d) {
  return std::string(param) + (d == Dialect::kSqlite ? " IS NULL" : "::text[] IS NULL");
}

std::string DateParam(std::string_view param, Dialect d) {
  return std::string(param) + (d == Dialect::kSqlite ? "" : "::date");
}

std::string Greatest(std::string_view a, std::string_view b, Dialect d) {
  return (d == Dialect::kSqlite ? "MAX(" : "GREATEST(") + std::string(a) + ", " + std::string(b) + ")";
}

std::string Least(std::string_view a, std::string_view b, Dialect d) {
  return (d == Dialect::kSqlite ? "MIN(" : "LEAST(") + std::string(a) + ", " + std::string(b) + ")";
}

std::string AddMonths(std::string_view date, std::string_view months, Dialect d) {
  const std::string x(date), n = "CAST(" + std::string(months) + " AS INTEGER)";
  if (d == Dialect::kPostgres) return "CAST(" + x + " + make_interval(months => " + n + ") AS DATE)";
  // SQLite's '+N months' overflows into the next month (31 Jan + 1 month = 3 Mar): take the
  // same day of the target month or, when it lacks that day, the target month's last day.
  return "MIN(date(" + x + ", 'start of month', '+' || " + n + " || ' months', '+' || (CAST(strftime('%d', " + x +
         ") AS INTEGER) - 1) || ' days'), date(" + x + ", 'start of month', '+' || (" + n +
         " + 1) || ' months', '-1 day'))";
}

std::string_view CurrentDate(Dialect d) {
  return d == Dialect::kSqlite ? "date('now')" : "CURRENT_DATE";
}

std::string Position(std::string_view haystack, std::string_view needle, Dialect d) {
  return (d == Dialect::kSqlite ? "instr(" : "strpos(") + std::string(haystack) + ", " + std::string(needle) + ")";
}

std::string_view ReserveLedgerSeqs(Dialect d) {
  if (d == Dialect::kSqlite) {
    return "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1) "
           "SELECT (SELECT COALESCE(MAX(seq), 0) FROM ledger_entries) + i FROM n";
  }
  return "SELECT nextval(pg_get_serial_sequence('ledger_entries', 'seq')) FROM generate_series(1, $1::bigint)";
}

std::string_view GovPayeeColumns(Dialect d) {
  if (d == Dialect::kSqlite) return "";
  return ", CASE WHEN kind = 3 AND effective_payee_type = 4 THEN entry_id ELSE '' END, "
         "CASE WHEN kind = 3 AND effective_payee_type = 4 THEN payee ELSE '' END";
}

}  // namespace xj::sql
