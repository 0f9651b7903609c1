// What-if of the incentive ranking (issue #19 point 2): two calls of the one ranking (App::Rank),
// the current policy and the changed one, joined by county. Nothing is written.
#include "app/what_if.hpp"

#include <charconv>
#include <map>
#include <set>

#include "core/ratio.hpp"

namespace xj {
namespace {

Result<std::int64_t> NonNegative(const std::string& key, const std::string& text, std::int64_t max) {
  std::int64_t v = -1;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size() || v < 0 || v > max) {
    return Status::InvalidArgument(key + " 应为 0 到 " + std::to_string(max) + " 之间的整数：" + text);
  }
  return v;
}

nlohmann::ordered_json ScopesJson(const Ranking& r) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const RankingScope& s : r.scopes) {
    nlohmann::ordered_json j;
    j["region_code"] = s.owner ? nlohmann::ordered_json(s.owner->code) : nlohmann::ordered_json(nullptr);
    j["region_name"] = s.owner ? s.owner->name : std::string("全国");
    j["size"] = s.size;
    j["top_n"] = s.top_n;
    j["bottom_n"] = s.bottom_n;
    j["amount_fen"] = s.amount.value();
    out.push_back(std::move(j));
  }
  return out;
}

std::optional<std::int64_t> ProgressOf(const RankedRegion& r, RankMetric metric) {
  return PercentHundredths(metric == RankMetric::kAssessedProgress ? r.figures.assessed_progress
                                                                   : r.figures.expend_progress);
}

}  // namespace

Result<RankWhatIf> ParseRankWhatIf(const std::vector<std::pair<std::string, std::string>>& pairs) {
  if (pairs.empty()) return Status::InvalidArgument("模拟至少要改变一个参数（key=value）");
  constexpr std::int64_t kMaxN = 100000;
  constexpr std::int64_t kMaxAmountFen = 1'000'000'000'000'000;  // 10,000,000,000,000 元
  RankWhatIf w;
  std::set<std::string> seen;
  for (const auto& [key, value] : pairs) {
    if (!seen.insert(key).second) return Status::InvalidArgument("模拟参数重复：" + key);
    if (key == PolicyKey::kIncentiveTopN) {
      XJ_ASSIGN_OR_RETURN(std::int64_t v, NonNegative(key, value, kMaxN));
      w.top_n = static_cast<int>(v);
    } else if (key == PolicyKey::kIncentiveBottomN) {
      XJ_ASSIGN_OR_RETURN(std::int64_t v, NonNegative(key, value, kMaxN));
      w.bottom_n = static_cast<int>(v);
    } else if (key == PolicyKey::kIncentiveAmountFen) {
      XJ_ASSIGN_OR_RETURN(w.amount_fen, NonNegative(key, value, kMaxAmountFen));
    } else if (key == "metric") {
      w.metric = ParseRankMetric(value);
      if (!w.metric) return Status::InvalidArgument("metric 应为 expend_progress|assessed_progress：" + value);
    } else if (key == "as_of") {
      XJ_ASSIGN_OR_RETURN(w.as_of, Date::Parse(value));
    } else {
      return Status::InvalidArgument(
          "未知的模拟参数：" + key +
          "（应为 incentive_top_n、incentive_bottom_n、incentive_amount_fen、metric、as_of）");
    }
  }
  return w;
}

Result<WhatIfComparison> CompareWhatIf(const App& app, const Actor& actor, const IndicatorQuery& query,
                                       const RankRequest& request, const RankWhatIf& what_if) {
  WhatIfComparison c;
  c.what_if = what_if;
  XJ_ASSIGN_OR_RETURN(c.current, app.Rank(actor, query, request));
  IndicatorQuery changed_query = query;
  if (what_if.as_of) changed_query.as_of = *what_if.as_of;
  RankRequest changed = request;
  if (what_if.top_n) changed.top = what_if.top_n;
  if (what_if.bottom_n) changed.bottom = what_if.bottom_n;
  if (what_if.amount_fen) changed.amount = Fen(*what_if.amount_fen);
  if (what_if.metric) changed.metric = *what_if.metric;
  XJ_ASSIGN_OR_RETURN(c.simulated, app.Rank(actor, changed_query, changed));
  std::map<std::string, const RankedRegion*> now;
  for (const RankedRegion& r : c.current.rows) {
    now.emplace(r.region->code, &r);
    c.current_total_fen += r.incentive.value();
  }
  for (const RankedRegion& r : c.simulated.rows) {
    WhatIfRow row;
    row.region_code = r.region->code;
    row.region_name = r.region->name;
    row.what_if_rank = r.rank;
    row.what_if_incentive_fen = r.incentive.value();
    row.what_if_progress = ProgressOf(r, changed.metric);
    if (auto it = now.find(row.region_code); it != now.end()) {
      row.rank = it->second->rank;
      row.incentive_fen = it->second->incentive.value();
      row.progress = ProgressOf(*it->second, request.metric);
    }
    c.what_if_total_fen += row.what_if_incentive_fen;
    c.rows.push_back(std::move(row));
  }
  return c;
}

nlohmann::ordered_json WhatIfRowsJson(const WhatIfComparison& c) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const WhatIfRow& r : c.rows) {
    nlohmann::ordered_json j;
    j["region_code"] = r.region_code;
    j["region_name"] = r.region_name;
    j["rank"] = r.rank ? nlohmann::ordered_json(*r.rank) : nlohmann::ordered_json(nullptr);
    j["incentive_fen"] = r.incentive_fen;
    j["progress"] = HundredthsJson(r.progress);
    j["what_if_rank"] = r.what_if_rank ? nlohmann::ordered_json(*r.what_if_rank) : nlohmann::ordered_json(nullptr);
    j["what_if_incentive_fen"] = r.what_if_incentive_fen;
    j["what_if_progress"] = HundredthsJson(r.what_if_progress);
    rows.push_back(std::move(j));
  }
  return rows;
}

nlohmann::ordered_json WhatIfJson(const WhatIfComparison& c) {
  nlohmann::ordered_json w = nlohmann::ordered_json::object();
  if (c.what_if.top_n) w[std::string(PolicyKey::kIncentiveTopN)] = *c.what_if.top_n;
  if (c.what_if.bottom_n) w[std::string(PolicyKey::kIncentiveBottomN)] = *c.what_if.bottom_n;
  if (c.what_if.amount_fen) w[std::string(PolicyKey::kIncentiveAmountFen)] = *c.what_if.amount_fen;
  if (c.what_if.metric) w["metric"] = RankMetricName(*c.what_if.metric);
  if (c.what_if.as_of) w["as_of"] = c.what_if.as_of->ToString();
  nlohmann::ordered_json j;
  j["what_if"] = std::move(w);
  j["current"] = {{"scopes", ScopesJson(c.current)}, {"total_fen", c.current_total_fen}};
  j["simulated"] = {{"scopes", ScopesJson(c.simulated)}, {"total_fen", c.what_if_total_fen}};
  j["rows"] = WhatIfRowsJson(c);
  return j;
}

}  // namespace xj
