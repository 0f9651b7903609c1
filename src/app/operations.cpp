// Operational use cases: the demo dataset and the verification of every figure.
#include <algorithm>
#include <set>
#include <sstream>
#include <unordered_map>

#include "app/app.hpp"
#include "app/demo_generator.hpp"
#include "io/region_import.hpp"

namespace xj {

std::string_view EmbeddedXizangRegionsCsv();

Status App::LoadDemo(const Actor& actor, bool national) {
  if (actor.role != Role::kSystem) return Status::PermissionDenied("演示数据只能由命令行写入");
  XJ_ASSIGN_OR_RETURN(std::int64_t existing_projects, store_->CountProjects());
  if (existing_projects > 0) return Status::AlreadyExists("数据库已有项目数据，演示数据只能写入空库");
  {
    std::lock_guard write(write_mu_);
    XJ_ASSIGN_OR_RETURN(std::vector<Region> regions, store_->LoadRegions());
    std::vector<Region> to_add;
    if (regions.empty()) {
      if (national) {
        to_add = NationalDemoRegions(20230705);
      } else {
        std::istringstream in{std::string(EmbeddedXizangRegionsCsv())};
        CsvReader reader(in);
        XJ_ASSIGN_OR_RETURN(std::vector<RegionRow> rows, ReadRegionRows(reader));
        XJ_ASSIGN_OR_RETURN(to_add, MergeRegionRows({}, rows));
      }
      regions = to_add;
    }
    DemoGenerator generator(national ? NationalDemoOptions() : XizangDemoOptions(), regions);
    std::vector<Region> extra = generator.ExtraRegions();
    to_add.insert(to_add.end(), extra.begin(), extra.end());
    std::sort(to_add.begin(), to_add.end(), [](const Region& a, const Region& b) {
      return a.level != b.level ? a.level < b.level : a.code < b.code;
    });
    XJ_RETURN_IF_ERROR(store_->Transact([&]() -> Status {
      if (!to_add.empty()) XJ_RETURN_IF_ERROR(store_->UpsertRegions(to_add));
      XJ_RETURN_IF_ERROR(generator.Generate([&](DemoChunk&& chunk) -> Status {
        XJ_RETURN_IF_ERROR(store_->InsertProjects(chunk.projects));
        XJ_ASSIGN_OR_RETURN(auto appended, store_->AppendEntries(std::move(chunk.entries)));
        (void)appended;
        for (const ProjectContract& c : chunk.contracts) XJ_RETURN_IF_ERROR(store_->InsertContract(c));
        for (const ProgressReport& r : chunk.progress) XJ_RETURN_IF_ERROR(store_->InsertProgress(r));
        return Status::Ok();
      }));
      return national ? Status::Ok() : store_->UpsertBenchmarks(DemoBenchmarks());
    }));
    XJ_RETURN_IF_ERROR(ReloadRegions());
    XJ_RETURN_IF_ERROR(RebuildEngine());
    if (!national) XJ_RETURN_IF_ERROR(LoadDemoPaymentFlags());
  }
  if (national) return Status::Ok();
  XJ_RETURN_IF_ERROR(LoadDemoLibrary());
  XJ_RETURN_IF_ERROR(LoadDemoLastingBenefit());
  XJ_RETURN_IF_ERROR(LoadDemoDispatch());
  XJ_RETURN_IF_ERROR(LoadDemoReceipts());
  return LoadDemoFactors();
}

Status App::LoadDemoPaymentFlags() {
  // REQUIRES: write_mu_ held. Two provincial payments of 城关区 through the normal ledger path,
  // so that the flags page shows the kinds raised at payment: one whose purpose is on the
  // negative list, one beyond what the project was arranged. Provincial money: the article's
  // central figures stay as they are.
  const std::string a = "XZ20235401020001", b = "XZ20235401020002";
  XJ_ASSIGN_OR_RETURN(std::vector<Project> found, store_->FindProjects({b}));
  XJ_ASSIGN_OR_RETURN(std::vector<ProjectMoney> money, store_->ProjectMoneyOf({b}));
  if (found.empty()) return Status::Ok();
  FenTotal arranged = FenTotal(found.front().central_fund) + found.front().other_fund;
  FenTotal spent;
  if (!money.empty()) {
    if (money.front().any_allocation) arranged = money.front().allocated;
    spent = money.front().expended;
  }
  const Fen over = ClampToFen((arranged > spent ? arranged - spent : FenTotal()) + Fen::FromYuan(500'000));
  const Date day = Date::FromYmd(2023, 6, 20);
  std::vector<NumberedEntry> entries = {
      {1,
       {"PZDEMO-NEG-1", day, EntryKind::kExpend, FundSource::kProvincial, 2023, "540102", a, Fen::FromYuan(50'000),
        "城关区某汽车销售公司", PayeeType::kEnterprise, "", "购置办公车辆"}},
      {2,
       {"PZDEMO-OVER-1", day, EntryKind::kExpend, FundSource::kProvincial, 2023, "540102", b, over,
        "西藏高原建设工程有限公司", PayeeType::kEnterprise, "", "追加工程款"}},
  };
  return AppendLedger(Actor::System(), std::move(entries), {}).status();
}

Result<App::VerifyReport> App::Verify() {
  XJ_ASSIGN_OR_RETURN(auto years_sources, store_->FundYearsAndSources());
  std::set<int> years;
  for (const auto& [y, s] : years_sources) years.insert(y);
  VerifyReport report;
  std::shared_lock lock(state_mu_);
  const RegionTree& tree = engine_->tree();
  for (const auto& [year, source] : years_sources) {
    for (int y : {year, year + 1}) {
      for (auto [m, d] : {std::pair{3, 31}, {6, 30}, {7, 5}, {9, 30}, {12, 31}}) {
        const Date as_of = Date::FromYmd(y, m, d);
        const PolicySet& policy = engine_->policy();
        SqlFiguresQuery q{year,
                          as_of,
                          source,
                          policy.ValueAt(PolicyKey::kAdvanceCapBp, as_of),
                          policy.ValueAt(PolicyKey::kRetentionBp, as_of),
                          policy.ValueAt(PolicyKey::kDefectsLiabilityMonths, as_of)};
        XJ_ASSIGN_OR_RETURN(std::vector<SqlRegionFigures> rows, store_->ComputeFiguresBySql(q));
        std::unordered_map<std::string, const SqlRegionFigures*> by_code;
        for (const auto& r : rows) by_code.emplace(r.region_code, &r);
        const SqlRegionFigures zero;
        for (RegionIndex i = 0; i < static_cast<RegionIndex>(tree.size()); ++i) {
          const std::string& code = tree.node(i).region.code;
          auto it = by_code.find(code);
          const SqlRegionFigures& s = it == by_code.end() ? zero : *it->second;
          const Indicators e = engine_->Compute(i, year, as_of, source);
          ++report.checks;
          // year and source are structured bindings: captured by copy by name, which clang 14 (the
          // sanitized build) needs — it cannot capture a binding implicitly.
          auto check = [&, year = year, source = source](const char* figure, Int128 engine_value, Int128 sql_value) {
            if (engine_value != sql_value) {
              report.mismatches.push_back({code, year, as_of, source, figure, engine_value, sql_value});
            }
          };
          check("projects_total", e.projects_total, s.projects_total);
          check("projects_started", e.projects_started, s.projects_started);
          check("projects_finished", e.projects_finished, s.projects_finished);
          check("planned_total_fen", e.planned_total.value(), s.planned_total);
          check("industry_planned_fen", e.industry_planned.value(), s.planned_industry);
          check("allocated_fen", e.allocated.value(), s.allocated);
          check("allocated_to_projects_fen", e.allocated_to_projects.value(), s.allocated_to_projects);
          check("disbursed_fen", e.disbursed.value(), s.disbursed);
          check("expended_fen", e.expended.value(), s.expended);
          check("disburse_as_expend_fen", e.disburse_as_expend.value(), s.disburse_as_expend);
          check("pay_ahead_fen", e.pay_ahead.value(), s.pay_ahead);
        }
      }
    }
  }
  return report;
}

}  // namespace xj
