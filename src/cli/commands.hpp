#pragma once
/// CLI subcommands, one function each; main() only parses flags and dispatches.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/app.hpp"

namespace CLI {
class App;
}

namespace xj::cli {

/// Flags shared by indicators, rank and flags.
struct FigureFlags {
  std::string region;
  int year = 0;
  std::string as_of;
  std::string fund_source = "central";
  std::string format = "json";
};

struct RankFlags {
  std::string level = "county";
  std::string metric = "expend_progress";
  std::optional<int> top;
  std::optional<int> bottom;
  std::optional<std::string> amount_yuan;
  std::vector<std::string> what_if;  ///< key=value pairs (issue #19 point 2)
};

/// Filters of `xianjie flags` beyond the figure flags.
struct FlagCliFilters {
  std::string kind;
  std::string status;
};

/// Flags of `xianjie export`.
struct ExportCliFlags {
  std::string kind;  ///< dispatch|rankings|flags|projects|ledger
  std::string out;
  std::string region;
  int year = 0;
  std::string as_of;
  std::string fund_source;
  std::string level = "county";
  std::string metric = "expend_progress";
  std::string state, category, text;          ///< projects filters
  std::string entry_kind, project, from, to;  ///< ledger filters
};

/// Flags of `xianjie settle`.
struct SettleCliFlags {
  std::string region;
  int year = 0;
  std::string as_of;
  std::string fund_source = "central";
  std::string metric = "expend_progress";
  std::string format = "json";
};

/// Flags of `xianjie evaluate`.
struct EvaluateCliFlags {
  std::string region;
  int year = 0;
  std::string as_of;
  bool create = false;
  std::int64_t id = 0;
  std::string format = "json";
};

/// Flags of `xianjie allocate`.
struct AllocateCliFlags {
  std::string region;
  int year = 0;
  std::string pool_yuan;
  std::string format = "json";
  std::vector<std::string> what_if;  ///< allocation_*=value pairs
  std::string xlsx;                  ///< also write the XLSX table to this file
};

/// Opens the store named by `db_url`, migrates it and loads the app state.
Result<std::unique_ptr<App>> OpenApp(const std::string& db_url, AppOptions options = {});
/// Prints the status and returns the process exit code (2 for bad input, 1 otherwise).
int Fail(const Status& s);
Result<IndicatorQuery> ParseQuery(const FigureFlags& f);

/// `xianjie verify`: recomputes every figure with SQL and compares with the engine.
int RunVerify(const std::string& db);
/// `xianjie copy`: moves a whole database to another (empty) one, across backends.
int RunCopy(const std::string& from, const std::string& to);
/// Checks the audit hash chain; prints the result. 0 when intact, 3 when broken.
int VerifyAuditChain(App& app);
/// `xianjie demo`: writes the demo dataset.
int RunDemo(const std::string& db, const std::string& scale);

/// `xianjie baobao add|list|coverage` and `xianjie dispatch open|show` (issue #17, dispatch.cpp).
struct DispatchCli;
std::shared_ptr<DispatchCli> AddDispatchCommands(CLI::App& cli, std::string& db);
/// Runs the one of them that was parsed; nullopt when none was.
std::optional<int> RunDispatchCommands(const DispatchCli& commands);

/// Declares the flags of `xianjie export` on `cmd`.
void AddExportFlags(CLI::App* cmd, ExportCliFlags& f);
/// `xianjie export KIND --out FILE …`: writes one formatted XLSX report.
int RunExport(const std::string& db, const ExportCliFlags& f);

/// Declares the flags of `xianjie settle` on `cmd`.
void AddSettleFlags(CLI::App* cmd, SettleCliFlags& f);
/// `xianjie settle`: runs an incentive settlement (draft) and prints it.
int RunSettle(const std::string& db, const SettleCliFlags& f);
/// Declares the flags of `xianjie evaluate` on `cmd`.
void AddEvaluateFlags(CLI::App* cmd, EvaluateCliFlags& f);
/// `xianjie evaluate`: lists the 绩效评价 of a region's counties for a year, prints one with
/// --id, or creates a county's (its engine items scored) with --create.
int RunEvaluate(const std::string& db, const EvaluateCliFlags& f);

/// Declares the flags of `xianjie allocate` on `cmd`.
void AddAllocateFlags(CLI::App* cmd, AllocateCliFlags& f);
/// `xianjie allocate`: divides a pool among a region's counties by factors and prints it
/// ({year, pool_fen, total_fen, counties: [{region_code, amount_fen, factors}]}).
int RunAllocate(const std::string& db, const AllocateCliFlags& f);

/// Flags of `xianjie timeliness`.
struct TimelinessCliFlags {
  std::string region;
  int year = 0;
  std::string as_of;
};
/// Declares the flags of `xianjie timeliness` on `cmd`.
void AddTimelinessFlags(CLI::App* cmd, TimelinessCliFlags& f);
/// `xianjie timeliness`: 资金分配时效 per unit as JSON (docs/definitions.md §12).
int RunTimeliness(const std::string& db, const TimelinessCliFlags& f);

/// Flags of `xianjie forecast`.
struct ForecastCliFlags {
  std::string region;
  int year = 0;
  std::string as_of;
  std::string format = "json";
};
/// Declares the flags of `xianjie forecast` on `cmd`.
void AddForecastFlags(CLI::App* cmd, ForecastCliFlags& f);
/// `xianjie forecast`: 年末支出进度预测 (docs/definitions.md §21) — JSON as GET /api/v1/forecast, or
/// one flat row per unit (the region, its children) as csv or table.
int RunForecast(const std::string& db, const ForecastCliFlags& f);

}  // namespace xj::cli
