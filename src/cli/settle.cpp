// `xianjie settle`: an incentive settlement run (奖惩结算, issue #19), printed as
// {run_id, region_code, year, as_of, policy_version, status, rows: [{rank, region_code, incentive_fen}]}.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/output.hpp"

namespace xj::cli {

void AddSettleFlags(CLI::App* cmd, SettleCliFlags& f) {
  cmd->add_option("--region", f.region, "结算区划代码（其下辖县在所属奖惩方案中的排名）")->required();
  cmd->add_option("--year", f.year, "资金年度")->required()->check(CLI::Range(2000, 2100));
  cmd->add_option("--as-of", f.as_of, "截至日期 YYYY-MM-DD")->required();
  cmd->add_option("--fund-source", f.fund_source, "资金来源（默认 central）");
  cmd->add_option("--metric", f.metric, "expend_progress|assessed_progress（默认 expend_progress）");
  cmd->add_option("--format", f.format, "json|csv|table");
}

int RunSettle(const std::string& db, const SettleCliFlags& f) {
  SettlementRequest request;
  request.region_code = f.region;
  request.year = f.year;
  auto as_of = Date::Parse(f.as_of);
  if (!as_of.ok()) return Fail(as_of.status());
  request.as_of = *as_of;
  const auto source = ParseFundSource(f.fund_source);
  if (!source) return Fail(Status::InvalidArgument("未知的资金来源：" + f.fund_source));
  request.fund_source = *source;
  const auto metric = ParseRankMetric(f.metric);
  if (!metric) return Fail(Status::InvalidArgument("--metric 应为 expend_progress|assessed_progress"));
  request.metric = *metric;
  if (!IsKnownFormat(f.format)) return Fail(Status::InvalidArgument("--format 应为 json|csv|table"));
  auto app = OpenApp(db);
  if (!app.ok()) return Fail(app.status());
  auto run = (*app)->Settle(Actor::System(), request);
  if (!run.ok()) return Fail(run.status());
  if (f.format == "json") {
    PrintFormatted(SettlementCliJson(*run), "json", std::cout);
  } else {
    PrintFormatted(SettlementCliJson(*run)["rows"], f.format, std::cout);
  }
  return 0;
}

}  // namespace xj::cli
