#pragma once
/// Formatted XLSX exports (导出) of what the screens show: the monthly dispatch table (月调度表),
/// the ranking and incentive table (排名与奖惩), the flag list (问题预警), the project list and
/// the ledger with the screen's filters. Each is written row by row (constant memory) to the file
/// of its `ExportTarget`, as XLSX or CSV, through `ExportTable` and its rules (every matching row,
/// the title with the filters, the 合计 in integer fen, continuation sheets: docs/definitions.md §18);
/// the caller streams the file to the user and removes it.
///
/// Every export checks the actor's scope through the App use case it reads with. The project
/// and ledger exports carry every column of the interchange format (docs/definitions.md §4, Chinese headers,
/// amounts in 元, a 冲销 negative), so an exported file imports back unchanged.

#include <optional>
#include <string>

#include "app/app.hpp"
#include "app/export_table.hpp"

namespace xj {

/// The 月调度表: one row per child region of `query.region_code` — allocation, expenditure,
/// expenditure progress and its year-on-year points, time progress, projects, start rate and its
/// year-on-year points, rank among the children; the region's own figures as the totals row.
Status ExportDispatchTable(const App& app, const Actor& actor, const IndicatorQuery& query, const ExportTarget& target);
/// The ranking of `options.level` units with the incentive (奖励/扣减) of each.
Status ExportRankings(const App& app, const Actor& actor, const IndicatorQuery& query, const RankRequest& request,
                      const ExportTarget& target);
/// The flags list: every flag with its work state, then 以拨代支 entries and 超进度拨款 projects.
Status ExportFlags(const App& app, const Actor& actor, const FlagQuery& query, const ExportTarget& target);
/// Every project matching the list filters (page and page_size are ignored).
Status ExportProjects(App& app, const Actor& actor, ProjectListQuery query, const ExportTarget& target);
/// Every ledger entry the ledger list shows for `query` (all pages), in commit order: the
/// import format, so the file imports back unchanged.
Status ExportLedger(const App& app, const Actor& actor, const LedgerListQuery& query, const ExportTarget& target);
/// Settlement runs (奖惩结算) of `region_code` (every region in scope when empty) and `year` (0 = every):
/// sheet 结算批次, one row per run; sheet 结算明细, every run's counties with rank and incentive.
Status ExportSettlements(const App& app, const Actor& actor, const std::string& region_code, int year,
                         const ExportTarget& target);

/// An allocation by factors (因素法分配, docs/definitions.md §10): one row per county with its
/// factors, each factor's contribution, the tilt, the settled incentive and deduction, and the
/// amount in whole 万元 (shown in 元); the 合计 row adds up to the pool.
Status ExportAllocation(const App& app, const Actor& actor, const AllocationRequest& request,
                        const ExportTarget& target);
/// Supervision coverage (督导覆盖, docs/definitions.md §9) of `query`'s region and period: sheet
/// 督导覆盖, the region's own figures first and then each child's (distinct counts, so no 合计 row);
/// sheet 督导清单, every visit the list shows with its team, dates, places and number of findings.
Status ExportSupervisionCoverage(const App& app, const Actor& actor, const SupervisionQuery& query,
                                 const ExportTarget& target);

/// The results of an inventory campaign (清产核资, docs/definitions.md §8): sheet 盘点进度, the campaign's
/// totals and each child region's (assets, checked, differences, approved, counts per outcome, value
/// before and after); sheet 盘点明细, every check of the caller's scope with its outcome and review.
Status ExportAssetInventory(const App& app, const Actor& actor, std::int64_t id, const ExportTarget& target);

/// One county's score sheet (绩效评价评分表, docs/definitions.md §15): one row per item of its template
/// version in the four parts — full points, how it is scored, the source (系统计算/人工评分), the
/// engine's figure, the points, the evidence and a prefecture's adjustment — then each part's
/// points, the total and the grade.
Status ExportEvaluationScoreSheet(const App& app, const Actor& actor, std::int64_t id, const ExportTarget& target);

}  // namespace xj
