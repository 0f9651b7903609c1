// Plain-SQL recomputation of every figure for `xianjie verify` (SQLite dialect).
// Deliberately independent of the engine: a region closure by recursive CTE and
// GROUP BY over the raw rows.
#include <unordered_map>

#include "store/sqlite/sqlite_store.hpp"

namespace xj {
namespace {

constexpr const char kCountProjects[] = "SELECT COUNT(*) FROM projects";

constexpr const char kYearsAndSources[] =
    "SELECT DISTINCT fund_year, fund_source FROM ledger_entries "
    "UNION SELECT DISTINCT year, 1 FROM projects ORDER BY 1, 2";

// ?1 year, ?2 as-of.
constexpr const char kProjectFiguresSql[] = R"sql(
WITH RECURSIVE closure(ancestor, descendant) AS (
  SELECT code, code FROM regions
  UNION ALL
  SELECT c.ancestor, r.code FROM closure c JOIN regions r ON r.parent_code = c.descendant
),
cat AS (
  SELECT c.* FROM project_categories c
  WHERE c.effective_from = (SELECT MAX(x.effective_from) FROM project_categories x
                            WHERE x.code = c.code AND x.effective_from <= date('now'))
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
  FROM projects WHERE year = ?1 AND status BETWEEN 6 AND 11
)
SELECT c.ancestor, COUNT(*),
  SUM(CASE WHEN p.actual_start IS NOT NULL AND p.actual_start <= ?2 THEN 1 ELSE 0 END),
  SUM(CASE WHEN p.actual_finish IS NOT NULL AND p.actual_finish <= ?2 THEN 1 ELSE 0 END),
  SUM(p.central_fund_fen),
  SUM(CASE WHEN p.industry = 1 THEN p.central_fund_fen ELSE 0 END)
FROM closure c JOIN p ON p.region_code = c.descendant
GROUP BY c.ancestor
)sql";

// ?1 fund year, ?2 as-of, ?3 fund source.
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
  WHERE l.fund_year = ?1 AND l.entry_date <= ?2 AND l.fund_source = ?3
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
// progress × contract) (a contract's own rate, else ?4), at most (1 − retention) × contract until the defects-liability
// period after 竣工验收 has ended (acceptance + N months, a missing day of the month clamped to its last) — attributed
// to the latest payments first; then summed per region subtree for one fund year and source. ?1 fund year, ?2 as-of, ?3
// fund source, ?4 advance cap bp, ?5 retention bp, ?6 liability months.
constexpr const char kPayAheadSql[] = R"sql(
WITH RECURSIVE closure(ancestor, descendant) AS (
  SELECT code, code FROM regions
  UNION ALL
  SELECT c.ancestor, r.code FROM closure c JOIN regions r ON r.parent_code = c.descendant
),
contract AS (
  SELECT project_code, SUM(amount_fen) AS amount, SUM(amount_fen * COALESCE(advance_bp, ?4)) AS advance_x
  FROM project_contracts WHERE signed_on <= ?2 GROUP BY project_code
),
progress AS (
  SELECT project_code, progress_hundredths AS bp FROM (
    SELECT project_code, progress_hundredths,
      ROW_NUMBER() OVER (PARTITION BY project_code ORDER BY report_date DESC, id DESC) AS n
    FROM progress_reports WHERE report_date <= ?2) WHERE n = 1
),
accepted AS (
  SELECT project_code, MAX(on_date) AS on_date FROM project_transitions WHERE to_state = 10 GROUP BY project_code
),
pay AS (
  SELECT l.project_code, l.seq, l.entry_date, l.amount_fen, l.region_code, l.fund_year, l.fund_source
  FROM ledger_entries l
  WHERE l.kind = 3 AND l.payee_type <> 4 AND l.entry_date <= ?2 AND l.project_code IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses = l.entry_id AND r.entry_date <= ?2)
),
excess AS (
  SELECT pay.project_code,
    MAX(0, SUM(pay.amount_fen) - (CASE
      WHEN accepted.on_date IS NOT NULL AND ?2 >= MIN(
             date(accepted.on_date, 'start of month', '+' || ?6 || ' months',
                  '+' || (CAST(strftime('%d', accepted.on_date) AS INTEGER) - 1) || ' days'),
             date(accepted.on_date, 'start of month', '+' || (?6 + 1) || ' months', '-1 day'))
        THEN MAX(contract.advance_x, contract.amount * COALESCE(progress.bp, 0))
      ELSE MIN(MAX(contract.advance_x, contract.amount * COALESCE(progress.bp, 0)), contract.amount * (10000 - ?5))
    END) / 10000) AS amount
  FROM pay JOIN contract ON contract.project_code = pay.project_code
  LEFT JOIN progress ON progress.project_code = pay.project_code
  LEFT JOIN accepted ON accepted.project_code = pay.project_code
  GROUP BY pay.project_code
),
ranked AS (
  SELECT pay.*, excess.amount AS excess,
    COALESCE(SUM(pay.amount_fen) OVER (PARTITION BY pay.project_code ORDER BY pay.entry_date DESC, pay.seq DESC
             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS later
  FROM pay JOIN excess ON excess.project_code = pay.project_code
  WHERE excess.amount > 0
),
flagged AS (
  SELECT region_code, MAX(0, MIN(amount_fen, excess - later)) AS amount
  FROM ranked WHERE fund_year = ?1 AND fund_source = ?3
)
SELECT c.ancestor, SUM(f.amount) FROM closure c JOIN flagged f ON f.region_code = c.descendant
GROUP BY c.ancestor
)sql";

}  // namespace

Result<std::int64_t> SqliteStore::CountProjects() {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kCountProjects));
  XJ_ASSIGN_OR_RETURN(bool row, st->Step());
  const std::int64_t n = row ? st->Int(0) : 0;
  st->Reset();
  return n;
}

Result<std::vector<std::pair<int, FundSource>>> SqliteStore::FundYearsAndSources() {
  std::lock_guard lock(mu_);
  XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kYearsAndSources));
  std::vector<std::pair<int, FundSource>> out;
  for (;;) {
    XJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.emplace_back(static_cast<int>(st->Int(0)), static_cast<FundSource>(st->Int(1)));
  }
  return out;
}

Result<std::vector<SqlRegionFigures>> SqliteStore::ComputeFiguresBySql(const SqlFiguresQuery& q) {
  std::lock_guard lock(mu_);
  std::unordered_map<std::string, SqlRegionFigures> by_region;
  auto at = [&](const std::string& code) -> SqlRegionFigures& {
    SqlRegionFigures& f = by_region[code];
    f.region_code = code;
    return f;
  };
  const std::string as_of = q.as_of.ToString();
  {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kProjectFiguresSql));
    st->Bind(1, std::int64_t{q.year}).Bind(2, as_of);
    for (;;) {
      XJ_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      SqlRegionFigures& f = at(st->Text(0));
      f.projects_total = st->Int(1);
      f.projects_started = st->Int(2);
      f.projects_finished = st->Int(3);
      f.planned_total = st->Int(4);
      f.planned_industry = st->Int(5);
    }
  }
  {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kLedgerFiguresSql));
    st->Bind(1, std::int64_t{q.year}).Bind(2, as_of).Bind(3, std::int64_t{static_cast<int>(q.fund_source)});
    for (;;) {
      XJ_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      SqlRegionFigures& f = at(st->Text(0));
      f.allocated = st->Int(1);
      f.allocated_to_projects = st->Int(2);
      f.disbursed = st->Int(3);
      f.expended = st->Int(4);
      f.disburse_as_expend = st->Int(5);
    }
  }
  {
    XJ_ASSIGN_OR_RETURN(sqlite::Stmt * st, db_->Prepare(kPayAheadSql));
    st->Bind(1, std::int64_t{q.year})
        .Bind(2, as_of)
        .Bind(3, std::int64_t{static_cast<int>(q.fund_source)})
        .Bind(4, q.advance_cap_bp)
        .Bind(5, q.retention_bp)
        .Bind(6, q.defects_liability_months);
    for (;;) {
      XJ_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      at(st->Text(0)).pay_ahead = st->Int(1);
    }
  }
  std::vector<SqlRegionFigures> out;
  out.reserve(by_region.size());
  for (auto& [code, f] : by_region) out.push_back(std::move(f));
  return out;
}

}  // namespace xj
