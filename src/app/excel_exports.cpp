#include "app/excel_exports.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "core/timestamp.hpp"
#include "io/xlsx_writer.hpp"

namespace xj {
namespace {

/// Project batches read back from the store while exporting (bounds memory).
constexpr int kExportPage = 200;

XlsxCell Percent(Ratio r) {
  auto h = PercentHundredths(r);
  return h ? XlsxCell::Number(static_cast<double>(*h) / 10000.0) : XlsxCell::Text("—");
}

XlsxCell Points(Ratio a, Ratio b) {
  auto h = PointsDifferenceHundredths(a, b);
  return h ? XlsxCell::Number(static_cast<double>(*h) / 100.0) : XlsxCell::Text("—");
}

std::string RegionName(const App& app, const Actor& actor, const std::string& code) {
  if (code.empty()) return "全部区划";
  auto r = app.RegionDetail(actor, code);
  return r.ok() ? r->region.name + "（" + code + "）" : code;
}

XlsxSheetLayout Layout(std::string sheet, std::string title, std::string units, std::string region, bool totals) {
  XlsxSheetLayout l;
  l.sheet_name = std::move(sheet);
  l.title = std::move(title);
  l.units = std::move(units);
  l.region = std::move(region);
  l.generated_at = GeneratedAtText(std::chrono::system_clock::now());
  l.totals = totals;
  return l;
}

std::string AsOfTitle(const IndicatorQuery& q) {
  return std::to_string(q.year) + "年（截至" + q.as_of.ToString() + "）";
}

std::string_view PayeeTypeLabel(PayeeType t) {
  switch (t) {
    case PayeeType::kNone: return "";
    case PayeeType::kEnterprise: return "企业";
    case PayeeType::kIndividual: return "个人";
    case PayeeType::kCollective: return "集体";
    case PayeeType::kGovAccount: return "政府账户";
  }
  return "";
}

XlsxCell ZeroOne(bool b) {
  return XlsxCell::Text(b ? "1" : "0");
}

/// The region owning a ranking scheme, or 全国 for the whole tree.
std::string ScopeName(const RankingScope& s) {
  return s.owner ? s.owner->name : "全国";
}

/// A voucher's amount as every screen and export shows it (docs/definitions.md §18): a reversal
/// (冲销) negative, every other kind as entered.
Fen LedgerShownAmount(const LedgerEntry& e) {
  return e.kind == EntryKind::kReverse ? -e.amount : e.amount;
}

/// The filters of a list as the title's parenthesis: "（2024年度、…）", or nothing without any.
std::string FilterText(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "、") + p;
  return out.empty() ? out : "（" + out + "）";
}

std::string ProjectFilterText(const ProjectListQuery& q) {
  std::vector<std::string> parts;
  if (q.year) parts.push_back(std::to_string(*q.year) + "年度");
  if (!q.state.empty()) {
    const auto state = ParseProjectState(q.state);
    parts.push_back("状态：" + (state ? std::string(ProjectStateLabel(*state)) : q.state));
  }
  if (!q.category.empty()) parts.push_back("类别：" + q.category);
  if (!q.text.empty()) parts.push_back("含“" + q.text + "”");
  return FilterText(parts);
}

std::string FlagFilterText(const FlagQuery& q) {
  std::vector<std::string> parts;
  if (!q.kind.empty()) parts.push_back("类型：" + std::string(FlagKindLabel(q.kind)));
  if (!q.status.empty()) {
    const auto status = ParseFlagStatus(q.status);
    parts.push_back("状态：" + (status ? std::string(FlagStatusLabel(*status)) : q.status));
  }
  return FilterText(parts);
}

std::string LedgerFilterText(const LedgerListQuery& q) {
  std::vector<std::string> parts;
  if (q.year) parts.push_back(std::to_string(*q.year) + "年度资金");
  if (!q.fund_source.empty()) {
    const auto source = ParseFundSource(q.fund_source);
    parts.push_back(source ? std::string(FundSourceLabel(*source)) : q.fund_source);
  }
  if (!q.kind.empty()) {
    const auto kind = ParseEntryKind(q.kind);
    parts.push_back("类型：" + (kind ? std::string(EntryKindLabel(*kind)) : q.kind));
  }
  if (!q.project_code.empty()) parts.push_back("项目：" + q.project_code);
  if (q.from || q.to) {
    parts.push_back((q.from ? q.from->ToString() : std::string("起")) + "至" +
                    (q.to ? q.to->ToString() : std::string("今")));
  }
  if (!q.text.empty()) parts.push_back("含“" + q.text + "”");
  return FilterText(parts);
}

}  // namespace

Status ExportDispatchTable(const App& app, const Actor& actor, const IndicatorQuery& query,
                           const ExportTarget& target) {
  XJ_ASSIGN_OR_RETURN(std::vector<RegionIndicators> children, app.ChildIndicators(actor, query));
  // Each child's place in its incentive scheme's ranking (not a ranking of the children alone).
  std::map<std::string, int> rank_of;
  if (!children.empty()) {
    RankRequest request;
    request.level = children.front().region.level;
    XJ_ASSIGN_OR_RETURN(Ranking ranked, app.Rank(actor, query, request));
    for (const RankedRegion& r : ranked.rows) {
      if (r.rank) rank_of[r.region->code] = *r.rank;
    }
  }
  const std::string region = RegionName(app, actor, query.region_code);
  std::vector<XlsxColumn> cols = {
      {"序号", XlsxCellKind::kInteger, 6},
      {"区划代码", XlsxCellKind::kText, 12},
      {"单位", XlsxCellKind::kText, 14},
      {"下达资金（元）", XlsxCellKind::kYuan, 18, true},
      {"支出（元）", XlsxCellKind::kYuan, 18, true},
      {"支出进度", XlsxCellKind::kPercent, 10},
      {"时间进度", XlsxCellKind::kPercent, 10},
      {"支出进度同比（百分点）", XlsxCellKind::kPoints, 12},
      {"项目数", XlsxCellKind::kInteger, 9, true},
      {"已开工", XlsxCellKind::kInteger, 9, true},
      {"开工率", XlsxCellKind::kPercent, 10},
      {"开工率同比（百分点）", XlsxCellKind::kPoints, 12},
      {"支出进度排名", XlsxCellKind::kInteger, 10},
      {"时间过半任务过半", XlsxCellKind::kText, 10},
  };
  auto layout = Layout(
      "月调度表",
      region + " " + AsOfTitle(query) + " 衔接资金月调度表（" + std::string(FundSourceLabel(query.fund_source)) + "）",
      "单位：元", region, true);
  XJ_ASSIGN_OR_RETURN(auto w, ExportTable::Create(target, layout, cols));
  auto row_of = [&](const Indicators& f) {
    const std::optional<bool> on_track = f.on_track();
    return std::vector<XlsxCell>{
        XlsxCell::Empty(),
        XlsxCell::Empty(),
        XlsxCell::Empty(),
        XlsxCell::Yuan(f.allocated),
        XlsxCell::Yuan(f.expended),
        Percent(f.expend_progress),
        Percent(f.time_progress),
        Points(f.expend_progress, f.expend_progress_last_year),
        XlsxCell::Integer(f.projects_total),
        XlsxCell::Integer(f.projects_started),
        Percent(f.start_rate),
        Points(f.start_rate, f.start_rate_last_year),
        XlsxCell::Empty(),
        XlsxCell::Text(!on_track   ? "—"
                       : *on_track ? "是"
                                   : "否"),
    };
  };
  int n = 0;
  for (const RegionIndicators& c : children) {
    std::vector<XlsxCell> cells = row_of(c.figures);
    cells[0] = XlsxCell::Integer(++n);
    cells[1] = XlsxCell::Text(c.region.code);
    cells[2] = XlsxCell::Text(c.region.name);
    if (auto it = rank_of.find(c.region.code); it != rank_of.end()) cells[12] = XlsxCell::Integer(it->second);
    cells[13].highlight = cells[13].text == "否";
    XJ_RETURN_IF_ERROR(w->AddRow(cells));
  }
  if (!query.region_code.empty()) {
    XJ_ASSIGN_OR_RETURN(RegionIndicators own, app.ComputeIndicators(actor, query));
    std::vector<XlsxCell> totals = row_of(own.figures);
    totals[13] = XlsxCell::Empty();
    w->SetTotals(std::move(totals));
  }
  return w->Close();
}

Status ExportRankings(const App& app, const Actor& actor, const IndicatorQuery& query, const RankRequest& request,
                      const ExportTarget& target) {
  XJ_ASSIGN_OR_RETURN(Ranking ranking, app.Rank(actor, query, request));
  const std::string region = RegionName(app, actor, query.region_code);
  const bool assessed = request.metric == RankMetric::kAssessedProgress;
  std::vector<XlsxColumn> cols = {
      // The labels of the wall chart's ranking (名次, 县区, 下达, 支出, 奖惩), amounts in 元 (§18).
      {"名次", XlsxCellKind::kInteger, 6},
      {"排名范围", XlsxCellKind::kText, 16},
      {"区划代码", XlsxCellKind::kText, 12},
      {request.level == RegionLevel::kCounty ? "县区" : "单位", XlsxCellKind::kText, 14},
      {"下达（元）", XlsxCellKind::kYuan, 18, true},
      {"支出（元）", XlsxCellKind::kYuan, 18, true},
      {"以拨代支（元）", XlsxCellKind::kYuan, 16, true},
      {"超进度拨款（元）", XlsxCellKind::kYuan, 16, true},
      {"支出进度", XlsxCellKind::kPercent, 10},
      {"考核支出进度", XlsxCellKind::kPercent, 12},
      {"奖惩（元）", XlsxCellKind::kYuan, 18, true},
      {"奖惩", XlsxCellKind::kText, 8},
  };
  // The units line names each scheme's N and amount (policy data, never a fixed 10).
  std::string units = "单位：元";
  for (const RankingScope& s : ranking.scopes) {
    units += "；" + ScopeName(s) + "共" + std::to_string(s.size) + "个参与排名，前" + std::to_string(s.top_n) +
             "名奖励、后" + std::to_string(s.bottom_n) + "名扣减各 " + FormatYuan(s.amount) + " 元";
  }
  auto layout = Layout("排名与奖惩",
                       region + " " + AsOfTitle(query) + (assessed ? " 考核支出进度" : " 支出进度") + "排名与奖惩表",
                       units, region, true);
  XJ_ASSIGN_OR_RETURN(auto w, ExportTable::Create(target, layout, cols));
  for (const RankedRegion& r : ranking.rows) {
    const Indicators& f = r.figures;
    const RankingScope& scope = ranking.scopes[r.scope];
    XlsxCell verdict = XlsxCell::Text(r.incentive > Fen() ? "奖励" : r.incentive < Fen() ? "扣减" : "");
    verdict.highlight = r.incentive < Fen();
    XJ_RETURN_IF_ERROR(
        w->AddRow({r.rank ? XlsxCell::Integer(*r.rank) : XlsxCell::Text("未排名"),
                   XlsxCell::Text(ScopeName(scope) + "（共" + std::to_string(scope.size) + "）"),
                   XlsxCell::Text(r.region->code), XlsxCell::Text(r.region->name), XlsxCell::Yuan(f.allocated),
                   XlsxCell::Yuan(f.expended), XlsxCell::Yuan(f.disburse_as_expend), XlsxCell::Yuan(f.pay_ahead),
                   Percent(f.expend_progress), Percent(f.assessed_progress), XlsxCell::Yuan(r.incentive), verdict}));
  }
  return w->Close();
}

Status ExportFlags(const App& app, const Actor& actor, const FlagQuery& query, const ExportTarget& target) {
  XJ_ASSIGN_OR_RETURN(FlagsReport report, app.Flags(actor, query));
  const std::string region = RegionName(app, actor, query.region_code.empty() ? actor.region_code : query.region_code);
  const std::string when = (query.fund_year ? std::to_string(*query.fund_year) + "年" : std::string()) + "（截至" +
                           query.as_of.ToString() + "）";
  // Every flag with its work state first, then the two kinds the figures compute in detail. The
  // amounts of different kinds do not add up: the first sheet has a 合计 only for one kind.
  const bool one_kind = !query.kind.empty();
  std::vector<XlsxColumn> all_cols = {
      // The labels of the flags page (类型, 凭证号 / 项目, 发现日期, 区划, …), amounts in 元 (§18).
      {"类型", XlsxCellKind::kText, 12},
      {"凭证号 / 项目", XlsxCellKind::kText, 18},
      {"发现日期", XlsxCellKind::kDate, 12},
      {"区划代码", XlsxCellKind::kText, 12},
      {"区划", XlsxCellKind::kText, 14},
      {"项目编码", XlsxCellKind::kText, 16},
      {"金额（元）", XlsxCellKind::kYuan, 16, true},
      {"状态", XlsxCellKind::kText, 9},
      {"负责人", XlsxCellKind::kText, 10},
      {"说明/关闭理由", XlsxCellKind::kText, 24},
      {"问题描述", XlsxCellKind::kText, 40},
  };
  XJ_ASSIGN_OR_RETURN(
      auto w, ExportTable::Create(target,
                                  Layout("问题预警", region + " " + when + FlagFilterText(query) + " 问题预警清单",
                                         "单位：元", region, one_kind),
                                  all_cols));
  for (const FlagItem& i : report.items) {
    const Flag& f = i.flag;
    XJ_RETURN_IF_ERROR(w->AddRow({XlsxCell::Text(std::string(FlagKindLabel(f.kind))), XlsxCell::Text(f.subject),
                                  XlsxCell::Day(f.raised_on), XlsxCell::Text(i.region.code),
                                  XlsxCell::Text(i.region.name), XlsxCell::Text(f.project_code),
                                  XlsxCell::Yuan(f.amount), XlsxCell::Text(std::string(FlagStatusLabel(f.status))),
                                  XlsxCell::Text(f.assignee), XlsxCell::Text(f.reason), XlsxCell::Text(f.detail)}));
  }
  std::vector<XlsxColumn> entry_cols = {
      {"凭证号", XlsxCellKind::kText, 14},     {"日期", XlsxCellKind::kDate, 12},
      {"区划代码", XlsxCellKind::kText, 12},   {"单位", XlsxCellKind::kText, 14},
      {"项目编码", XlsxCellKind::kText, 16},   {"资金来源", XlsxCellKind::kText, 16},
      {"资金年度", XlsxCellKind::kInteger, 9}, {"金额（元）", XlsxCellKind::kYuan, 16, true},
      {"收款方", XlsxCellKind::kText, 20},
  };
  XJ_RETURN_IF_ERROR(
      w->AddSheet(Layout("以拨代支", region + " " + when + " 以拨代支问题清单", "单位：元", region, true), entry_cols));
  for (const FlagItem& i : report.items) {
    const Flag& f = i.flag;
    if (f.kind != FlagKind::kDisburseAsExpend) continue;
    XJ_RETURN_IF_ERROR(
        w->AddRow({XlsxCell::Text(f.subject), XlsxCell::Day(f.raised_on), XlsxCell::Text(i.region.code),
                   XlsxCell::Text(i.region.name), XlsxCell::Text(f.project_code),
                   XlsxCell::Text(f.fund_source ? std::string(FundSourceLabel(*f.fund_source)) : std::string()),
                   XlsxCell::Integer(f.fund_year.value_or(0)), XlsxCell::Yuan(f.amount), XlsxCell::Text(i.payee)}));
  }
  std::vector<XlsxColumn> project_cols = {
      {"项目编码", XlsxCellKind::kText, 16},
      {"项目名称", XlsxCellKind::kText, 24},
      {"区划代码", XlsxCellKind::kText, 12},
      {"单位", XlsxCellKind::kText, 14},
      {"合同金额（元）", XlsxCellKind::kYuan, 16},
      {"形象进度", XlsxCellKind::kPercent, 10},
      {"已付款（元）", XlsxCellKind::kYuan, 16},
      {"可付上限（元）", XlsxCellKind::kYuan, 16},
      {"超付金额（元）", XlsxCellKind::kYuan, 16, true},
  };
  XJ_RETURN_IF_ERROR(w->AddSheet(
      Layout("超进度拨款", region + " " + when + " 超进度拨款问题清单", "单位：元", region, true), project_cols));
  for (const FlagItem& i : report.items) {
    if (!i.pay_ahead) continue;
    const PayAheadStatus& s = *i.pay_ahead;
    XlsxCell excess = XlsxCell::Yuan(s.excess);
    excess.highlight = true;
    XJ_RETURN_IF_ERROR(
        w->AddRow({XlsxCell::Text(i.flag.project_code), XlsxCell::Text(i.project_name), XlsxCell::Text(i.region.code),
                   XlsxCell::Text(i.region.name), XlsxCell::Yuan(s.contract), XlsxCell::Number(s.progress_bp / 10000.0),
                   XlsxCell::Yuan(s.paid), XlsxCell::Yuan(s.cap), excess}));
  }
  return w->Close();
}

Status ExportProjects(App& app, const Actor& actor, ProjectListQuery query, const ExportTarget& target) {
  query.page = 1;
  query.page_size = kExportPage;
  XJ_ASSIGN_OR_RETURN(ProjectList first, app.ListProjects(actor, query));
  const std::string region = RegionName(app, actor, query.region_code.empty() ? actor.region_code : query.region_code);
  std::vector<XlsxColumn> cols = {
      {"项目编码", XlsxCellKind::kText, 18},
      {"项目名称", XlsxCellKind::kText, 28},
      {"年度", XlsxCellKind::kText, 7},
      {"区划代码", XlsxCellKind::kText, 12},
      {"所属区划", XlsxCellKind::kText, 12},
      {"项目类别", XlsxCellKind::kText, 12},
      {"建设内容", XlsxCellKind::kText, 14},
      {"总投资（元）", XlsxCellKind::kYuan, 16, true},
      {"中央衔接资金（元）", XlsxCellKind::kYuan, 16, true},
      {"其他资金（元）", XlsxCellKind::kYuan, 16, true},
      {"计划开工", XlsxCellKind::kDate, 11},
      {"计划完工", XlsxCellKind::kDate, 11},
      {"实际开工", XlsxCellKind::kDate, 11},
      {"实际完工", XlsxCellKind::kDate, 11},
      {"状态", XlsxCellKind::kText, 10},
      {"责任人", XlsxCellKind::kText, 10},
      {"政府投资基建", XlsxCellKind::kText, 8},
      {"技术要求低", XlsxCellKind::kText, 8},
      {"以工代赈", XlsxCellKind::kText, 8},
  };
  const std::string title = region + " 项目清单" + ProjectFilterText(query);
  XJ_ASSIGN_OR_RETURN(
      auto w,
      ExportTable::Create(
          target, Layout("项目清单", title, "单位：元；共" + std::to_string(first.total) + "个项目", region, true),
          cols));
  ProjectList page = std::move(first);
  for (;;) {
    std::vector<std::string> codes;
    std::map<std::string, std::string> region_names;
    for (const ProjectListItem& item : page.items) {
      codes.push_back(item.row.project_code);
      region_names[item.row.project_code] = item.region.name;
    }
    XJ_ASSIGN_OR_RETURN(std::vector<Project> full, app.store().FindProjects(codes));
    std::map<std::string, const Project*> by_code;
    for (const Project& p : full) by_code[p.project_code] = &p;
    for (const std::string& code : codes) {
      auto it = by_code.find(code);
      if (it == by_code.end()) continue;  // removed meanwhile
      const Project& p = *it->second;
      XJ_RETURN_IF_ERROR(w->AddRow({
          XlsxCell::Text(p.project_code),
          XlsxCell::Text(p.name),
          XlsxCell::Text(std::to_string(p.year)),
          XlsxCell::Text(p.region_code),
          XlsxCell::Text(region_names[code]),
          XlsxCell::Text(p.category),
          XlsxCell::Text(p.subcategory),
          XlsxCell::Yuan(p.total_investment),
          XlsxCell::Yuan(p.central_fund),
          XlsxCell::Yuan(p.other_fund),
          XlsxCell::OptionalDay(p.planned_start),
          XlsxCell::OptionalDay(p.planned_finish),
          XlsxCell::OptionalDay(p.actual_start),
          XlsxCell::OptionalDay(p.actual_finish),
          XlsxCell::Text(std::string(ProjectStateLabel(p.status))),
          XlsxCell::Text(p.responsible_person),
          ZeroOne(p.gov_infrastructure),
          ZeroOne(p.low_skill),
          ZeroOne(p.work_relief),
      }));
    }
    if (static_cast<std::int64_t>(query.page) * query.page_size >= page.total) break;
    ++query.page;
    XJ_ASSIGN_OR_RETURN(page, app.ListProjects(actor, query));
    if (page.items.empty()) break;
  }
  return w->Close();
}

Status ExportLedger(const App& app, const Actor& actor, const LedgerListQuery& q, const ExportTarget& target) {
  const std::string root_code = q.region_code.empty() ? actor.region_code : q.region_code;
  XJ_RETURN_IF_ERROR(app.Authorize(actor, Action::kRead, root_code));
  if (!root_code.empty() && app.regions()->Find(root_code) == kNoRegion) {
    return Status::NotFound("区划不存在：" + root_code);
  }
  const std::optional<EntryKind> kind = q.kind.empty() ? std::nullopt : ParseEntryKind(q.kind);
  if (!q.kind.empty() && !kind) return Status::InvalidArgument("未知的凭证类型：" + q.kind);
  const std::string region = RegionName(app, actor, root_code);
  std::vector<XlsxColumn> cols = {
      {"凭证号", XlsxCellKind::kText, 16},     {"日期", XlsxCellKind::kDate, 11},
      {"类型", XlsxCellKind::kText, 7},        {"资金来源", XlsxCellKind::kText, 18},
      {"资金年度", XlsxCellKind::kText, 8},    {"区划代码", XlsxCellKind::kText, 12},
      {"项目编码", XlsxCellKind::kText, 16},   {"金额（元）", XlsxCellKind::kYuan, 16},
      {"收款方", XlsxCellKind::kText, 20},     {"收款方类型", XlsxCellKind::kText, 10},
      {"冲销凭证号", XlsxCellKind::kText, 16}, {"备注", XlsxCellKind::kText, 20},
  };
  const std::string title = region + " 资金台账" + LedgerFilterText(q);
  // Totals of mixed kinds would mean nothing: the 合计 row sums amounts only for one kind.
  auto layout = Layout("资金台账", title, "单位：元", region, kind.has_value());
  if (kind) cols[7].total = true;
  XJ_ASSIGN_OR_RETURN(auto w, ExportTable::Create(target, layout, cols));
  XJ_RETURN_IF_ERROR(app.ScanLedgerList(actor, q, [&](const LedgerListItem& item) {
    const LedgerEntry& e = item.row.stored.entry;
    return w->AddRow(
        {XlsxCell::Text(e.entry_id), XlsxCell::Day(e.date), XlsxCell::Text(std::string(EntryKindLabel(e.kind))),
         XlsxCell::Text(std::string(FundSourceLabel(e.fund_source))), XlsxCell::Text(std::to_string(e.fund_year)),
         XlsxCell::Text(e.region_code), XlsxCell::Text(e.project_code), XlsxCell::Yuan(LedgerShownAmount(e)),
         XlsxCell::Text(e.payee), XlsxCell::Text(std::string(PayeeTypeLabel(e.payee_type))), XlsxCell::Text(e.reverses),
         XlsxCell::Text(e.note)});
  }));
  return w->Close();
}

Status ExportSettlements(const App& app, const Actor& actor, const std::string& region_code, int year,
                         const ExportTarget& target) {
  XJ_ASSIGN_OR_RETURN(std::vector<SettlementRun> runs, app.ListSettlements(actor, region_code, year));
  const std::string region = RegionName(app, actor, region_code.empty() ? actor.region_code : region_code);
  const std::string when = year > 0 ? std::to_string(year) + "年" : std::string();
  std::vector<XlsxColumn> run_cols = {
      {"批次", XlsxCellKind::kInteger, 6},
      {"区划代码", XlsxCellKind::kText, 12},
      {"单位", XlsxCellKind::kText, 14},
      {"年度", XlsxCellKind::kInteger, 6},
      {"截至日期", XlsxCellKind::kText, 12},
      {"排名指标", XlsxCellKind::kText, 12},
      {"政策版本", XlsxCellKind::kText, 12},
      {"台账水位", XlsxCellKind::kInteger, 10},
      {"状态", XlsxCellKind::kText, 8},
      {"运行人", XlsxCellKind::kText, 12},
      {"运行时间（北京时间）", XlsxCellKind::kText, 20},
      {"审批人", XlsxCellKind::kText, 12},
      {"审批时间（北京时间）", XlsxCellKind::kText, 20},
      {"奖励合计（元）", XlsxCellKind::kYuan, 18, true},
      {"扣减合计（元）", XlsxCellKind::kYuan, 18, true},
      {"与比较批次相比变化的县", XlsxCellKind::kInteger, 10},
  };
  auto layout = Layout("结算批次", region + " " + when + "奖惩结算批次", "单位：元", region, false);
  XJ_ASSIGN_OR_RETURN(auto w, ExportTable::Create(target, layout, run_cols));
  for (const SettlementRun& r : runs) {
    std::int64_t plus = 0, minus = 0;
    for (const SettlementRow& row : r.rows) (row.incentive_fen > 0 ? plus : minus) += row.incentive_fen;
    XlsxCell status = XlsxCell::Text(r.status == "approved" ? "已审批" : "待审批");
    status.highlight = r.status != "approved";
    XJ_RETURN_IF_ERROR(
        w->AddRow({XlsxCell::Integer(r.id), XlsxCell::Text(r.region_code), XlsxCell::Text(r.region_name),
                   XlsxCell::Integer(r.year), XlsxCell::Text(r.as_of.ToString()),
                   XlsxCell::Text(r.metric == RankMetric::kAssessedProgress ? "考核支出进度" : "支出进度"),
                   XlsxCell::Text(r.policy_version), XlsxCell::Integer(r.watermark_seq), status,
                   XlsxCell::Text(r.run_by), XlsxCell::Text(BeijingTimeOf(r.run_at)), XlsxCell::Text(r.approved_by),
                   XlsxCell::Text(BeijingTimeOf(r.approved_at)), XlsxCell::Yuan(Fen(plus)), XlsxCell::Yuan(Fen(minus)),
                   r.changes.base_run_id ? XlsxCell::Integer(static_cast<std::int64_t>(r.changes.rows.size()))
                                         : XlsxCell::Text("—")}));
  }
  auto pct = [](const std::optional<std::int64_t>& h) {
    return h ? XlsxCell::Number(static_cast<double>(*h) / 10000.0) : XlsxCell::Text("—");
  };
  XJ_RETURN_IF_ERROR(w->AddSheet(Layout("结算明细", region + " " + when + "奖惩结算明细", "单位：元", region, false),
                                 {{"批次", XlsxCellKind::kInteger, 6},
                                  {"状态", XlsxCellKind::kText, 8},
                                  {"截至日期", XlsxCellKind::kText, 12},
                                  {"排名", XlsxCellKind::kInteger, 6},
                                  {"区划代码", XlsxCellKind::kText, 12},
                                  {"单位", XlsxCellKind::kText, 14},
                                  {"下达资金（元）", XlsxCellKind::kYuan, 18},
                                  {"支出（元）", XlsxCellKind::kYuan, 18},
                                  {"支出进度", XlsxCellKind::kPercent, 10},
                                  {"考核支出进度", XlsxCellKind::kPercent, 12},
                                  {"奖惩金额（元）", XlsxCellKind::kYuan, 18}}));
  for (const SettlementRun& r : runs) {
    for (const SettlementRow& row : r.rows) {
      XlsxCell incentive = XlsxCell::Yuan(Fen(row.incentive_fen));
      incentive.highlight = row.incentive_fen < 0;
      XJ_RETURN_IF_ERROR(w->AddRow(
          {XlsxCell::Integer(r.id), XlsxCell::Text(r.status == "approved" ? "已审批" : "待审批"),
           XlsxCell::Text(r.as_of.ToString()), row.rank ? XlsxCell::Integer(*row.rank) : XlsxCell::Text("未排名"),
           XlsxCell::Text(row.region_code), XlsxCell::Text(row.region_name), XlsxCell::Yuan(Fen(row.allocated_fen)),
           XlsxCell::Yuan(Fen(row.expended_fen)), pct(row.expend_progress), pct(row.assessed_progress), incentive}));
    }
  }
  return w->Close();
}

Status ExportAllocation(const App& app, const Actor& actor, const AllocationRequest& request,
                        const ExportTarget& target) {
  XJ_ASSIGN_OR_RETURN(AllocationResult r, app.Allocate(actor, request));
  std::vector<XlsxColumn> cols = {
      {"区划代码", XlsxCellKind::kText, 12},
      {"县", XlsxCellKind::kText, 14},
      {"重点帮扶县", XlsxCellKind::kText, 10},
      {"农村人口（人）", XlsxCellKind::kInteger, 14, true},
      {"脱贫人口（人）", XlsxCellKind::kInteger, 14, true},
      {"监测对象（人）", XlsxCellKind::kInteger, 14, true},
      {"面积（平方公里）", XlsxCellKind::kDecimal, 14, true},
      {"绩效评价得分", XlsxCellKind::kDecimal, 12},
      {"农村人口因素（元）", XlsxCellKind::kYuan, 18, true},
      {"脱贫人口因素（元）", XlsxCellKind::kYuan, 18, true},
      {"监测对象因素（元）", XlsxCellKind::kYuan, 18, true},
      {"面积因素（元）", XlsxCellKind::kYuan, 18, true},
      {"绩效因素（元）", XlsxCellKind::kYuan, 18, true},
      {"重点县倾斜（元）", XlsxCellKind::kYuan, 16, true},
      {"结算奖惩（元）", XlsxCellKind::kYuan, 16, true},
      {"以拨代支/超进度扣减（元）", XlsxCellKind::kYuan, 18, true},
      {"分配金额（元）", XlsxCellKind::kYuan, 18, true},
  };
  auto percent = [](std::int64_t bp) {
    const std::string frac = std::to_string(100 + bp % 100).substr(1);
    return std::to_string(bp / 100) + (frac == "00" ? "" : "." + frac) + "%";
  };
  constexpr std::string_view kFactorLabels[] = {"农村人口", "脱贫人口", "监测对象", "面积", "绩效"};
  std::string units = "单位：元（分配金额为整万元）；权重 ";
  for (std::size_t f = 0; f < kAllocationFactorCount; ++f) {
    units += (f ? "、" : "") + std::string(kFactorLabels[f]) + " " + percent(r.policy.weights_bp[f]);
  }
  units += "；重点县倾斜 " + percent(r.policy.key_county_tilt_bp) + "；扣减比例 " +
           percent(r.policy.deduction_rate_bp) + (r.what_if ? "（模拟参数，未保存）" : "");
  auto layout = Layout("因素法分配",
                       RegionName(app, actor, request.region_code) + " " + std::to_string(r.year) +
                           "年衔接资金因素法分配表（总额 " + FormatYuan(r.pool) + " 元）",
                       units, RegionName(app, actor, request.region_code), true);
  XJ_ASSIGN_OR_RETURN(auto w, ExportTable::Create(target, layout, cols));
  for (const AllocationCounty& c : r.counties) {
    const CountyFactors& f = c.factors;
    const FactorAllocation& a = c.result;
    std::vector<XlsxCell> row = {
        XlsxCell::Text(f.region_code),
        XlsxCell::Text(c.region_name),
        XlsxCell::Text(f.key_county ? "是" : "否"),
        XlsxCell::Integer(f.rural_population),
        XlsxCell::Integer(f.lifted_population),
        XlsxCell::Integer(f.monitored_population),
        XlsxCell::Number(static_cast<double>(f.area_hundredths_km2) / 100.0),
        f.performance_score_bp ? XlsxCell::Number(*f.performance_score_bp / 100.0) : XlsxCell::Empty(),
    };
    for (const Fen& part : a.contributions) row.push_back(XlsxCell::Yuan(part));
    row.push_back(XlsxCell::Yuan(a.tilt));
    row.push_back(XlsxCell::Yuan(a.incentive));
    row.push_back(XlsxCell::Yuan(-a.deduction));
    row.push_back(XlsxCell::Yuan(a.amount));
    XJ_RETURN_IF_ERROR(w->AddRow(row));
  }
  return w->Close();
}

Status ExportSupervisionCoverage(const App& app, const Actor& actor, const SupervisionQuery& query,
                                 const ExportTarget& target) {
  const std::string code = query.region_code.empty() ? actor.region_code : query.region_code;
  XJ_ASSIGN_OR_RETURN(SupervisionCoverage own, app.CoverSupervision(actor, query));
  XJ_ASSIGN_OR_RETURN(std::vector<RegionSummary> children, app.RegionChildren(actor, code));
  XJ_ASSIGN_OR_RETURN(std::vector<SupervisionVisitView> visits, app.ListSupervisionVisits(actor, query));
  const std::string region = RegionName(app, actor, code);
  const std::string period = (query.from ? query.from->ToString() : std::string("起")) + " 至 " +
                             (query.to ? query.to->ToString() : std::string("今"));
  std::vector<XlsxColumn> cols = {
      {"区划代码", XlsxCellKind::kText, 12},    {"单位", XlsxCellKind::kText, 16},
      {"督导次数", XlsxCellKind::kInteger, 10}, {"覆盖地市", XlsxCellKind::kInteger, 10},
      {"覆盖县区", XlsxCellKind::kInteger, 10}, {"检查项目", XlsxCellKind::kInteger, 10},
  };
  auto layout = Layout("督导覆盖", region + " 督导覆盖情况（" + period + "）", "单位：次、个", region, false);
  XJ_ASSIGN_OR_RETURN(auto w, ExportTable::Create(target, layout, cols));
  auto row = [](const std::string& c, const std::string& name, const SupervisionCoverage& f) {
    return std::vector<XlsxCell>{XlsxCell::Text(c),
                                 XlsxCell::Text(name),
                                 XlsxCell::Integer(f.visits),
                                 XlsxCell::Integer(f.prefectures_covered),
                                 XlsxCell::Integer(f.counties_covered),
                                 XlsxCell::Integer(f.projects_checked)};
  };
  XJ_RETURN_IF_ERROR(w->AddRow(row(code, region + "（全辖区）", own)));
  for (const RegionSummary& child : children) {
    SupervisionQuery q = query;
    q.region_code = child.region.code;
    XJ_ASSIGN_OR_RETURN(SupervisionCoverage c, app.CoverSupervision(actor, q));
    XJ_RETURN_IF_ERROR(w->AddRow(row(child.region.code, child.region.name, c)));
  }
  XJ_RETURN_IF_ERROR(w->AddSheet(Layout("督导清单", region + " 督导清单（" + period + "）", "", region, false),
                                 {{"编号", XlsxCellKind::kInteger, 6},
                                  {"督导名称", XlsxCellKind::kText, 24},
                                  {"派出单位", XlsxCellKind::kText, 14},
                                  {"督导组成员", XlsxCellKind::kText, 20},
                                  {"开始日期", XlsxCellKind::kText, 12},
                                  {"结束日期", XlsxCellKind::kText, 12},
                                  {"覆盖区划", XlsxCellKind::kText, 30},
                                  {"检查项目", XlsxCellKind::kText, 30},
                                  {"发现问题", XlsxCellKind::kInteger, 10}}));
  auto joined = [](const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : "、") + p;
    return out;
  };
  for (const SupervisionVisitView& v : visits) {
    std::vector<std::string> places, projects;
    for (const auto& [c, name] : v.regions) places.push_back(name.empty() ? c : name);
    for (const CheckedProject& p : v.projects) projects.push_back(p.project_code + " " + p.name);
    XJ_RETURN_IF_ERROR(w->AddRow(
        {XlsxCell::Integer(v.visit.id), XlsxCell::Text(v.visit.title), XlsxCell::Text(v.region_name),
         XlsxCell::Text(joined(v.visit.team)), XlsxCell::Text(v.visit.start_date.ToString()),
         XlsxCell::Text(v.visit.end_date.ToString()), XlsxCell::Text(joined(places)), XlsxCell::Text(joined(projects)),
         XlsxCell::Integer(static_cast<std::int64_t>(v.visit.findings.size()))}));
  }
  return w->Close();
}

}  // namespace xj

namespace xj {

Status ExportAssetInventory(const App& app, const Actor& actor, std::int64_t id, const ExportTarget& target) {
  XJ_ASSIGN_OR_RETURN(InventoryView v, app.GetInventory(actor, id));
  const std::string region = RegionName(app, actor, v.campaign.region_code);
  const std::string title = region + " " + v.campaign.name + "（" + v.campaign.period + "）";
  std::vector<XlsxColumn> cols = {
      {"区划代码", XlsxCellKind::kText, 12},   {"单位", XlsxCellKind::kText, 16},
      {"资产数", XlsxCellKind::kInteger, 8},   {"已盘点", XlsxCellKind::kInteger, 8},
      {"差异", XlsxCellKind::kInteger, 8},     {"已核准", XlsxCellKind::kInteger, 8},
      {"账实相符", XlsxCellKind::kInteger, 9}, {"盘亏", XlsxCellKind::kInteger, 8},
      {"损毁", XlsxCellKind::kInteger, 8},     {"价值变动", XlsxCellKind::kInteger, 9},
      {"盘点前现值", XlsxCellKind::kYuan, 16}, {"盘点后现值", XlsxCellKind::kYuan, 16},
  };
  XJ_ASSIGN_OR_RETURN(
      auto w,
      ExportTable::Create(target, Layout("盘点进度", title + " 盘点进度", "单位：项、元", region, false), cols));
  auto row = [](const std::string& code, const std::string& name, const InventoryProgress& p) {
    return std::vector<XlsxCell>{XlsxCell::Text(code),
                                 XlsxCell::Text(name),
                                 XlsxCell::Integer(p.assets),
                                 XlsxCell::Integer(p.checked),
                                 XlsxCell::Integer(p.differences),
                                 XlsxCell::Integer(p.approved),
                                 XlsxCell::Integer(p.found),
                                 XlsxCell::Integer(p.missing),
                                 XlsxCell::Integer(p.damaged),
                                 XlsxCell::Integer(p.value_changed),
                                 XlsxCell::Yuan(Fen(p.value_before_fen)),
                                 XlsxCell::Yuan(Fen(p.value_after_fen))};
  };
  XJ_RETURN_IF_ERROR(w->AddRow(row(v.campaign.region_code, v.region_name + "（全辖区）", v.total)));
  for (const InventoryUnitProgress& u : v.units)
    XJ_RETURN_IF_ERROR(w->AddRow(row(u.region_code, u.region_name, u.progress)));
  XJ_RETURN_IF_ERROR(w->AddSheet(Layout("盘点明细", title + " 盘点明细", "单位：元", region, true),
                                 {{"资产编码", XlsxCellKind::kText, 16},
                                  {"资产名称", XlsxCellKind::kText, 20},
                                  {"区划代码", XlsxCellKind::kText, 12},
                                  {"盘点前现值", XlsxCellKind::kYuan, 14, true},
                                  {"盘点结果", XlsxCellKind::kText, 10},
                                  {"盘点后现值", XlsxCellKind::kYuan, 14, true},
                                  {"差异说明", XlsxCellKind::kText, 30},
                                  {"盘点人", XlsxCellKind::kText, 10},
                                  {"审核", XlsxCellKind::kText, 10},
                                  {"审核人", XlsxCellKind::kText, 10},
                                  {"审核意见", XlsxCellKind::kText, 24}}));
  for (const InventoryCheck& c : v.checks) {
    if (!app.InScope(actor, c.region_code)) continue;
    static constexpr std::string_view kReviewLabels[] = {"", "待审核", "已核准", "已退回"};
    XJ_RETURN_IF_ERROR(
        w->AddRow({XlsxCell::Text(c.asset_code), XlsxCell::Text(c.asset_name), XlsxCell::Text(c.region_code),
                   XlsxCell::Yuan(Fen(c.value_before_fen)), XlsxCell::Text(std::string(CheckOutcomeLabel(c.outcome))),
                   XlsxCell::Yuan(Fen(ValueAfter(c))), XlsxCell::Text(c.explanation), XlsxCell::Text(c.checked_by),
                   XlsxCell::Text(std::string(kReviewLabels[static_cast<int>(c.review)])),
                   XlsxCell::Text(c.reviewed_by), XlsxCell::Text(c.review_note)}));
  }
  return w->Close();
}

Status ExportEvaluationScoreSheet(const App& app, const Actor& actor, std::int64_t id, const ExportTarget& target) {
  XJ_ASSIGN_OR_RETURN(EvaluationView v, app.GetEvaluation(actor, id));
  const EvaluationRecord& r = v.record;
  const std::string status = r.status == "final"       ? "已审定"
                             : r.status == "reviewed"  ? "地市已复核"
                             : r.status == "submitted" ? "县级已提交"
                                                       : "县级自评中";
  const std::string title =
      v.region_name + " " + std::to_string(r.year) + " 年度衔接资金绩效评价评分表（" + status + "）";
  std::vector<XlsxColumn> cols = {
      {"评价内容", XlsxCellKind::kText, 14},       {"编号", XlsxCellKind::kText, 6},
      {"评分项", XlsxCellKind::kText, 16},         {"分值", XlsxCellKind::kDecimal, 8},
      {"评分标准", XlsxCellKind::kText, 40},       {"数据来源", XlsxCellKind::kText, 10},
      {"系统数据", XlsxCellKind::kText, 24},       {"得分", XlsxCellKind::kDecimal, 8},
      {"佐证材料及说明", XlsxCellKind::kText, 36}, {"复核调整", XlsxCellKind::kText, 30},
  };
  auto layout = Layout("评分表", title, "单位：分（模板 " + r.template_version + "，数据截至 " + r.as_of + "）",
                       v.region_name, false);
  XJ_ASSIGN_OR_RETURN(auto w, ExportTable::Create(target, layout, cols));
  auto points = [](const std::optional<std::int64_t>& p) {
    return p ? XlsxCell::Number(HundredthsToDouble(*p)) : XlsxCell::Empty();
  };
  for (const EvaluationItemView& i : v.items) {
    const std::int64_t full = i.item.max_points != 0 ? i.item.max_points : i.item.min_points;
    std::string adjusted;
    if (i.score.self_points) {
      adjusted = "自评 " + FormatHundredths(*i.score.self_points) + " 分，调整为 " +
                 (i.score.points ? FormatHundredths(*i.score.points) : std::string("—")) + " 分：" +
                 i.score.adjust_reason;
    }
    XJ_RETURN_IF_ERROR(w->AddRow(
        {XlsxCell::Text(std::string(EvaluationPartLabel(i.item.part))), XlsxCell::Text(i.item.id),
         XlsxCell::Text(i.item.name), XlsxCell::Number(HundredthsToDouble(full)), XlsxCell::Text(i.item.criteria),
         XlsxCell::Text(i.score.source == "engine" ? "系统计算" : "人工评分"), XlsxCell::Text(i.score.figure),
         points(i.score.points), XlsxCell::Text(i.score.evidence), XlsxCell::Text(adjusted)}));
  }
  for (EvaluationPart p : {EvaluationPart::kFundAllocation, EvaluationPart::kProjectManagement, EvaluationPart::kEffect,
                           EvaluationPart::kAdjustment}) {
    XJ_RETURN_IF_ERROR(
        w->AddRow({XlsxCell::Text(std::string(EvaluationPartLabel(p)) + " 小计"), XlsxCell::Empty(), XlsxCell::Empty(),
                   XlsxCell::Empty(), XlsxCell::Empty(), XlsxCell::Empty(), XlsxCell::Empty(),
                   XlsxCell::Number(HundredthsToDouble(v.totals.parts[static_cast<int>(p) - 1]))}));
  }
  XJ_RETURN_IF_ERROR(w->AddRow({XlsxCell::Text("总分"), XlsxCell::Empty(), XlsxCell::Empty(),
                                XlsxCell::Number(HundredthsToDouble(v.max_total)), XlsxCell::Empty(), XlsxCell::Empty(),
                                XlsxCell::Empty(), points(r.total)}));
  XJ_RETURN_IF_ERROR(w->AddRow(
      {XlsxCell::Text("评价等级"), XlsxCell::Empty(), XlsxCell::Empty(), XlsxCell::Empty(),
       XlsxCell::Text("优 ≥ " + FormatHundredths(v.bands.excellent) + "，良 ≥ " + FormatHundredths(v.bands.good) +
                      "，中 ≥ " + FormatHundredths(v.bands.pass) + "，其余为差"),
       XlsxCell::Empty(), XlsxCell::Empty(),
       XlsxCell::Text(r.grade.empty() ? "未评定" : std::string(GradeLabel(r.grade)))}));
  return w->Close();
}

}  // namespace xj
