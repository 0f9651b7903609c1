#pragma once
/// The compliance review (合规性审核) of a library project at county review: pure
/// functions over the project, its library sheet, the reference data and the policy
/// values in force on the review date. Every finding is reported at once.

#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "domain/category.hpp"
#include "domain/policy.hpp"
#include "domain/project.hpp"
#include "domain/project_details.hpp"
#include "domain/reference_data.hpp"

namespace xj {

/// Stable rule identifiers (the `rule` of a finding).
struct ComplianceRule {
  static constexpr std::string_view kNegativeList = "negative_list";                        ///< 负面清单
  static constexpr std::string_view kCategoryNotInCatalogue = "category_not_in_catalogue";  ///< 不在指引目录
  static constexpr std::string_view kTenderRequired = "tender_required";                    ///< ≥400 万元须招标
  static constexpr std::string_view kWorkReliefNotConsidered = "work_relief_not_considered";      ///< 以工代赈
  static constexpr std::string_view kIndustryShareBelowMinimum = "industry_share_below_minimum";  ///< 产业占比
};

/// One problem found. `blocking` findings stop the county review; the others are shown.
struct ComplianceFinding {
  std::string rule;
  std::string ref_code;  ///< the negative-list item or category concerned
  bool blocking = true;
  std::string message;  ///< Chinese, names the figures and thresholds
  bool operator==(const ComplianceFinding&) const = default;
};

/// The county's annual plan as the industry-share rule sees it: central linkage funds of the
/// county's projects in the year's plan (InYearPlan, as `industry_share` counts them), with the
/// project under review added when it is not in the plan yet.
struct CountyPlanShare {
  FenTotal industry;  ///< of projects whose category counts as industry development
  FenTotal total;
};

/// Everything one review looks at.
struct ComplianceInput {
  const Project* project = nullptr;
  const ProjectDetails* details = nullptr;
  const CategoryCatalogue* categories = nullptr;
  const ReferenceCatalog* references = nullptr;
  const PolicySet* policies = nullptr;
  Date on;  ///< the review date: reference data and policies in force on it apply
  CountyPlanShare county_plan;
};

/// Runs every rule and returns every finding (empty = compliant). REQUIRES: all pointers set.
std::vector<ComplianceFinding> ReviewCompliance(const ComplianceInput& input);

/// Whether any finding blocks the review.
bool HasBlockingFinding(const std::vector<ComplianceFinding>& findings);

}  // namespace xj
