// The library part of the Xizang demo: enough sheets, plans, reviews and postings in 城关区 that
// every library screen has something to show. Written through the use cases themselves.
#include "app/app.hpp"

namespace xj {
namespace {

constexpr const char* kDemoCounty = "540102";  // 城关区, the demo county officer's county

ProjectDetails DemoSheet(const Project& p, std::int64_t plan_id) {
  ProjectDetails d;
  d.funds = {{FundSource::kCentral, p.central_fund}};
  if (p.other_fund.value() > 0) d.funds.push_back({FundSource::kIntegrated, p.other_fund});
  d.implementing_unit = "城关区农业农村局";
  d.construction_content = p.subcategory;
  d.benefit_mechanism = "吸纳脱贫群众务工、村集体入股分红";
  d.households_exited = 36;
  d.households_monitored = 4;
  d.targets = {{IndicatorKind::kOutput, "建设内容按期完成率", "100%"},
               {IndicatorKind::kBenefit, "带动脱贫户增收", "户均 2000 元以上"},
               {IndicatorKind::kSatisfaction, "受益群众满意度", "≥95%"}};
  d.task_book = "按实施方案完成建设任务，资金专款专用，按月报送进度";
  d.roadmap = "前期手续 → 招标/以工代赈 → 施工 → 验收 → 资产移交";
  d.responsible_contact = "0891-6320000";
  d.procurement =
      p.gov_infrastructure ? (p.work_relief ? Procurement::kWorkRelief : Procurement::kTender) : Procurement::kDirect;
  d.work_relief_considered = true;
  d.work_relief_note = "已按以工代赈要求研究";
  d.village_plan_id = plan_id;
  return d;
}

}  // namespace

Status App::LoadDemoLibrary() {
  const Actor system = Actor::System();
  std::vector<std::string> villages;
  {
    auto tree = regions();
    const RegionIndex county = tree->Find(kDemoCounty);
    if (county == kNoRegion) return Status::Ok();
    for (RegionIndex i = county; i < tree->node(county).subtree_end; ++i) {
      if (tree->node(i).region.level == RegionLevel::kVillage) villages.push_back(tree->node(i).region.code);
    }
  }
  if (villages.size() < 3) return Status::Ok();
  const Date today = Today();

  // 联审联批: the departments 城关区 requires.
  XJ_RETURN_IF_ERROR(SetReviewConfig(system, {kDemoCounty, "*", {"发展改革委", "财政局"}}));
  XJ_RETURN_IF_ERROR(SetReviewConfig(system, {kDemoCounty, "0301", {"交通运输局"}}));

  // Sheets with a schedule on the county's first 2023 projects in a village: one milestone overdue.
  std::vector<std::string> existing;
  std::vector<std::string> plan_villages;  // a plan links only to projects of its village (definitions §19)
  {
    std::shared_lock lock(state_mu_);
    const RegionTree& tree = engine_->tree();
    const RegionIndex county = tree.Find(kDemoCounty);
    catalog_->ForEachIn(county, [&](const ProjectRowView& r) {
      if (r.year == 2023 && r.status == ProjectState::kStarted && existing.size() < 3 &&
          tree.node(r.region).region.level == RegionLevel::kVillage) {
        existing.push_back(r.project_code);
        plan_villages.push_back(tree.node(r.region).region.code);
      }
    });
  }
  for (const std::string& v : villages) {
    if (plan_villages.size() >= 3) break;
    plan_villages.push_back(v);
  }

  // 一村一策: three plans (the villages of the first two projects), the last without a project yet.
  std::vector<std::int64_t> plans;
  const char* titles[] = {"发展牦牛短期育肥，壮大村集体经济", "建设蔬菜温室，带动群众就近务工",
                          "改善人居环境，建设美丽乡村"};
  for (int i = 0; i < 3; ++i) {
    XJ_ASSIGN_OR_RETURN(VillagePlan plan,
                        SaveVillagePlan(system, {0, plan_villages[static_cast<std::size_t>(i)], 2023, titles[i],
                                                 "到 2025 年村集体经济收入达到 50 万元", ""}));
    plans.push_back(plan.id);
  }
  for (std::size_t i = 0; i < existing.size(); ++i) {
    XJ_ASSIGN_OR_RETURN(std::optional<StoredProject> stored, store_->GetProject(existing[i]));
    if (!stored) continue;
    ProjectInput in{stored->project, DemoSheet(stored->project, i < 2 ? plans[i] : 0)};
    in.details.milestones = {{"前期手续", 30, Date::FromYmd(2023, 3, 31), Date::FromYmd(2023, 3, 28)},
                             {"主体施工", 120, Date::FromYmd(2023, 7, 31), std::nullopt},
                             {"竣工验收", 30, Date::FromYmd(2023, 11, 30), std::nullopt}};
    XJ_RETURN_IF_ERROR(EditProject(system, stored->project.project_code, in, stored->version).status());
  }

  // 2024 proposals at the review stages (成熟一批、审核一批).
  struct Proposal {
    const char* code;
    const char* name;
    const char* category;
    const char* subcategory;
    std::int64_t yuan;
    bool construction;
    const char* fund_uses;
  };
  const Proposal proposals[] = {
      {"XZ2024540102L001", "城关区牦牛短期育肥基地扩建项目", "0101", "生产项目", 1'800'000, false, "圈舍及饲草料"},
      {"XZ2024540102L002", "城关区设施蔬菜温室建设项目", "0101", "生产项目", 2'400'000, false, "温室大棚"},
      {"XZ2024540102L003", "城关区通组道路硬化项目", "0301",
       "农村基础设施（道路、供水、电力、清洁能源、数字乡村、村级综合服务设施）", 5'200'000, true,
       "道路硬化；购置工程车辆"},
      {"XZ2024540102L004", "城关区农产品冷链仓储项目", "0102", "加工流通项目", 3'000'000, false, "冷库"},
      {"XZ2024540102L005", "城关区村级光伏电站项目", "0101", "生产项目", 1'200'000, false, "光伏板"},
  };
  for (std::size_t i = 0; i < std::size(proposals); ++i) {
    const Proposal& pr = proposals[i];
    ProjectInput in;
    Project& p = in.project;
    p.project_code = pr.code;
    p.name = pr.name;
    p.year = 2024;
    p.region_code = i < 2 ? plan_villages[i] : villages[i % villages.size()];  // the first two implement a plan
    p.category = pr.category;
    p.subcategory = pr.subcategory;
    p.total_investment = Fen::FromYuan(pr.yuan);
    p.central_fund = Fen::FromYuan(pr.yuan);
    p.planned_start = Date::FromYmd(2024, 4, 1);
    p.planned_finish = Date::FromYmd(2024, 10, 31);
    p.responsible_person = i % 2 ? "次仁卓玛" : "扎西次仁";
    p.gov_infrastructure = pr.construction;
    in.details = DemoSheet(p, i < 2 ? plans[i] : 0);
    in.details.fund_uses = pr.fund_uses;
    if (pr.construction) in.details.procurement = Procurement::kUndecided;
    in.details.milestones = {{"前期手续", 30, Date::FromYmd(2024, 3, 31), std::nullopt},
                             {"主体施工", 150, Date::FromYmd(2024, 8, 31), std::nullopt},
                             {"竣工验收", 60, Date::FromYmd(2024, 10, 31), std::nullopt}};
    XJ_RETURN_IF_ERROR(CreateProject(system, in).status());
  }
  auto step = [&](const std::string& code, const char* action) -> Status {
    XJ_ASSIGN_OR_RETURN(std::optional<StoredProject> s, store_->GetProject(code));
    if (!s) return Status::Internal("演示数据：项目不存在 " + code);
    const std::int64_t version = s->version;
    return TransitionProject(system, code, {action, "", today}, version).status();
  };
  for (const char* code : {"XZ2024540102L001", "XZ2024540102L002", "XZ2024540102L003", "XZ2024540102L005"}) {
    XJ_RETURN_IF_ERROR(step(code, "submit"));
    XJ_RETURN_IF_ERROR(step(code, "township_approve"));
  }
  // The road fails the compliance review (a vehicle, no tendering): the findings are on record.
  if (Status s = step("XZ2024540102L003", "county_review"); s.ok() || s.code() != ErrorCode::kConflict) {
    return s.ok() ? Status::Internal("演示数据：合规性审核应当发现问题") : s;
  }
  for (const char* code : {"XZ2024540102L001", "XZ2024540102L002", "XZ2024540102L005"}) {
    XJ_RETURN_IF_ERROR(step(code, "county_review"));
    for (const char* dept : {"发展改革委", "财政局"}) {
      XJ_RETURN_IF_ERROR(RecordSignoff(system, code, {dept, SignoffDecision::kApprove, "同意", "", ""}).status());
    }
  }
  // Postings: two have ended (one with an open objection), one is running.
  XJ_RETURN_IF_ERROR(
      CreatePosting(system, "XZ2024540102L001", {"admit", "城关区政务公开栏及村务公开栏", today.AddDays(-20), 10})
          .status());
  XJ_ASSIGN_OR_RETURN(Posting second,
                      CreatePosting(system, "XZ2024540102L002", {"admit", "城关区政务公开栏", today.AddDays(-15), 10}));
  XJ_RETURN_IF_ERROR(RecordObjection(system, "XZ2024540102L002", second.id,
                                     {0, 0, "", today.AddDays(-12), "温室选址占用基本农田", false, "", {}})
                         .status());
  XJ_RETURN_IF_ERROR(
      CreatePosting(system, "XZ2024540102L005", {"admit", "村务公开栏", today.AddDays(-3), 10}).status());
  return Status::Ok();
}

}  // namespace xj
