// The project's links (docs/definitions.md §19): its code rule in force, its county, its 一村一策 plan.
#include "app/project_links.hpp"

#include <string>
#include <vector>

#include "domain/reference_data.hpp"

namespace xj {

Result<ProjectCodeRuleInForce> CodeRuleInForce(const App& app, Date today) {
  XJ_ASSIGN_OR_RETURN(std::vector<ReferenceItem> versions,
                      app.ReferenceData(Actor::System(), std::string(kProjectCodeRuleKind)));
  const std::vector<ReferenceItem> in_force =
      ReferenceCatalog(std::move(versions)).InForce(kProjectCodeRuleKind, today);
  if (in_force.empty()) {
    XJ_ASSIGN_OR_RETURN(ProjectCodeRule rule, ProjectCodeRule::Parse(kDefaultProjectCodeRule));
    return ProjectCodeRuleInForce{std::move(rule), std::nullopt};
  }
  // Every version was parsed when it was added; a stored one that no longer parses is a broken row.
  Result<ProjectCodeRule> rule = ProjectCodeRule::Parse(in_force.front().text);
  if (!rule.ok()) return Status::Internal("已存的项目编码规则无法解析：" + in_force.front().text);
  return ProjectCodeRuleInForce{std::move(*rule), in_force.front().effective_from};
}

std::string CountyCodeFor(const RegionTree& tree, const std::string& region_code) {
  for (RegionIndex i = tree.Find(region_code); i != kNoRegion;) {
    const Region& r = tree.node(i).region;
    if (r.level == RegionLevel::kCounty) return r.code;
    i = r.parent_code.empty() ? kNoRegion : tree.Find(r.parent_code);
  }
  return region_code;
}

Result<ProjectCodeFormat> ProjectCodeFormatFor(const App& app, const Actor& actor, const std::string& region_code,
                                               int year, Date today) {
  if (region_code.empty()) return Status::MissingField("缺少区划 region");
  XJ_RETURN_IF_ERROR(app.Authorize(actor, Action::kRead, region_code));
  if (year < 2000 || year > 2100) return Status::InvalidArgument("年度应为 2000–2100 之间的整数");
  XJ_ASSIGN_OR_RETURN(ProjectCodeRuleInForce in_force, CodeRuleInForce(app, today));
  ProjectCodeFormat out;
  out.rule = in_force.rule.text();
  out.county = CountyCodeFor(*app.regions(), region_code);
  out.year = year;
  out.pattern = in_force.rule.Pattern({year, out.county});
  out.effective_from = in_force.effective_from;
  return out;
}

Status CheckVillagePlanLink(Store& store, const RegionTree& tree, const std::string& region_code,
                            std::int64_t plan_id) {
  if (plan_id == 0) return Status::Ok();
  const std::string id = std::to_string(plan_id);
  if (plan_id < 0) {
    return Status::InvalidArgument("一村一策不存在：" + id).WithReason("unknown_village_plan");
  }
  LibraryRecordQuery q;
  q.kind = LibraryKind::kVillagePlan;
  q.id = plan_id;
  XJ_ASSIGN_OR_RETURN(std::vector<LibraryRecord> plans, store.FindLibraryRecords(q));
  if (plans.empty()) {
    return Status::InvalidArgument("一村一策不存在：" + id + "（请从本村的规划中选择）")
        .WithReason("unknown_village_plan");
  }
  const RegionIndex project = tree.Find(region_code);
  const RegionIndex village = tree.Find(plans.front().region_code);
  if (project == kNoRegion || village == kNoRegion || !tree.Contains(project, village)) {
    return Status::InvalidArgument("一村一策「" + id + "」属于其他村（" + plans.front().region_code +
                                   "），不能关联到本项目所在区划（" + region_code + "）")
        .WithReason("village_plan_elsewhere");
  }
  return Status::Ok();
}

}  // namespace xj
