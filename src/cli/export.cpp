// `xianjie export`: the formatted XLSX reports of issue #7 from the command line, as CSV when the
// output file ends in .csv (docs/definitions.md §18).
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/excel_exports.hpp"
#include "cli/commands.hpp"

namespace xj::cli {

void AddExportFlags(CLI::App* cmd, ExportCliFlags& f) {
  cmd->add_option("kind", f.kind, "dispatch|rankings|flags|projects|ledger|settlements")
      ->required()
      ->check(CLI::IsMember({"dispatch", "rankings", "flags", "projects", "ledger", "settlements"}));
  cmd->add_option("--out", f.out, "输出文件 .xlsx 或 .csv（UTF-8 带 BOM）")->required();
  cmd->add_option("--region", f.region, "区划代码（子树）");
  cmd->add_option("--year", f.year, "资金年度 / 计划年度")->check(CLI::Range(2000, 2100));
  cmd->add_option("--as-of", f.as_of, "截至日期 YYYY-MM-DD（dispatch、rankings、flags 必填）");
  cmd->add_option("--fund-source", f.fund_source, "资金来源（默认 central）");
  cmd->add_option("--level", f.level, "rankings：排名级别（默认 county）");
  cmd->add_option("--metric", f.metric, "rankings：expend_progress|assessed_progress");
  cmd->add_option("--state", f.state, "projects：项目状态");
  cmd->add_option("--category", f.category, "projects：项目类别");
  cmd->add_option("--q", f.text, "包含的文字（projects：编码、名称或责任人；ledger：凭证号、收款方或备注）");
  cmd->add_option("--entry-kind", f.entry_kind, "ledger：allocate|disburse|expend|reverse");
  cmd->add_option("--project", f.project, "ledger：项目编码");
  cmd->add_option("--from", f.from, "ledger：起始日期");
  cmd->add_option("--to", f.to, "ledger：截止日期");
}

namespace {

Result<std::optional<Date>> OptionalDate(const std::string& text) {
  if (text.empty()) return std::optional<Date>{};
  XJ_ASSIGN_OR_RETURN(Date d, Date::Parse(text));
  return std::optional<Date>{d};
}

/// The file of `--out`: CSV when its name ends in .csv, else XLSX.
ExportTarget OutTarget(const std::string& out) {
  const bool csv = out.size() >= 4 && out.compare(out.size() - 4, 4, ".csv") == 0;
  return ExportTarget(out, csv ? ExportFormat::kCsv : ExportFormat::kXlsx);
}

Status Write(App& app, const ExportCliFlags& f) {
  const Actor actor = Actor::System();
  const ExportTarget out = OutTarget(f.out);
  if (f.kind == "projects") {
    ProjectListQuery q;
    q.region_code = f.region;
    if (f.year) q.year = f.year;
    q.state = f.state;
    q.category = f.category;
    q.text = f.text;
    return ExportProjects(app, actor, q, out);
  }
  if (f.kind == "ledger") {
    LedgerListQuery q;
    q.region_code = f.region;
    if (f.year) q.year = f.year;
    q.fund_source = f.fund_source;
    q.kind = f.entry_kind;
    q.project_code = f.project;
    q.text = f.text;
    XJ_ASSIGN_OR_RETURN(q.from, OptionalDate(f.from));
    XJ_ASSIGN_OR_RETURN(q.to, OptionalDate(f.to));
    return ExportLedger(app, actor, q, out);
  }
  if (f.kind == "settlements") return ExportSettlements(app, actor, f.region, f.year, out);
  std::optional<FundSource> source;
  if (!f.fund_source.empty()) {
    source = ParseFundSource(f.fund_source);
    if (!source) return Status::InvalidArgument("未知的资金来源：" + f.fund_source);
  }
  if (f.as_of.empty()) return Status::InvalidArgument("缺少 --as-of");
  IndicatorQuery q;
  q.region_code = f.region;
  XJ_ASSIGN_OR_RETURN(q.as_of, Date::Parse(f.as_of));
  q.year = f.year ? f.year : q.as_of.year();
  q.fund_source = source.value_or(FundSource::kCentral);
  if (f.kind == "dispatch") {
    if (q.region_code.empty()) return Status::InvalidArgument("缺少 --region");
    return ExportDispatchTable(app, actor, q, out);
  }
  if (f.kind == "rankings") {
    XJ_ASSIGN_OR_RETURN(RankRequest request, MakeRankRequest(f.level, f.metric));
    return ExportRankings(app, actor, q, request, out);
  }
  FlagQuery flags;
  flags.region_code = q.region_code;
  flags.as_of = q.as_of;
  if (f.year) flags.fund_year = f.year;
  flags.fund_source = source;
  return ExportFlags(app, actor, flags, out);
}

}  // namespace

int RunExport(const std::string& db, const ExportCliFlags& f) {
  auto app = OpenApp(db, {});
  if (!app.ok()) return Fail(app.status());
  if (Status s = Write(**app, f); !s.ok()) return Fail(s);
  std::cout << "已导出 " << f.kind << " → " << f.out << "\n";
  return 0;
}

}  // namespace xj::cli
