// Plain-SQL recomputation of every figure for `xianjie verify`, one text for both backends.
// Deliberately independent of the engine: a region closure by recursive CTE and GROUP BY over
// the raw rows. Joins and window partitions of per-project rows also match on province_code
// (the distribution key), so that on Citus they stay inside one shard group
// (docs/operations.md). SUMs are cast to BIGINT before the integer division by 10000 (they are
// NUMERIC in PostgreSQL), which truncates alike on both for the positive operands it sees.
#include <unordered_map>

#include "store/sql/entities.hpp"
#include "store/sql/sql_store.hpp"

namespace xj::sql {
namespace {

constexpr const char kCountProjects[] = "SELECT COUNT(*) FROM projects";

constexpr const char kYearsAndSources[] =
    "SELECT DISTINCT fund_year, fund_source FROM ledger_entries "
    "UNION SELECT DISTINCT year, 1 FROM projects ORDER BY 1, 2";

constexpr const char kClosure[] = R"sql(
WITH RECURSIVE closure(ancestor, descendant) AS (
  SELECT code, code FROM regions
  UNION ALL
  SELECT c.ancestor, r.code FROM closure c JOIN regions r ON r.parent_code = c.descendant
))sql";

// $1 year, $2 as-of.
const DialectSql kProjectFiguresSql([](Dialect d) {
  return std::string(kClosure) + R"sql(,
cat AS (
  SELECT c.* FROM project_categories c
  WHERE c.effective_from = (SELECT MAX(x.effective_from) FROM project_categories x
                            WHERE x.code = c.code AND x.effective_from <= )sql" +
         std::string(CurrentDate(d)) + R"sql()
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
  FROM projects WHERE year = $1 AND status <> 14
)
SELECT c.ancestor, COUNT(*),
  SUM(CASE WHEN p.actual_start IS NOT NULL AND p.actual_start <= $2 THEN 1 ELSE 0 END),
  SUM(CASE WHEN p.actual_finish IS NOT NULL AND p.actual_finish <= $2 THEN 1 ELSE 0 END),
  SUM(p.central_fund_fen),
  SUM(CASE WHEN p.industry = 1 THEN p.central_fund_fen ELSE 0 END)
FROM closure c JOIN p ON p.region_code = c.descendant
GROUP BY c.ancestor
)sql";
});

// $1 fund year, $2 as-of, $3 fund source.
const DialectSql kLedgerFiguresSql([](Dialect) {
  return std::string(kClosure) + R"sql(,
e AS (
  -- The effect of a reversal is derived here from the raw rows (the reversed entry's
  -- kind and payee type, negative amount), not read from the stored resolution.
  SELECT l.region_code, COALESCE(o.kind, l.kind) AS effective_kind,
    COALESCE(o.payee_type, l.payee_type) AS effective_payee_type, l.project_code,
    CASE WHEN l.kind = 4 THEN -l.amount_fen ELSE l.amount_fen END AS amount
  FROM ledger_entries l LEFT JOIN ledger_entries o ON l.kind = 4 AND o.entry_id = l.reverses
  WHERE l.fund_year = $1 AND l.entry_date <= $2 AND l.fund_source = $3
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
});

// 超进度拨款 by SQL: per project, payments beyond the cap, attributed to the latest
// payments first; then summed per region subtree for one fund year and source.
// $1 fund year, $2 as-of, $3 fund source, $4 advance cap bp, $5 retention bp.
const DialectSql kPayAheadSql([](Dialect d) {
  return std::string(kClosure) + R"sql(,
contract AS (
  SELECT province_code, project_code, CAST(SUM(amount_fen) AS BIGINT) AS amount FROM project_contracts
  WHERE signed_on <= $2 GROUP BY province_code, project_code
),
progress AS (
  SELECT province_code, project_code, progress_hundredths AS bp FROM (
    SELECT province_code, project_code, progress_hundredths,
      ROW_NUMBER() OVER (PARTITION BY province_code, project_code ORDER BY report_date DESC, id DESC) AS n
    FROM progress_reports WHERE report_date <= $2) latest WHERE n = 1
),
pay AS (
  SELECT l.province_code, l.project_code, l.seq, l.entry_date, l.amount_fen, l.region_code, l.fund_year, l.fund_source
  FROM ledger_entries l
  WHERE l.kind = 3 AND l.payee_type <> 4 AND l.entry_date <= $2 AND l.project_code IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.province_code = l.province_code
                    AND r.reverses = l.entry_id AND r.entry_date <= $2)
),
excess AS (
  SELECT pay.province_code, pay.project_code,
    CAST()sql" +
         Greatest("0",
                  "CAST(SUM(pay.amount_fen) AS BIGINT) - (contract.amount * (CAST($4 AS BIGINT) + "
                  "COALESCE(progress.bp, 0) - CAST($5 AS BIGINT)) / 10000)",
                  d) +
         R"sql( AS BIGINT) AS amount
  FROM pay JOIN contract ON contract.province_code = pay.province_code AND contract.project_code = pay.project_code
  LEFT JOIN progress ON progress.province_code = pay.province_code AND progress.project_code = pay.project_code
  GROUP BY pay.province_code, pay.project_code, contract.amount, progress.bp
),
ranked AS (
  SELECT pay.*, excess.amount AS excess,
    COALESCE(SUM(pay.amount_fen) OVER (PARTITION BY pay.province_code, pay.project_code
             ORDER BY pay.entry_date DESC, pay.seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS later
  FROM pay JOIN excess ON excess.province_code = pay.province_code AND excess.project_code = pay.project_code
  WHERE excess.amount > 0
),
flagged AS (
  SELECT region_code, )sql" +
         Greatest("0", Least("amount_fen", "excess - later", d), d) + R"sql( AS amount
  FROM ranked WHERE fund_year = $1 AND fund_source = $3
)
SELECT c.ancestor, SUM(f.amount) FROM closure c JOIN flagged f ON f.region_code = c.descendant
GROUP BY c.ancestor
)sql";
});

}  // namespace

Result<std::int64_t> SqlStore::CountProjects() {
  std::int64_t n = 0;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return c.Query(kCountProjects, {}, [&](const Row& row) {
      n = row.Int(0);
      return Status::Ok();
    });
  }));
  return n;
}

Result<std::vector<std::pair<int, FundSource>>> SqlStore::FundYearsAndSources() {
  std::vector<std::pair<int, FundSource>> out;
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) {
    return c.Query(kYearsAndSources, {}, [&](const Row& row) {
      out.emplace_back(static_cast<int>(row.Int(0)), static_cast<FundSource>(row.Int(1)));
      return Status::Ok();
    });
  }));
  return out;
}

Result<std::vector<SqlRegionFigures>> SqlStore::ComputeFiguresBySql(const SqlFiguresQuery& q) {
  std::unordered_map<std::string, SqlRegionFigures> by_region;
  auto at = [&](std::string_view code) -> SqlRegionFigures& {
    SqlRegionFigures& f = by_region[std::string(code)];
    f.region_code = code;
    return f;
  };
  const std::int64_t year = q.year, source = static_cast<int>(q.fund_source);
  const std::string as_of = q.as_of.ToString();
  XJ_RETURN_IF_ERROR(Read([&](Conn& c) -> Status {
    XJ_RETURN_IF_ERROR(c.Query(kProjectFiguresSql(d_), {year, as_of}, [&](const Row& row) {
      SqlRegionFigures& f = at(row.Text(0));
      f.projects_total = row.Int(1);
      f.projects_started = row.Int(2);
      f.projects_finished = row.Int(3);
      f.planned_total = row.Int(4);
      f.planned_industry = row.Int(5);
      return Status::Ok();
    }));
    XJ_RETURN_IF_ERROR(c.Query(kLedgerFiguresSql(d_), {year, as_of, source}, [&](const Row& row) {
      SqlRegionFigures& f = at(row.Text(0));
      f.allocated = row.Int(1);
      f.allocated_to_projects = row.Int(2);
      f.disbursed = row.Int(3);
      f.expended = row.Int(4);
      f.disburse_as_expend = row.Int(5);
      return Status::Ok();
    }));
    return c.Query(kPayAheadSql(d_), {year, as_of, source, q.advance_cap_bp, q.retention_bp}, [&](const Row& row) {
      at(row.Text(0)).pay_ahead = row.Int(1);
      return Status::Ok();
    });
  }));
  std::vector<SqlRegionFigures> out;
  out.reserve(by_region.size());
  for (auto& [code, f] : by_region) out.push_back(std::move(f));
  return out;
}

}  // namespace xj::sql
