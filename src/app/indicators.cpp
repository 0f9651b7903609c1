// Figure use cases: indicators, children, rankings — answered by the engine (flags: flags.cpp).
#include <map>

#include "app/app.hpp"

namespace xj {

Result<RegionIndex> App::ResolveRegion(const RegionTree& tree, const std::string& code) const {
  const RegionIndex i = tree.Find(code);
  if (i == kNoRegion) return Status::NotFound("区划不存在：" + code);
  return i;
}

namespace {

/// How many earlier fund years the best-earlier comparison looks back.
constexpr int kEarlierYears = 10;

}  // namespace

Result<RegionIndicators> App::ComputeIndicators(const Actor& actor, const IndicatorQuery& q) const {
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, q.region_code));
  XJ_ASSIGN_OR_RETURN(std::vector<Benchmark> benchmarks, store_->LoadBenchmarks());
  std::shared_lock lock(state_mu_);
  const RegionTree& tree = engine_->tree();
  XJ_ASSIGN_OR_RETURN(RegionIndex region, ResolveRegion(tree, q.region_code));
  RegionIndicators out{tree.node(region).region, engine_->Compute(region, q.year, q.as_of, q.fund_source),
                       HeadlineComparisons{}};
  // The national average: the latest value dated in the fund year, up to the as-of date.
  auto national = [&](BenchmarkIndicator indicator) {
    std::optional<Benchmark> latest;
    for (const Benchmark& b : benchmarks) {
      if (b.indicator != indicator || b.date.year() != q.year || b.date > q.as_of) continue;
      if (!latest || b.date > latest->date) latest = b;
    }
    return latest;
  };
  HeadlineComparisons& c = *out.comparisons;
  c.start_rate.national = national(BenchmarkIndicator::kStartRate);
  c.expend_progress.national = national(BenchmarkIndicator::kExpendProgress);
  // The region's best earlier year, each on the same day of its own year.
  for (int y = q.year - 1; y >= q.year - kEarlierYears; --y) {
    const Indicators then =
        engine_->Compute(region, y, q.as_of.SameDayInYear(q.as_of.year() - (q.year - y)), q.fund_source);
    for (auto [figure, cmp] : {std::pair{then.start_rate, &c.start_rate}, {then.expend_progress, &c.expend_progress}}) {
      if (figure.defined() && (!cmp->best.defined() || CompareRatios(figure, cmp->best) > 0)) {
        cmp->best = figure;
        cmp->best_year = y;
      }
    }
  }
  return out;
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
    out.push_back({tree.node(c).region, engine_->Compute(c, q.year, q.as_of, q.fund_source), std::nullopt});
  }
  return out;
}

Result<RankRequest> MakeRankRequest(std::string_view level, std::string_view metric) {
  RankRequest r;
  auto parsed = ParseRegionLevel(level);
  if (!parsed) return Status::InvalidArgument("未知的级别：" + std::string(level));
  r.level = *parsed;
  if (metric != "expend_progress" && metric != "assessed_progress") {
    return Status::InvalidArgument("metric 应为 expend_progress|assessed_progress");
  }
  r.metric = metric == "assessed_progress" ? RankMetric::kAssessedProgress : RankMetric::kExpendProgress;
  return r;
}

namespace {

/// The region owning the incentive scheme that ranks `unit` on `date`: the nearest ancestor
/// owning a scheme of its own, else the province-level ancestor, else none (the whole tree).
RegionIndex SchemeOwner(const RegionTree& tree, const PolicySet& policy, RegionIndex unit, Date date) {
  RegionIndex province = kNoRegion;
  for (RegionIndex a = tree.node(unit).parent; a != kNoRegion; a = tree.node(a).parent) {
    const Region& r = tree.node(a).region;
    if (policy.OwnsIncentiveScheme(r.code, date)) return a;
    if (r.level == RegionLevel::kProvince && province == kNoRegion) province = a;
  }
  return province;
}

}  // namespace

Result<Ranking> App::Rank(const Actor& actor, const IndicatorQuery& q, const RankRequest& request) const {
  XJ_RETURN_IF_ERROR(Authorize(actor, Action::kRead, q.region_code));
  if (request.top.value_or(0) < 0 || request.bottom.value_or(0) < 0) {
    return Status::InvalidArgument("奖惩名额不能为负数");
  }
  if (request.amount && request.amount->value() < 0) return Status::InvalidArgument("奖惩金额不能为负数");
  std::shared_lock lock(state_mu_);
  const RegionTree& tree = engine_->tree();
  const PolicySet& policy = engine_->policy();
  auto units_under = [&](RegionIndex root) {
    if (root != kNoRegion) return tree.DescendantsAtLevel(root, request.level);
    std::vector<RegionIndex> all;
    for (RegionIndex r : tree.roots()) {
      auto part = tree.DescendantsAtLevel(r, request.level);
      all.insert(all.end(), part.begin(), part.end());
    }
    return all;
  };
  RegionIndex root = kNoRegion;
  if (!q.region_code.empty()) {
    XJ_ASSIGN_OR_RETURN(root, ResolveRegion(tree, q.region_code));
  }
  // The schemes the requested units belong to, in tree order (the whole tree first).
  std::map<RegionIndex, int> owners;
  for (RegionIndex u : units_under(root)) owners.emplace(SchemeOwner(tree, policy, u, q.as_of), 0);

  const std::shared_ptr<const RegionTree>& owner_tree = engine_->shared_tree();
  auto region_ptr = [&](RegionIndex i) { return std::shared_ptr<const Region>(owner_tree, &tree.node(i).region); };
  Ranking out;
  for (const auto& [owner, unused] : owners) {
    const IncentiveScheme scheme =
        policy.IncentiveSchemeOf(owner == kNoRegion ? "" : tree.node(owner).region.code, q.as_of);
    RankOptions o;
    o.metric = request.metric;
    o.top = request.top.value_or(scheme.top_n);
    o.bottom = request.bottom.value_or(scheme.bottom_n);
    o.amount = request.amount.value_or(Fen(scheme.amount_fen));
    // Every unit of the scheme, wherever the caller looks: the ranking is the scheme's.
    std::vector<RegionIndex> members;
    for (RegionIndex u : units_under(owner)) {
      if (SchemeOwner(tree, policy, u, q.as_of) == owner) members.push_back(u);
    }
    std::vector<RankRow> ranked = engine_->Rank(members, q.year, q.as_of, q.fund_source, o);
    RankingScope scope{owner == kNoRegion ? nullptr : region_ptr(owner), 0, o.top, o.bottom, o.amount};
    for (const RankRow& r : ranked) scope.size += r.rank > 0 ? 1 : 0;
    const std::size_t index = out.scopes.size();
    out.scopes.push_back(std::move(scope));
    for (RankRow& r : ranked) {
      if (root != kNoRegion && !tree.Contains(root, r.region)) continue;
      out.rows.push_back({r.rank > 0 ? std::optional<int>(r.rank) : std::nullopt, region_ptr(r.region),
                          std::move(r.figures), r.incentive, index});
    }
  }
  return out;
}

}  // namespace xj
