#include "store/ledger_query.hpp"

namespace xj {
namespace {

/// A JSON array (SQLite's json_each) or a text[] literal (PostgreSQL) of the codes.
std::string CodeList(const std::vector<std::string>& codes, SqlDialect dialect) {
  std::string out(1, dialect == SqlDialect::kSqlite ? '[' : '{');
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (char c : codes[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += dialect == SqlDialect::kSqlite ? ']' : '}';
  return out;
}

}  // namespace

LedgerQuerySql BuildLedgerQuery(const LedgerFilter& f, SqlDialect dialect) {
  LedgerQuerySql q;
  const auto placeholder = [&](std::size_t n) {
    std::string p(1, dialect == SqlDialect::kSqlite ? '?' : '$');
    p += std::to_string(n);
    return p;
  };
  const auto bind = [&](std::variant<std::int64_t, std::string> v) {
    q.params.push_back(std::move(v));
    return placeholder(q.params.size());
  };
  std::string where = " WHERE 1 = 1";
  if (!f.region_codes.empty()) {
    const std::string p = bind(CodeList(f.region_codes, dialect));
    where += dialect == SqlDialect::kSqlite ? " AND e.region_code IN (SELECT value FROM json_each(" + p + "))"
                                            : " AND e.region_code = ANY (" + p + "::text[])";
  }
  if (f.fund_year) where += " AND e.fund_year = " + bind(std::int64_t{*f.fund_year});
  if (f.fund_source) where += " AND e.fund_source = " + bind(std::int64_t{static_cast<int>(*f.fund_source)});
  if (f.kind) where += " AND e.kind = " + bind(std::int64_t{static_cast<int>(*f.kind)});
  if (!f.project_code.empty()) where += " AND e.project_code = " + bind(f.project_code);
  const std::string date_cast = dialect == SqlDialect::kSqlite ? "" : "::date";
  if (f.from) where += " AND e.entry_date >= " + bind(f.from->ToString()) + date_cast;
  if (f.to) where += " AND e.entry_date <= " + bind(f.to->ToString()) + date_cast;
  if (!f.text.empty()) {
    const std::string p = bind(f.text);
    const std::string fn = dialect == SqlDialect::kSqlite ? "instr(" : "strpos(";
    where += " AND (" + fn + "e.entry_id, " + p + ") > 0 OR " + fn + "e.payee, " + p + ") > 0 OR " + fn + "e.note, " +
             p + ") > 0)";
  }
  if (f.oldest_first) where += " AND e.seq > " + bind(f.after_seq);
  q.count = "SELECT COUNT(*) FROM ledger_entries e" + where;
  const std::string limit = placeholder(q.params.size() + 1);
  const std::string offset = placeholder(q.params.size() + 2);
  q.page =
      "SELECT e.seq, e.entry_id, e.entry_date, e.kind, e.fund_source, e.fund_year, e.region_code, "
      "COALESCE(e.project_code, ''), e.amount_fen, e.payee, e.payee_type, COALESCE(e.reverses, ''), e.note, "
      "e.effective_kind, e.effective_payee_type, e.sign, " +
      std::string(f.with_reversed_by
                      ? "COALESCE((SELECT r.entry_id FROM ledger_entries r WHERE r.reverses = e.entry_id), '') "
                      : "'' ") +
      "FROM ledger_entries e" + where + (f.oldest_first ? " ORDER BY e.seq ASC" : " ORDER BY e.seq DESC") + " LIMIT " +
      limit + " OFFSET " + offset;
  return q;
}

}  // namespace xj
