// `xianjie timeliness`: 资金分配时效 per unit (issue #19 point 5, docs/definitions.md §12), printed as
// the JSON of GET /api/v1/timeliness.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "http/codecs.hpp"

namespace xj::cli {

void AddTimelinessFlags(CLI::App* cmd, TimelinessCliFlags& f) {
  cmd->add_option("--region", f.region, "区划代码（子树）")->required();
  cmd->add_option("--year", f.year, "资金年度")->required()->check(CLI::Range(2000, 2100));
  cmd->add_option("--as-of", f.as_of, "截至日期 YYYY-MM-DD")->required();
}

int RunTimeliness(const std::string& db, const TimelinessCliFlags& f) {
  auto as_of = Date::Parse(f.as_of);
  if (!as_of.ok()) return Fail(as_of.status());
  auto app = OpenApp(db, {});
  if (!app.ok()) return Fail(app.status());
  auto report = (*app)->Timeliness(Actor::System(), f.region, f.year, *as_of);
  if (!report.ok()) return Fail(report.status());
  PrintFormatted(http::ToJson(*report), "json", std::cout);
  return 0;
}

}  // namespace xj::cli
