#pragma once
/// 易地扶贫搬迁后续扶持 (relocation support, issue #20 point 5, docs/definitions.md §13): relocation sites
/// (安置点), relocated households (搬迁户), the support kinds with their dated regional standards
/// (PolicySet keys relocation_subsidy_*), the amount of a subsidy on a basis date and the roll-up.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "domain/policy.hpp"
#include "domain/work_relief.hpp"

namespace xj {

/// 安置方式 of a site. Values are persisted: never renumber.
enum class SiteKind : int {
  kConcentrated = 1,  ///< 集中安置
  kDispersed = 2,     ///< 分散安置
};
/// "concentrated" | "dispersed".
std::string_view SiteKindName(SiteKind k);
/// 集中 | 分散.
std::string_view SiteKindLabel(SiteKind k);
std::optional<SiteKind> ParseSiteKind(std::string_view text);

/// A relocation site (安置点): where relocated households live; its region is the owner of the
/// standards that apply to them.
struct RelocationSite {
  std::string site_code;
  std::string name;
  std::string region_code;  ///< county, township or village
  SiteKind kind = SiteKind::kConcentrated;
  std::int64_t planned_households = 0;
  std::int64_t planned_persons = 0;
  std::string created_at = {}, updated_at = {};
};

/// Why `site` cannot be saved ('' when it can): the reason code (empty_code, empty_name, bad_plan).
std::string CheckRelocationSite(const RelocationSite& site);

/// How a kind's standard counts: per person (× the persons the claim covers) or per household.
enum class SubsidyBasis : int { kPerPerson = 1, kPerHousehold = 2 };
std::string_view SubsidyBasisName(SubsidyBasis b);

/// A support kind (扶持类别). Stored by name: never rename.
enum class SubsidyKind : int {
  kCrossRegionTravel = 1,  ///< 跨区域就业交通补贴, per person
  kStartup = 2,            ///< 创业补贴, per household
  kSkillsTraining = 3,     ///< 技能培训补贴, per person
};
inline constexpr SubsidyKind kAllSubsidyKinds[] = {SubsidyKind::kCrossRegionTravel, SubsidyKind::kStartup,
                                                   SubsidyKind::kSkillsTraining};
/// "cross_region_travel" | "startup" | "skills_training".
std::string_view SubsidyKindName(SubsidyKind k);
/// 跨区域就业交通补贴 | 创业补贴 | 技能培训补贴.
std::string_view SubsidyKindLabel(SubsidyKind k);
std::optional<SubsidyKind> ParseSubsidyKind(std::string_view text);
SubsidyBasis BasisOf(SubsidyKind k);
/// The policy keys of a kind's standard (fen) and of its raise (bp).
std::string_view StandardKeyOf(SubsidyKind k);
std::string_view RaiseKeyOf(SubsidyKind k);

/// `standard_fen` raised by `raise_bp` (5000 = +50%), rounded half up to whole fen:
/// ⌊(standard × (10000 + raise) + 5000) ÷ 10000⌋. REQUIRES: both non-negative.
std::int64_t RaisedStandardFen(std::int64_t standard_fen, std::int64_t raise_bp);

/// A kind's standard in force on a date for a region.
struct SubsidyStandard {
  SubsidyKind kind = SubsidyKind::kCrossRegionTravel;
  SubsidyBasis basis = SubsidyBasis::kPerPerson;
  std::int64_t standard_fen = 0;  ///< before the raise
  std::int64_t raise_bp = 0;
  std::int64_t unit_fen = 0;  ///< RaisedStandardFen(standard_fen, raise_bp)
};
/// The standard of `kind` on `date` for a household whose site lies in the first region of `chain`
/// (the site's region, then its ancestors): each key's value owned by the nearest region of the chain,
/// else the general one (PolicySet::ValueIn).
SubsidyStandard StandardOn(const PolicySet& policy, SubsidyKind kind, const std::vector<std::string>& chain, Date date);
/// The amount of a claim: unit × persons for a per-person kind, the unit for a per-household one.
std::int64_t SubsidyAmountFen(const SubsidyStandard& standard, std::int64_t persons);

/// The state of a subsidy claim. Stored by name.
enum class SubsidyState : int { kComputed = 1, kPaid = 2 };
std::string_view SubsidyStateName(SubsidyState s);
std::optional<SubsidyState> ParseSubsidyState(std::string_view text);

/// What the roll-up reads of a household: where (site's region), since when, how many people.
struct RelocatedHouseholdFact {
  std::string region_code;
  Date moved_in_on;
  std::int64_t members = 0;
};
/// What the roll-up reads of a claim.
struct SubsidyFact {
  std::string region_code;
  Date basis_on;
  std::int64_t amount_fen = 0;
  std::optional<Date> paid_on;
  std::int64_t paid_fen = 0;
};
/// The figures of a region and period (docs/definitions.md §13).
struct RelocationFigures {
  std::int64_t households = 0;  ///< moved in within the period
  std::int64_t persons = 0;     ///< their members
  std::int64_t claims = 0;      ///< claims whose basis date is in the period
  std::int64_t computed_fen = 0;
  std::int64_t paid_claims = 0;  ///< claims paid within the period
  std::int64_t paid_fen = 0;
};
/// Sums the facts whose dates lie from `from` to `to` (inclusive, open when absent). The caller
/// passes only facts of the region's subtree.
RelocationFigures SummarizeRelocation(const std::vector<RelocatedHouseholdFact>& households,
                                      const std::vector<SubsidyFact>& subsidies, std::optional<Date> from,
                                      std::optional<Date> to);

}  // namespace xj
