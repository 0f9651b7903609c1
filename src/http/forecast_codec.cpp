// JSON of 年末支出进度预测 (docs/definitions.md §21) for GET /api/v1/forecast and `xianjie forecast`.
#include "http/codecs.hpp"

namespace xj::http {
namespace {

OrderedJson ForecastHundredthsJson(const std::optional<std::int64_t>& h) {
  return h ? OrderedJson(HundredthsToDouble(*h)) : OrderedJson(nullptr);
}

/// Why there is no forecast (null when there is one).
OrderedJson ForecastReasonJson(ForecastStatus s) {
  switch (s) {
    case ForecastStatus::kNoAllocation:
      return {{"code", "no_allocation"}, {"message", "截至该日未下达中央资金，没有支出进度可以外推"}};
    case ForecastStatus::kNoHistory:
      return {{"code", "no_history"}, {"message", "本级及各上级都没有往年同期的支出进度，不作预测"}};
    case ForecastStatus::kForecast:
    case ForecastStatus::kActual: break;
  }
  return nullptr;
}

OrderedJson ForecastRowJson(const ForecastRow& row, std::int64_t target_bp) {
  const YearEndForecast& f = row.forecast;
  OrderedJson basis = nullptr;
  if (!row.basis.empty()) {
    OrderedJson years = OrderedJson::array();
    for (const ForecastYear& y : row.basis) {
      const bool shown = row.basis_figures_shown;
      years.push_back({{"year", y.year},
                       {"progress_same_day", shown ? PercentJson(y.progress_then) : OrderedJson(nullptr)},
                       {"progress_year_end", shown ? PercentJson(y.year_end) : OrderedJson(nullptr)}});
    }
    basis = {{"region_code", row.basis_region_code}, {"name", row.basis_region_name}, {"years", std::move(years)}};
  }
  return {{"region_code", row.region.code},
          {"name", row.region.name},
          {"level", RegionLevelName(row.region.level)},
          {"parent_name", row.parent_name},
          {"status", ForecastStatusName(f.status)},
          {"progress_now", ForecastHundredthsJson(f.progress_now)},
          {"forecast", ForecastHundredthsJson(f.forecast)},
          {"low", ForecastHundredthsJson(f.low)},
          {"high", ForecastHundredthsJson(f.high)},
          {"target", HundredthsToDouble(target_bp)},
          {"will_miss", f.will_miss ? OrderedJson(*f.will_miss) : OrderedJson(nullptr)},
          {"basis", std::move(basis)},
          {"reason", ForecastReasonJson(f.status)}};
}

}  // namespace

OrderedJson ToJson(const ForecastReport& r) {
  OrderedJson items = OrderedJson::array();
  for (const ForecastRow& row : r.items) items.push_back(ForecastRowJson(row, r.target_bp));
  OrderedJson at_risk = OrderedJson::array();
  for (const ForecastRow& row : r.at_risk) at_risk.push_back(ForecastRowJson(row, r.target_bp));
  return {{"region_code", r.region_code},
          {"year", r.year},
          {"as_of", r.as_of.ToString()},
          {"year_end", r.year_end.ToString()},
          {"target", HundredthsToDouble(r.target_bp)},
          {"behind_pts", HundredthsToDouble(r.behind_bp)},
          {"items", std::move(items)},
          {"at_risk", std::move(at_risk)}};
}

OrderedJson FlatForecastRow(const ForecastRow& row, std::int64_t target_bp) {
  OrderedJson j = ForecastRowJson(row, target_bp);
  std::string years;
  for (const ForecastYear& y : row.basis) years += (years.empty() ? "" : "、") + std::to_string(y.year);
  j["basis"] = row.basis.empty() ? OrderedJson(nullptr) : OrderedJson(row.basis_region_name + " " + years);
  j["reason"] = j["reason"].is_null() ? OrderedJson(nullptr) : j["reason"]["message"];
  return j;
}

}  // namespace xj::http
