// Plain-SQL recomputation of every figure for `xianjie verify` (PostgreSQL dialect):
// a port of sqlite_verify.cpp, kept query for query in step with it. Differences:
// GREATEST/LEAST for SQLite's scalar MAX/MIN, typed parameters ($2::date), SUMs of
// BIGINT (NUMERIC in PostgreSQL) cast back before the integer division by 10000,
// which truncates like SQLite's for the positive operands it sees. Joins and window
// partitions of per-project rows also match on province_code (the distribution key)
// so that on Citus they stay inside one shard group (docs/operations.md).
#include <unordered_map>

#include "store/postgres/postgres_store.hpp"

namespace xj {
namespace {

constexpr const char kCountProjects[] = "SELECT COUNT(*) FROM projects";

constexpr const char kYearsAndSources[] =
    "SELECT DISTINCT fund_year, fund_source FROM ledger_entries "
    "UNION SELECT DISTINCT year, 1 FROM projects ORDER BY 1, 2";

// $1::int year, $2::date as-of.
constexpr const char kProjectFiguresSql[] = R"sql(
WITH RECURSIVE closure(ancestor, descendant) AS (
  SELECT code, code FROM regions
  UNION ALL
  SELECT c.ancestor, r.code FROM closure c JOIN regions r ON r.parent_code = c.descendant
),
cat AS (
  SELECT c.* FROM project_categories c
  WHERE c.effective_from = (SELECT MAX(x.effective_from) FROM project_categories x
                            WHERE x.code = c.code AND x.effective_from <= CURRENT_DATE)
),
p AS (
  SELECT region_code, actual_start, actual_finish, central_fund_fen,
    CASE
      WHEN EXISTS (SELECT 1 FROM cat WHERE cat.code = projects.category)
        THEN (SELECT industry FROM cat WHERE cat.code = projects.category)
      WHEN subcategory <> '' AND EXISTS (SELECT 1 FROM cat WHERE cat.level2 = projects.subcategory)
        THEN (SELECT industry FROM cat WHERE cat.level2 = projects.subcategory ORDER BY cat.code LIMIT 1)
      WHEN EXISTS (SELECT 1 FROM cat WHERE cat.level2 = projects.category)
        THEN (SELECT industry FROM cat WHERE cat.level2 = projects.category ORDER BY cat.code LIMIT 1)
      WHEN EXISTS (SELECT 1 FROM cat WHERE cat.level1 = projects.category)
        THEN (SELECT MIN(industry) FROM cat WHERE cat.level1 = projects.category)
      ELSE 0
    END AS industry
  -- In the year's plan (InYearPlan): planned (6) … handed_over (11); not library-stage,
  -- rejected (12), rolled over (13) or cancelled (14).
  FROM projects WHERE year = $1::int AND status BETWEEN 6 AND 11
)
SELECT c.ancestor, COUNT(*),
  SUM(CASE WHEN p.actual_start IS NOT NULL AND p.actual_start <= $2::date THEN 1 ELSE 0 END),
  SUM(CASE WHEN p.actual_finish IS NOT NULL AND p.actual_finish <= $2::date THEN 1 ELSE 0 END),
  SUM(p.central_fund_fen),
  SUM(CASE WHEN p.industry = 1 THEN p.central_fund_fen ELSE 0 END)
FROM closure c JOIN p ON p.region_code = c.descendant
GROUP BY c.ancestor
)sql";

// $1::int fund year, $2::date as-of, $3::int fund source.
constexpr const char kLedgerFiguresSql[] = R"sql(
WITH RECURSIVE closure(ancestor, descendant) AS (
  SELECT code, code FROM regions
  UNION ALL
  SELECT c.ancestor, r.code FROM closure c JOIN regions r ON r.parent_code = c.descendant
),
e AS (
  -- The effect of a reversal is derived here from the raw rows (the reversed entry's
  -- kind and payee type, negative amount), not read from the stored resolution.
  SELECT l.region_code, COALESCE(o.kind, l.kind) AS effective_kind,
    COALESCE(o.payee_type, l.payee_type) AS effective_payee_type, l.project_code,
    CASE WHEN l.kind = 4 THEN -l.amount_fen ELSE l.amount_fen END AS amount
  FROM ledger_entries l LEFT JOIN ledger_entries o ON l.kind = 4 AND o.entry_id = l.reverses
  WHERE l.fund_year = $1::int AND l.entry_date <= $2::date AND l.fund_source = $3::int
)
SELECT c.ancestor,
  SUM(CASE WHEN e.effective_kind = 1 THEN e.amount ELSE 0 END),
  SUM(CASE WHEN e.effective_kind = 1 AND e.project_code IS NOT NULL THEN e.amount ELSE 0 END),
  SUM(CASE WHEN e.effective_kind = 2 THEN e.amount ELSE 0 END),
  SUM(CASE WHEN e.effective_kind = 3 THEN e.amount ELSE 0 END),
  SUM(CASE WHEN e.effective_kind = 3 AND e.effective_payee_type = 4 THEN e.amount ELSE 0 END)
FROM closure c JOIN e ON e.region_code = c.descendant
GROUP BY c.ancestor
)sql";

// 超进度拨款 by SQL: per project, payments beyond the cap — max(Σ advance rate × contract, latest
// progress × contract) (a contract's own rate, else $4), at most (1 − retention) × contract until the defects-liability
// period after 竣工验收 has ended (acceptance + N months; PostgreSQL's month arithmetic clamps to the month's last day)
// — attributed to the latest payments first; then summed per region subtree for one fund year and source. $1::int fund
// year, $2::date as-of, $3::int fund source, $4::bigint advance cap bp, $5::bigint retention bp, $6::int liability
// months.
constexpr const char kPayAheadSql[] = R"sql(
WITH RECURSIVE closure(ancestor, descendant) AS (
  SELECT code, code FROM regions
  UNION ALL
  SELECT c.ancestor, r.code FROM closure c JOIN regions r ON r.parent_code = c.descendant
),
contract AS (
  SELECT province_code, project_code, SUM(amount_fen)::bigint AS amount,
    SUM(amount_fen * COALESCE(advance_bp, $4::bigint))::bigint AS advance_x FROM project_contracts
  WHERE signed_on <= $2::date GROUP BY province_code, project_code
),
progress AS (
  SELECT province_code, project_code, progress_hundredths AS bp FROM (
    SELECT province_code, project_code, progress_hundredths,
      ROW_NUMBER() OVER (PARTITION BY province_code, project_code ORDER BY report_date DESC, id DESC) AS n
    FROM progress_reports WHERE report_date <= $2::date) latest WHERE n = 1
),
accepted AS (
  SELECT province_code, project_code, MAX(on_date) AS on_date FROM project_transitions WHERE to_state = 10
  GROUP BY province_code, project_code
),
pay AS (
  SELECT l.province_code, l.project_code, l.seq, l.entry_date, l.amount_fen, l.region_code, l.fund_year, l.fund_source
  FROM ledger_entries l
  WHERE l.kind = 3 AND l.payee_type <> 4 AND l.entry_date <= $2::date AND l.project_code IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.province_code = l.province_code
                    AND r.reverses = l.entry_id AND r.entry_date <= $2::date)
),
excess AS (
  SELECT pay.province_code, pay.project_code,
    GREATEST(0, SUM(pay.amount_fen) - (CASE
      WHEN accepted.on_date IS NOT NULL AND $2::date >= (accepted.on_date + make_interval(months => $6::int))::date
        THEN GREATEST(contract.advance_x, contract.amount * COALESCE(progress.bp, 0))
      ELSE LEAST(GREATEST(contract.advance_x, contract.amount * COALESCE(progress.bp, 0)),
                 contract.amount * (10000 - $5::bigint))
    END) / 10000)::bigint AS amount
  FROM pay JOIN contract ON contract.province_code = pay.province_code AND contract.project_code = pay.project_code
  LEFT JOIN progress ON progress.province_code = pay.province_code AND progress.project_code = pay.project_code
  LEFT JOIN accepted ON accepted.province_code = pay.province_code AND accepted.project_code = pay.project_code
  GROUP BY pay.province_code, pay.project_code, contract.amount, contract.advance_x, progress.bp, accepted.on_date
),
ranked AS (
  SELECT pay.*, excess.amount AS excess,
    COALESCE(SUM(pay.amount_fen) OVER (PARTITION BY pay.province_code, pay.project_code
             ORDER BY pay.entry_date DESC, pay.seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS later
  FROM pay JOIN excess ON excess.province_code = pay.province_code AND excess.project_code = pay.project_code
  WHERE excess.amount > 0
),
flagged AS (
  SELECT region_code, GREATEST(0, LEAST(amount_fen, excess - later)) AS amount
  FROM ranked WHERE fund_year = $1::int AND fund_source = $3::int
)
SELECT c.ancestor, SUM(f.amount) FROM closure c JOIN flagged f ON f.region_code = c.descendant
GROUP BY c.ancestor
)sql";

}  // namespace

Result<std::int64_t> PostgresStore::CountProjects() {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kCountProjects));
  return rows.Int(0, 0);
}

Result<std::vector<std::pair<int, FundSource>>> PostgresStore::FundYearsAndSources() {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kYearsAndSources));
  std::vector<std::pair<int, FundSource>> out;
  for (int i = 0; i < rows.size(); ++i) {
    out.emplace_back(static_cast<int>(rows.Int(i, 0)), static_cast<FundSource>(rows.Int(i, 1)));
  }
  return out;
}

Result<std::vector<SqlRegionFigures>> PostgresStore::ComputeFiguresBySql(const SqlFiguresQuery& q) {
  XJ_ASSIGN_OR_RETURN(ConnRef c, Connection());
  std::unordered_map<std::string, SqlRegionFigures> by_region;
  auto at = [&](const std::string& code) -> SqlRegionFigures& {
    SqlRegionFigures& f = by_region[code];
    f.region_code = code;
    return f;
  };
  const std::string year = std::to_string(q.year);
  const std::string as_of = q.as_of.ToString();
  const std::string source = std::to_string(static_cast<int>(q.fund_source));
  {
    XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kProjectFiguresSql, {year, as_of}));
    for (int i = 0; i < rows.size(); ++i) {
      SqlRegionFigures& f = at(rows.Text(i, 0));
      f.projects_total = rows.Int(i, 1);
      f.projects_started = rows.Int(i, 2);
      f.projects_finished = rows.Int(i, 3);
      f.planned_total = rows.Int(i, 4);
      f.planned_industry = rows.Int(i, 5);
    }
  }
  {
    XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kLedgerFiguresSql, {year, as_of, source}));
    for (int i = 0; i < rows.size(); ++i) {
      SqlRegionFigures& f = at(rows.Text(i, 0));
      f.allocated = rows.Int(i, 1);
      f.allocated_to_projects = rows.Int(i, 2);
      f.disbursed = rows.Int(i, 3);
      f.expended = rows.Int(i, 4);
      f.disburse_as_expend = rows.Int(i, 5);
    }
  }
  {
    XJ_ASSIGN_OR_RETURN(pg::Rows rows, c->Query(kPayAheadSql, {year, as_of, source, std::to_string(q.advance_cap_bp),
                                                               std::to_string(q.retention_bp),
                                                               std::to_string(q.defects_liability_months)}));
    for (int i = 0; i < rows.size(); ++i) at(rows.Text(i, 0)).pay_ahead = rows.Int(i, 1);
  }
  std::vector<SqlRegionFigures> out;
  out.reserve(by_region.size());
  for (auto& [code, f] : by_region) out.push_back(std::move(f));
  return out;
}

}  // namespace xj
