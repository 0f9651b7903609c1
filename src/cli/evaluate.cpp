// `xianjie evaluate`: 绩效评价 (issue #19 point 3, docs/definitions.md §15). Lists the evaluations of
// a region's counties for a year as {region_code, year, items: [{id, region_code, status, total,
// grade, …}]}, prints one evaluation with --id, or creates a county's with --create (as the
// system: the engine items scored, the manual ones left to the county).
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/output.hpp"

namespace xj::cli {

void AddEvaluateFlags(CLI::App* cmd, EvaluateCliFlags& f) {
  cmd->add_option("--region", f.region, "区划代码（列出其下辖县的评价；--create 时为县）");
  cmd->add_option("--year", f.year, "资金年度")->check(CLI::Range(2000, 2100));
  cmd->add_option("--as-of", f.as_of, "--create：系统指标的截至日期 YYYY-MM-DD（默认年末或今天）");
  cmd->add_flag("--create", f.create, "为 --region 指定的县创建 --year 年度的评价");
  cmd->add_option("--id", f.id, "输出一项评价的评分表（含各评分项与环节）")->check(CLI::PositiveNumber);
  cmd->add_option("--format", f.format, "json|csv|table（列表与评分项）");
}

int RunEvaluate(const std::string& db, const EvaluateCliFlags& f) {
  if (!IsKnownFormat(f.format)) return Fail(Status::InvalidArgument("--format 应为 json|csv|table"));
  if (f.id == 0 && f.year == 0) return Fail(Status::InvalidArgument("缺少 --year（或以 --id 指定一项评价）"));
  if (f.create && f.region.empty()) return Fail(Status::InvalidArgument("--create 需要 --region（县）"));
  std::optional<Date> as_of;
  if (!f.as_of.empty()) {
    auto d = Date::Parse(f.as_of);
    if (!d.ok()) return Fail(d.status());
    as_of = *d;
  }
  auto app = OpenApp(db);
  if (!app.ok()) return Fail(app.status());
  const Actor system = Actor::System();
  if (f.create || f.id != 0) {
    auto v = f.create ? (*app)->CreateEvaluation(system, NewEvaluation{f.region, f.year, as_of})
                      : (*app)->GetEvaluation(system, f.id);
    if (!v.ok()) return Fail(v.status());
    const nlohmann::ordered_json j = EvaluationJson(*v);
    PrintFormatted(f.format == "json" ? j : j["items"], f.format, std::cout);
    return 0;
  }
  auto list = (*app)->ListEvaluations(system, f.region, f.year);
  if (!list.ok()) return Fail(list.status());
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const EvaluationView& v : *list) items.push_back(EvaluationSummaryJson(v));
  if (f.format != "json") {
    PrintFormatted(items, f.format, std::cout);
    return 0;
  }
  nlohmann::ordered_json out;
  out["region_code"] = f.region;
  out["year"] = f.year;
  out["items"] = std::move(items);
  PrintFormatted(out, "json", std::cout);
  return 0;
}

}  // namespace xj::cli
