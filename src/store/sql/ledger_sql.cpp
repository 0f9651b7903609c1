#include "store/sql/ledger_sql.hpp"

#include "store/sql/entities.hpp"

namespace xj::sql {

LedgerQuerySql BuildLedgerQuery(const LedgerFilter& f, Dialect d) {
  LedgerQuerySql q;
  const auto bind = [&](Value v) {
    q.params.push_back(std::move(v));
    return Param(static_cast<int>(q.params.size()));
  };
  std::string where = " WHERE 1 = 1";
  // The subtree goes in as one parameter, so the statement text does not grow with it.
  if (!f.region_codes.empty()) where += " AND " + InList("e.region_code", bind(ListValue(f.region_codes, d)), d);
  if (f.fund_year) where += " AND e.fund_year = " + bind(std::int64_t{*f.fund_year});
  if (f.fund_source) where += " AND e.fund_source = " + bind(std::int64_t{static_cast<int>(*f.fund_source)});
  if (f.kind) where += " AND e.kind = " + bind(std::int64_t{static_cast<int>(*f.kind)});
  if (!f.project_code.empty()) where += " AND e.project_code = " + bind(f.project_code);
  if (f.from) where += " AND e.entry_date >= " + DateParam(bind(f.from->ToString()), d);
  if (f.to) where += " AND e.entry_date <= " + DateParam(bind(f.to->ToString()), d);
  if (!f.text.empty()) {
    const std::string p = bind(f.text);
    where += " AND (" + Position("e.entry_id", p, d) + " > 0 OR " + Position("e.payee", p, d) + " > 0 OR " +
             Position("e.note", p, d) + " > 0)";
  }
  if (f.oldest_first) where += " AND e.seq > " + bind(f.after_seq);
  q.count = "SELECT COUNT(*) FROM ledger_entries e" + where;
  const int n = static_cast<int>(q.params.size());
  q.page = "SELECT " + std::string(kEntryColumns) + ", " +
           std::string(f.with_reversed_by
                           ? "COALESCE((SELECT r.entry_id FROM ledger_entries r WHERE r.reverses = e.entry_id), '') "
                           : "'' ") +
           "FROM ledger_entries e" + where + (f.oldest_first ? " ORDER BY e.seq ASC" : " ORDER BY e.seq DESC") +
           " LIMIT " + Param(n + 1) + " OFFSET " + Param(n + 2);
  return q;
}

}  // namespace xj::sql
