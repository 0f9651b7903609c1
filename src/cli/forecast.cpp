// `xianjie forecast`: 年末支出进度预测 (issue #22 point 4, docs/definitions.md §21), printed as the
// JSON of GET /api/v1/forecast, or one flat row per unit (csv, table).
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "http/codecs.hpp"

namespace xj::cli {

void AddForecastFlags(CLI::App* cmd, ForecastCliFlags& f) {
  cmd->add_option("--region", f.region, "区划代码")->required();
  cmd->add_option("--year", f.year, "资金年度")->required()->check(CLI::Range(2000, 2100));
  cmd->add_option("--as-of", f.as_of, "截至日期 YYYY-MM-DD")->required();
  cmd->add_option("--format", f.format, "json|csv|table");
}

int RunForecast(const std::string& db, const ForecastCliFlags& f) {
  if (!IsKnownFormat(f.format)) return Fail(Status::InvalidArgument("--format 应为 json|csv|table"));
  auto as_of = Date::Parse(f.as_of);
  if (!as_of.ok()) return Fail(as_of.status());
  auto app = OpenApp(db, {});
  if (!app.ok()) return Fail(app.status());
  auto report = (*app)->Forecast(Actor::System(), {f.region, f.year, *as_of});
  if (!report.ok()) return Fail(report.status());
  if (f.format == "json") {
    PrintFormatted(http::ToJson(*report), "json", std::cout);
    return 0;
  }
  http::OrderedJson rows = http::OrderedJson::array();
  for (const ForecastRow& row : report->items) rows.push_back(http::FlatForecastRow(row, report->target_bp));
  PrintFormatted(rows, f.format, std::cout);
  return 0;
}

}  // namespace xj::cli
