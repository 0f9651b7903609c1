#pragma once
/// What a project names besides itself (issue #21 point 2, docs/definitions.md §19): the numbering rule
/// of its code in force, the county a code is numbered in, and the 一村一策 plan it implements. The
/// project use cases (library.cpp) and the code-format read of the project form share these.

#include <cstdint>
#include <string>

#include "app/app.hpp"
#include "domain/project_code_rule.hpp"

namespace xj {

/// The numbering rule in force on `today`: the latest version of the `project_code_rule` reference
/// item effective on or before it, else kDefaultProjectCodeRule. `effective_from` is nullopt for the
/// default.
struct ProjectCodeRuleInForce {
  ProjectCodeRule rule;
  std::optional<Date> effective_from;
};
Result<ProjectCodeRuleInForce> CodeRuleInForce(const App& app, Date today);

/// The county (区县) `region_code` lies in, itself when it is one; the region itself when it lies
/// above every county (a prefecture's or the region's own project) or is unknown.
std::string CountyCodeFor(const RegionTree& tree, const std::string& region_code);

/// The code format a project of `region_code` and `year` gets when its code is left empty
/// (GET /api/v1/projects/code-format): the rule, its pattern with the county and year filled in
/// and the date the rule took effect. kRead on the region; NotFound for an unknown region.
struct ProjectCodeFormat {
  std::string rule;
  std::string pattern;  ///< XZ2024540102####
  std::string county;
  int year = 0;
  std::optional<Date> effective_from;
};
Result<ProjectCodeFormat> ProjectCodeFormatFor(const App& app, const Actor& actor, const std::string& region_code,
                                               int year, Date today);

/// Whether a project of `region_code` may name plan `plan_id` (0 = none): the plan exists (an id of
/// another kind of record is no plan) and its village is the project's region or lies in it.
/// InvalidArgument `unknown_village_plan` or `village_plan_elsewhere` otherwise; negative ids are
/// unknown too.
Status CheckVillagePlanLink(Store& store, const RegionTree& tree, const std::string& region_code, std::int64_t plan_id);

}  // namespace xj
