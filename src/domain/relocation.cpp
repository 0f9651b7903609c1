// Relocation support rules (issue #20 point 5, docs/definitions.md §13).
#include "domain/relocation.hpp"

namespace xj {

std::string_view SiteKindName(SiteKind k) {
  return k == SiteKind::kDispersed ? "dispersed" : "concentrated";
}

std::string_view SiteKindLabel(SiteKind k) {
  return k == SiteKind::kDispersed ? "分散" : "集中";
}

std::optional<SiteKind> ParseSiteKind(std::string_view text) {
  if (text == "concentrated" || text == "集中") return SiteKind::kConcentrated;
  if (text == "dispersed" || text == "分散") return SiteKind::kDispersed;
  return std::nullopt;
}

std::string CheckRelocationSite(const RelocationSite& site) {
  if (site.site_code.empty()) return "empty_code";
  if (site.name.empty()) return "empty_name";
  if (site.planned_households < 0 || site.planned_persons < 0 || site.planned_persons < site.planned_households) {
    return "bad_plan";
  }
  return "";
}

std::string_view SubsidyBasisName(SubsidyBasis b) {
  return b == SubsidyBasis::kPerHousehold ? "per_household" : "per_person";
}

std::string_view SubsidyKindName(SubsidyKind k) {
  switch (k) {
    case SubsidyKind::kCrossRegionTravel: return "cross_region_travel";
    case SubsidyKind::kStartup: return "startup";
    case SubsidyKind::kSkillsTraining: return "skills_training";
  }
  return "cross_region_travel";
}

std::string_view SubsidyKindLabel(SubsidyKind k) {
  switch (k) {
    case SubsidyKind::kCrossRegionTravel: return "跨区域就业交通补贴";
    case SubsidyKind::kStartup: return "创业补贴";
    case SubsidyKind::kSkillsTraining: return "技能培训补贴";
  }
  return "";
}

std::optional<SubsidyKind> ParseSubsidyKind(std::string_view text) {
  for (SubsidyKind k : kAllSubsidyKinds) {
    if (text == SubsidyKindName(k)) return k;
  }
  return std::nullopt;
}

SubsidyBasis BasisOf(SubsidyKind k) {
  return k == SubsidyKind::kStartup ? SubsidyBasis::kPerHousehold : SubsidyBasis::kPerPerson;
}

std::string_view StandardKeyOf(SubsidyKind k) {
  switch (k) {
    case SubsidyKind::kCrossRegionTravel: return PolicyKey::kRelocationTravelFen;
    case SubsidyKind::kStartup: return PolicyKey::kRelocationStartupFen;
    case SubsidyKind::kSkillsTraining: return PolicyKey::kRelocationTrainingFen;
  }
  return PolicyKey::kRelocationTravelFen;
}

std::string_view RaiseKeyOf(SubsidyKind k) {
  switch (k) {
    case SubsidyKind::kCrossRegionTravel: return PolicyKey::kRelocationTravelRaiseBp;
    case SubsidyKind::kStartup: return PolicyKey::kRelocationStartupRaiseBp;
    case SubsidyKind::kSkillsTraining: return PolicyKey::kRelocationTrainingRaiseBp;
  }
  return PolicyKey::kRelocationTravelRaiseBp;
}

std::int64_t RaisedStandardFen(std::int64_t standard_fen, std::int64_t raise_bp) {
  constexpr std::int64_t kFullBp = 10'000;
  return (standard_fen * (kFullBp + raise_bp) + kFullBp / 2) / kFullBp;
}

SubsidyStandard StandardOn(const PolicySet& policy, SubsidyKind kind, const std::vector<std::string>& chain,
                           Date date) {
  SubsidyStandard s;
  s.kind = kind;
  s.basis = BasisOf(kind);
  s.standard_fen = policy.ValueIn(StandardKeyOf(kind), chain, date);
  s.raise_bp = policy.ValueIn(RaiseKeyOf(kind), chain, date);
  s.unit_fen = RaisedStandardFen(s.standard_fen, s.raise_bp);
  return s;
}

std::int64_t SubsidyAmountFen(const SubsidyStandard& standard, std::int64_t persons) {
  return standard.basis == SubsidyBasis::kPerPerson ? standard.unit_fen * persons : standard.unit_fen;
}

std::string_view SubsidyStateName(SubsidyState s) {
  return s == SubsidyState::kPaid ? "paid" : "computed";
}

std::optional<SubsidyState> ParseSubsidyState(std::string_view text) {
  if (text == "computed") return SubsidyState::kComputed;
  if (text == "paid") return SubsidyState::kPaid;
  return std::nullopt;
}

namespace {
bool Within(Date d, std::optional<Date> from, std::optional<Date> to) {
  return (!from || !(d < *from)) && (!to || !(*to < d));
}
}  // namespace

RelocationFigures SummarizeRelocation(const std::vector<RelocatedHouseholdFact>& households,
                                      const std::vector<SubsidyFact>& subsidies, std::optional<Date> from,
                                      std::optional<Date> to) {
  RelocationFigures f;
  for (const RelocatedHouseholdFact& h : households) {
    if (!Within(h.moved_in_on, from, to)) continue;
    ++f.households;
    f.persons += h.members;
  }
  for (const SubsidyFact& s : subsidies) {
    if (Within(s.basis_on, from, to)) {
      ++f.claims;
      f.computed_fen += s.amount_fen;
    }
    if (s.paid_on && Within(*s.paid_on, from, to)) {
      ++f.paid_claims;
      f.paid_fen += s.paid_fen;
    }
  }
  return f;
}

}  // namespace xj
