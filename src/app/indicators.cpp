// Figure use cases: indicators, children, rankings, flags — answered by the engine.
#include "app/app.hpp"

namespace xj {

Result<RegionIndex> App::ResolveRegion(const RegionTree& tree, const std::string& code) const {
  const RegionIndex i = tree.Find(code);
  if (i == kNoRegion) return Status::NotFound("区划不存在：" + code);
  return i;
}

Result<RegionIndicators> App::ComputeIndicators(const Actor& actor, const IndicatorQuery& q) const {
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, q.region_code));
  std::shared_lock lock(state_mu_);
  const RegionTree& tree = engine_->tree();
  XJ_ASSIGN_OR_RETURN(RegionIndex region, ResolveRegion(tree, q.region_code));
  return RegionIndicators{tree.node(region).region, engine_->Compute(region, q.year, q.as_of, q.fund_source)};
}

Result<std::vector<RegionIndicators>> App::ChildIndicators(const Actor& actor, const IndicatorQuery& q) const {
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, q.region_code));
  std::shared_lock lock(state_mu_);
  const RegionTree& tree = engine_->tree();
  std::vector<RegionIndex> children;
  if (q.region_code.empty()) {
    children = tree.roots();
  } else {
    XJ_ASSIGN_OR_RETURN(RegionIndex region, ResolveRegion(tree, q.region_code));
    children = tree.node(region).children;
  }
  std::vector<RegionIndicators> out;
  out.reserve(children.size());
  for (RegionIndex c : children) {
    out.push_back({tree.node(c).region, engine_->Compute(c, q.year, q.as_of, q.fund_source)});
  }
  return out;
}

RankOptions App::DefaultRankOptions(Date as_of) const {
  std::shared_lock lock(state_mu_);
  const PolicySet& p = engine_->policy();
  RankOptions o;
  o.top = static_cast<int>(p.ValueAt(PolicyKey::kIncentiveTopN, as_of));
  o.bottom = static_cast<int>(p.ValueAt(PolicyKey::kIncentiveBottomN, as_of));
  o.amount = Fen(p.ValueAt(PolicyKey::kIncentiveAmountFen, as_of));
  return o;
}

Result<std::vector<RankedRegion>> App::Rank(const Actor& actor, const IndicatorQuery& q,
                                            const RankOptions& options) const {
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, q.region_code));
  if (options.top < 0 || options.bottom < 0) return Status::InvalidArgument("奖惩名额不能为负数");
  if (options.amount.value() < 0) return Status::InvalidArgument("奖惩金额不能为负数");
  std::shared_lock lock(state_mu_);
  const RegionTree& tree = engine_->tree();
  RegionIndex root = kNoRegion;
  if (!q.region_code.empty()) {
    XJ_ASSIGN_OR_RETURN(root, ResolveRegion(tree, q.region_code));
  }
  const std::shared_ptr<const RegionTree>& owner = engine_->shared_tree();
  std::vector<RankRow> rows = engine_->Rank(root, q.year, q.as_of, q.fund_source, options);
  std::vector<RankedRegion> out;
  out.reserve(rows.size());
  for (RankRow& r : rows) {
    out.push_back({r.rank, std::shared_ptr<const Region>(owner, &tree.node(r.region).region), r.figures, r.incentive});
  }
  return out;
}

Result<FlagsReport> App::Flags(const Actor& actor, const std::string& region_code, std::optional<int> fund_year,
                               Date as_of, std::optional<FundSource> source) const {
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, region_code));
  std::shared_lock lock(state_mu_);
  const RegionTree& tree = engine_->tree();
  RegionIndex root = kNoRegion;
  if (!region_code.empty()) {
    XJ_ASSIGN_OR_RETURN(root, ResolveRegion(tree, region_code));
  }
  FlagsReport report;
  for (DisburseAsExpendFlag& f : engine_->DisburseAsExpendFlags(root, fund_year, as_of, source)) {
    const Region region = tree.node(f.region).region;
    report.disburse_as_expend.push_back({std::move(f), region});
  }
  for (PayAheadFlag& f : engine_->PayAheadFlags(root, as_of)) {
    const Region region = tree.node(f.region).region;
    report.pay_ahead.push_back({std::move(f), region});
  }
  return report;
}

}  // namespace xj
